// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "auth/authkeys.h"

#include <QWidget>

#include <optional>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

namespace Apinator::Ui {

class CopyField;

// Sign: socket id, channel and for presence a channel_data builder in; the string to sign,
// the signature, the auth value and the endpoint's exact JSON answer out. Signs as you type.
class SignTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignTab)
public:
    explicit SignTab(QWidget *parent = nullptr);

    void setKeys(const AuthKeys &keys);
    // The channel_data that will be signed; nullopt for non-presence channels or invalid input.
    std::optional<QByteArray> channelData() const;
    CopyField *stringToSignField() const { return m_stringToSign; }
    CopyField *signatureField() const { return m_signature; }
    CopyField *authField() const { return m_auth; }
    CopyField *responseField() const { return m_response; }

private:
    void update();
    // The string to sign as HTML, each ":" separator marked and invisible bytes escaped.
    static QString visibleStringToSign(const QByteArray &socketId, const QByteArray &channel,
                                       const std::optional<QByteArray> &channelData);

    AuthKeys m_keys;
    QLabel *m_keysNote;
    QLineEdit *m_socketId;
    QLabel *m_socketIdError;
    QLineEdit *m_channel;
    QLabel *m_channelError;
    QGroupBox *m_presence;
    QRadioButton *m_builderMode;
    QRadioButton *m_rawMode;
    QLineEdit *m_userId;
    QPlainTextEdit *m_userInfo;
    QPlainTextEdit *m_raw;
    QLabel *m_channelDataError;
    CopyField *m_stringToSign;
    CopyField *m_signature;
    CopyField *m_auth;
    CopyField *m_response;
};

} // namespace Apinator::Ui
