// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/realtimeclient.h>

#include <QWidget>

class QLabel;
class QLineEdit;
class QRadioButton;

namespace Apinator {
class HttpClient;
}

namespace Apinator::Ui {

class AuthEndpointSettings;

// How the Monitor's private and presence subscriptions are authorized: signed here with
// the profile's secret (the default), or through the user's own auth endpoint as set on
// the Auth page; and the presence identity (user id, user info JSON object).
class AuthorizationPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthorizationPane)
public:
    AuthorizationPane(AuthEndpointSettings *endpoint, HttpClient *http, QWidget *parent = nullptr);

    // What the client is given; empty when the input is not usable (error() says why).
    RealtimeAuthorization authorization() const;
    QString error() const { return m_error; }

Q_SIGNALS:
    // A usable change: the next subscriptions use it.
    void changed();

private:
    void validate();

    AuthEndpointSettings *m_endpoint;
    HttpClient *m_http;
    QRadioButton *m_local;
    QRadioButton *m_useEndpoint;
    QLabel *m_endpointInfo;
    QLineEdit *m_userId;
    QLineEdit *m_userInfo;
    QLabel *m_userInfoError;
    QString m_error;
};

} // namespace Apinator::Ui
