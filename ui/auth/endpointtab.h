// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "auth/authkeys.h"

#include <apinator/authendpoint.h>

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace Apinator::Ui {

class AuthEndpointSettings;
class VerdictView;

// Endpoint test: POSTs what a client SDK sends to the user's own auth endpoint, shows the
// request and the answer (status, headers, body, ms) and inspects the answer.
class EndpointTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointTab)
public:
    explicit EndpointTab(HttpClient *http, QWidget *parent = nullptr);
    ~EndpointTab() override;

    void setKeys(const AuthKeys &keys);
    // Where the URL, format and headers are written as they are typed (the Monitor reads them).
    void setSharedSettings(AuthEndpointSettings *settings);
    bool isSending() const { return m_test != nullptr; }
    VerdictView *verdict() const { return m_verdict; }
    // Empty when Send may go; else the first reason (also Send's tooltip).
    QString blockingReason() const;

Q_SIGNALS:
    // The user wants this answer in the Inspect tab.
    void inspectRequested(const QByteArray &answer, const QByteArray &socketId, const QByteArray &channel);
    void finished();

private:
    void updateState();
    void send();
    void showResult(const AuthEndpointResult &result);
    // Headers from the box, one "Name: value" per line; *error names a bad line.
    HeaderList headers(QString *error) const;
    AuthEndpointRequest request() const;

    HttpClient *m_http;
    AuthKeys m_keys;
    QLineEdit *m_url;
    QComboBox *m_format;
    QPlainTextEdit *m_headers;
    QLabel *m_headersError;
    QLineEdit *m_socketId;
    QPushButton *m_newSocketId;
    QLineEdit *m_channel;
    QLabel *m_inputError;
    QPushButton *m_send;
    QPlainTextEdit *m_request;
    QLabel *m_status;
    QPlainTextEdit *m_response;
    QPushButton *m_toInspect;
    VerdictView *m_verdict;
    QPointer<AuthEndpointTest> m_test;
    AuthEndpointResult m_last;
    AuthEndpointRequest m_sent;
    AuthEndpointSettings *m_shared = nullptr;
};

} // namespace Apinator::Ui
