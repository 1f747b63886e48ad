// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "rawhttpserver.h"

#include <apinator/realtimeclient.h>

namespace Apinator {
class HttpClient;
}

namespace TestSupport {

// An auth endpoint like a developer's, on 127.0.0.1: reads {"socket_id", "channel_name"} and
// signs with the key and secret it was given (the app's, or a wrong secret), presence
// channels with channelData; answers `status` with no token when that is not 200.
class AuthEndpointServer
{
public:
    AuthEndpointServer(const QString &key, QByteArray secret, QByteArray channelData, int status = 200);

    bool listen() { return m_server.listen(); }
    QByteArray url() const { return m_server.baseUrl() + "/pusher/auth"; }
    // The client's authorization through this endpoint.
    Apinator::RealtimeAuthorization authorization(Apinator::HttpClient *http) const;
    const QList<CapturedRequest> &requests() const { return m_server.requests(); }

private:
    RawHttpServer m_server;
};

} // namespace TestSupport
