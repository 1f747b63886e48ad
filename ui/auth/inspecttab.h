// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "auth/authkeys.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace Apinator::Ui {

class VerdictView;

// Inspect: paste what an auth endpoint answered (or just the auth value), with the socket id
// and channel it was for; the verdict and its cause update as you type.
class InspectTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InspectTab)
public:
    explicit InspectTab(QWidget *parent = nullptr);

    void setKeys(const AuthKeys &keys);
    // Fills the inputs (the Endpoint test's "Inspect this answer").
    void inspect(const QByteArray &answer, const QByteArray &socketId, const QByteArray &channel);
    VerdictView *verdict() const { return m_verdict; }

private:
    void update();

    AuthKeys m_keys;
    QPlainTextEdit *m_pasted;
    QLineEdit *m_socketId;
    QLabel *m_socketIdError;
    QLineEdit *m_channel;
    QLabel *m_channelError;
    QLineEdit *m_channelData;
    VerdictView *m_verdict;
};

} // namespace Apinator::Ui
