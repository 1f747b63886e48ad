// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "authendpointserver.h"

#include <apinator/channelauth.h>

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace TestSupport {

AuthEndpointServer::AuthEndpointServer(const QString &key, QByteArray secret, QByteArray channelData, int status)
{
    m_server.setResponder([=](const CapturedRequest &request) {
        if (status != 200)
            return ScriptedResponse{RawHttpServer::response(status, "Nope")};
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        const QByteArray channel = body.value("channel_name"_L1).toString().toUtf8();
        const bool presence = channel.startsWith("presence-");
        const Apinator::ChannelAuthSigner signer(key.toUtf8(), secret);
        const Apinator::ChannelAuthToken token = signer.sign(body.value("socket_id"_L1).toString().toUtf8(), channel,
                                                             presence ? std::optional(channelData) : std::nullopt);
        return ScriptedResponse{
            RawHttpServer::response(200, "OK", {{"Content-Type"_ba, "application/json"_ba}}, token.responseJson())};
    });
}

Apinator::RealtimeAuthorization AuthEndpointServer::authorization(Apinator::HttpClient *http) const
{
    Apinator::RealtimeAuthorization a;
    Apinator::AuthEndpointRequest request;
    request.url = url();
    a.endpoint = request;
    a.http = http;
    return a;
}

} // namespace TestSupport
