// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/authendpoint.h>

#include <QObject>

namespace Apinator::Ui {

// The Auth page's endpoint tester settings (URL, body format, extra headers), shared with
// the Monitor, which can authorize its subscriptions through the same endpoint. Kept in
// memory for the window's lifetime only: the headers may hold cookies and tokens, which
// never go to disk.
class AuthEndpointSettings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthEndpointSettings)
public:
    explicit AuthEndpointSettings(QObject *parent = nullptr);

    // socketId and channelName are per request: left empty here.
    const AuthEndpointRequest &request() const { return m_request; }
    void setRequest(AuthEndpointRequest request);
    // True once the user typed a URL in the Auth page.
    bool isSet() const { return !m_request.url.isEmpty(); }

Q_SIGNALS:
    void changed();

private:
    AuthEndpointRequest m_request;
};

} // namespace Apinator::Ui
