// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "httpmessage.h"

#include <functional>
#include <optional>

namespace Apinator::Sandbox {

class AppRegistry;
class WebSocketHub;
struct AppState;

// The REST API of PROTOCOL.md ("REST requests"), checked as strictly as the cloud:
// routing, the three signing headers, then the body. Every error is a problem
// document whose detail says what to fix.
class RestApi final
{
public:
    RestApi(const AppRegistry *apps, WebSocketHub *hub, std::function<qint64()> clock, qint64 timestampWindowSeconds);

    ServerResponse handle(const ServerRequest &request);

    // nullopt when the request is signed right for the app, else the 401 to answer.
    std::optional<ServerResponse> authenticate(const AppState &app, const ServerRequest &request) const;

private:
    ServerResponse trigger(const AppState &app, const ServerRequest &request);
    ServerResponse listChannels(const AppState &app, const ServerRequest &request);
    ServerResponse showChannel(const AppState &app, QByteArrayView encodedName);

    const AppRegistry *m_apps;
    WebSocketHub *m_hub;
    std::function<qint64()> m_clock;
    qint64 m_window;
};

} // namespace Apinator::Sandbox
