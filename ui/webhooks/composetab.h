// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/httpclient.h>

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace Apinator::Ui {

class WebhookSecretField;

// Compose: an event type's template (or any body), a timestamp, the secret; the signed
// headers and a curl command; Send to the user's own handler with its answer and time.
class WebhookComposeTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookComposeTab)
public:
    explicit WebhookComposeTab(HttpClient *http, QWidget *parent = nullptr);

    WebhookSecretField *secretField() const { return m_secret; }
    // The request as signed now (timestamp "now" is read at each call).
    HttpRequest request() const;
    void sign();

private:
    QLayout *buildForm();
    void applyTemplate();
    void send();
    qint64 timestamp(bool *ok) const;

    HttpClient *m_http;
    QComboBox *m_event;
    QLineEdit *m_channel;
    QLineEdit *m_user;
    QPlainTextEdit *m_body;
    QComboBox *m_timeMode;
    QLineEdit *m_time;
    WebhookSecretField *m_secret;
    QPushButton *m_sign;
    QPlainTextEdit *m_headers;
    QPlainTextEdit *m_curl;
    QLineEdit *m_url;
    QPushButton *m_send;
    QLabel *m_status;
    QPlainTextEdit *m_response;
    QPointer<HttpReply> m_reply;
    bool m_applying = false;
};

} // namespace Apinator::Ui
