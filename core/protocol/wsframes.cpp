// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "wsframes.h"

#include <apinator/json.h>

namespace Apinator::WsFrame {

namespace {
void appendHead(QByteArray &out, QByteArrayView event, QByteArrayView channel)
{
    out.append(R"({"event":)");
    Json::appendQuoted(out, event);
    if (!channel.isEmpty()) {
        out.append(R"(,"channel":)");
        Json::appendQuoted(out, channel);
    }
    // data is a JSON-encoded STRING, never a nested object (PROTOCOL.md).
    out.append(R"(,"data":)");
}
} // namespace

QByteArray build(QByteArrayView event, QByteArrayView channel, QByteArrayView dataJson, QByteArrayView extra)
{
    QByteArray out;
    out.reserve(event.size() + channel.size() + dataJson.size() * 5 / 4 + extra.size() + 40);
    appendHead(out, event, channel);
    Json::appendQuoted(out, dataJson);
    out.append(extra).append('}');
    return out;
}

QByteArray buildWithLiteral(QByteArrayView event, QByteArrayView channel, QByteArrayView dataLiteral,
                            QByteArrayView extra)
{
    QByteArray out;
    out.reserve(event.size() + channel.size() + dataLiteral.size() + extra.size() + 40);
    appendHead(out, event, channel);
    out.append(dataLiteral).append(extra).append('}');
    return out;
}

QByteArray connectionEstablished(QByteArrayView socketId, int activityTimeoutSeconds)
{
    QByteArray data = R"({"socket_id":)";
    Json::appendQuoted(data, socketId);
    data.append(R"(,"activity_timeout":)").append(QByteArray::number(activityTimeoutSeconds)).append('}');
    return build("realtime:connection_established", {}, data);
}

QByteArray error(int code, const QString &message)
{
    QByteArray data = R"({"code":)" + QByteArray::number(code) + R"(,"message":)";
    Json::appendQuoted(data, message.toUtf8());
    data.append('}');
    return build("realtime:error", {}, data);
}

QByteArray subscriptionError(QByteArrayView channel, QByteArrayView type, const QString &message, int status)
{
    QByteArray data = R"({"type":)";
    Json::appendQuoted(data, type);
    data.append(R"(,"error":)");
    Json::appendQuoted(data, message.toUtf8());
    data.append(R"(,"status":)").append(QByteArray::number(status)).append('}');
    return build("realtime:subscription_error", channel, data);
}

} // namespace Apinator::WsFrame
