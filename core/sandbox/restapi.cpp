// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "restapi.h"

#include "appregistry.h"
#include "protocol/jsonscan.h"
#include "websockethub.h"

#include <apinator/json.h>
#include <apinator/names.h>


using namespace Qt::StringLiterals;

namespace Apinator::Sandbox {

namespace {

constexpr qsizetype MaxEventNameLength = 200;
constexpr qsizetype MaxChannelsPerEvent = 100;

ServerResponse invalid(const QString &code, const QString &detail)
{
    return problemResponse(400, code, detail);
}

ServerResponse methodNotAllowed(QByteArrayView method, QByteArrayView allowed, QByteArrayView path)
{
    ServerResponse r = problemResponse(405, u"method_not_allowed"_s,
                                       u"%1 is not allowed on %2; use %3"_s.arg(QString::fromLatin1(method),
                                                                               QString::fromLatin1(path),
                                                                               QString::fromLatin1(allowed)));
    r.extraHeaders = "Allow: " + allowed.toByteArray() + "\r\n";
    return r;
}

// Offset of the first byte that breaks UTF-8; only called once the body is known bad.
qsizetype firstInvalidUtf8(QByteArrayView bytes)
{
    qsizetype i = 0;
    while (i < bytes.size()) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        const qsizetype length = c < 0x80               ? 1
                                 : (c & 0xe0) == 0xc0 ? 2
                                 : (c & 0xf0) == 0xe0 ? 3
                                 : (c & 0xf8) == 0xf0 ? 4
                                                      : 0;
        if (length == 0 || i + length > bytes.size() || !Json::isValidUtf8(bytes.sliced(i, length)))
            return i;
        i += length;
    }
    return bytes.size();
}

QByteArray queryValue(QByteArrayView query, QByteArrayView name)
{
    qsizetype start = 0;
    while (start <= query.size()) {
        qsizetype end = query.indexOf('&', start);
        if (end < 0)
            end = query.size();
        const QByteArrayView pair = query.sliced(start, end - start);
        const qsizetype eq = pair.indexOf('=');
        if ((eq < 0 ? pair : pair.first(eq)) == name) {
            QByteArray value = eq < 0 ? QByteArray() : pair.sliced(eq + 1).toByteArray();
            value.replace('+', ' ');
            return QByteArray::fromPercentEncoding(value);
        }
        start = end + 1;
    }
    return {};
}

QByteArray channelJson(const ChannelInfo &info, bool withOccupied, bool withUserCount)
{
    QByteArray out = R"({"name":)" + Json::quote(info.name.toUtf8());
    if (withOccupied)
        out.append(R"(,"occupied":true)");
    out.append(R"(,"subscription_count":)").append(QByteArray::number(info.subscriptionCount));
    if (withUserCount && info.userCount >= 0)
        out.append(R"(,"user_count":)").append(QByteArray::number(info.userCount));
    return out.append('}');
}

} // namespace

RestApi::RestApi(const AppRegistry *apps, WebSocketHub *hub, std::function<qint64()> clock,
                 qint64 timestampWindowSeconds)
    : m_apps(apps)
    , m_hub(hub)
    , m_clock(std::move(clock))
    , m_window(timestampWindowSeconds)
{
}

ServerResponse RestApi::handle(const ServerRequest &request)
{
    const QByteArrayView path = request.path;
    if (path.startsWith("/app/")) {
        ServerResponse r = problemResponse(426, u"upgrade_required"_s,
                                           u"%1 is the WebSocket endpoint: connect to it with a WebSocket client"_s.arg(
                                               QString::fromLatin1(path)));
        r.extraHeaders = "Upgrade: websocket\r\n"_ba;
        return r;
    }
    enum class Endpoint { None, Events, Channels, Channel } endpoint = Endpoint::None;
    QByteArrayView appId;
    QByteArrayView channelName;
    if (path.startsWith("/apps/")) {
        const QByteArrayView rest = path.sliced(6);
        const qsizetype slash = rest.indexOf('/');
        if (slash > 0) {
            appId = rest.first(slash);
            const QByteArrayView tail = rest.sliced(slash);
            if (tail == "/events")
                endpoint = Endpoint::Events;
            else if (tail == "/channels")
                endpoint = Endpoint::Channels;
            else if (tail.startsWith("/channels/") && tail.size() > 10 && tail.sliced(10).indexOf('/') < 0) {
                endpoint = Endpoint::Channel;
                channelName = tail.sliced(10);
            }
        }
    }
    if (endpoint == Endpoint::None)
        return problemResponse(404, u"not_found"_s,
                               u"no endpoint %1 %2; the REST API has POST /apps/{app_id}/events, GET "
                               "/apps/{app_id}/channels and GET /apps/{app_id}/channels/{channel_name}"_s
                                   .arg(QString::fromLatin1(request.method), QString::fromLatin1(path)));
    const QByteArrayView allowed = endpoint == Endpoint::Events ? "POST" : "GET";
    if (request.method != allowed)
        return methodNotAllowed(request.method, allowed, path);

    const AppState *app = m_apps->byAppId(appId);
    if (!app)
        return problemResponse(404, u"app_not_found"_s,
                               u"no app with id \"%1\" in this sandbox"_s.arg(QString::fromLatin1(appId)));
    if (std::optional<ServerResponse> denied = authenticate(*app, request))
        return std::move(*denied);

    switch (endpoint) {
    case Endpoint::Events: return trigger(*app, request);
    case Endpoint::Channels: return listChannels(*app, request);
    case Endpoint::Channel: return showChannel(*app, channelName);
    case Endpoint::None: break;
    }
    return problemResponse(500, u"internal_error"_s, u"unrouted request"_s);
}

ServerResponse RestApi::trigger(const AppState &app, const ServerRequest &request)
{
    const QByteArray &body = request.body;
    if (body.isEmpty())
        return invalid(u"invalid_json"_s,
                       u"the body is empty; send a JSON object like {\"name\":\"my-event\",\"channel\":\"my-channel\","
                       "\"data\":\"{}\"}"_s);
    if (!Json::isValidUtf8(body)) {
        const qsizetype at = firstInvalidUtf8(body);
        return invalid(u"invalid_json"_s, u"the body is not valid UTF-8: byte 0x%1 at offset %2"_s
                                              .arg(static_cast<unsigned char>(body[at]), 2, 16, QChar(u'0'))
                                              .arg(at));
    }
    const JsonScan json(body);
    if (!json.isValid())
        return invalid(u"invalid_json"_s,
                       u"the body is not valid JSON: %1 at offset %2"_s.arg(json.error()).arg(json.errorOffset()));
    if (json.root().type != JsonScan::Type::Object)
        return invalid(u"invalid_json"_s,
                       u"the body must be a JSON object, not %1"_s.arg(JsonScan::typeName(json.root().type)));

    const JsonScan::Value *name = json.member("name");
    if (!name)
        return invalid(u"missing_field"_s, u"\"name\" is required: the event name"_s);
    if (!name->isString())
        return invalid(u"invalid_field"_s, u"\"name\" must be a string, not %1"_s.arg(JsonScan::typeName(name->type)));
    const QByteArray eventName = json.string(*name);
    if (const QString e = Names::eventNameError(QString::fromUtf8(eventName)); !e.isEmpty())
        return invalid(u"invalid_field"_s, u"\"name\": "_s + e);
    if (const qsizetype length = QString::fromUtf8(eventName).size(); length > MaxEventNameLength)
        return invalid(u"invalid_field"_s,
                       u"\"name\" has %1 characters; the limit is %2"_s.arg(length).arg(MaxEventNameLength));

    const JsonScan::Value *data = json.member("data");
    if (!data)
        return invalid(u"missing_field"_s, u"\"data\" is required: a string, usually JSON text"_s);
    if (!data->isString())
        return invalid(u"invalid_field"_s,
                       u"\"data\" must be a string, not %1: send the JSON text of your payload as a string, "
                       "\"data\":\"{\\\"text\\\":\\\"hi\\\"}\" (JSON.stringify it)"_s.arg(JsonScan::typeName(data->type)));

    const JsonScan::Value *channel = json.member("channel");
    const JsonScan::Value *channelsValue = json.member("channels");
    if (channel && channelsValue)
        return invalid(u"invalid_field"_s, u"give \"channel\" or \"channels\", not both"_s);
    if (!channel && !channelsValue)
        return invalid(u"missing_field"_s, u"\"channel\" (one name) or \"channels\" (a list of names) is required"_s);
    QStringList channels;
    if (channel) {
        if (!channel->isString())
            return invalid(u"invalid_field"_s,
                           u"\"channel\" must be a string, not %1"_s.arg(JsonScan::typeName(channel->type)));
        channels.append(QString::fromUtf8(json.string(*channel)));
    } else {
        if (channelsValue->type != JsonScan::Type::Array)
            return invalid(u"invalid_field"_s, u"\"channels\" must be an array of names, not %1"_s.arg(
                                                   JsonScan::typeName(channelsValue->type)));
        const auto list = json.elements(*channelsValue);
        if (list.isEmpty())
            return invalid(u"invalid_field"_s, u"\"channels\" is empty; give at least one channel"_s);
        if (list.size() > MaxChannelsPerEvent)
            return invalid(u"invalid_field"_s, u"\"channels\" has %1 names; the limit is %2"_s.arg(list.size())
                                                   .arg(MaxChannelsPerEvent));
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (!list[i].isString())
                return invalid(u"invalid_field"_s, u"\"channels\"[%1] must be a string, not %2"_s.arg(i).arg(
                                                       JsonScan::typeName(list[i].type)));
            const QString c = QString::fromUtf8(json.string(list[i]));
            if (!channels.contains(c))
                channels.append(c);
        }
    }
    for (qsizetype i = 0; i < channels.size(); ++i) {
        if (const QString e = Names::channelNameError(channels[i]); !e.isEmpty())
            return invalid(u"invalid_channel_name"_s,
                           (channel ? u"\"channel\": "_s : u"\"channels\"[%1]: "_s.arg(i)) + e);
    }

    const JsonScan::Value *socketId = json.member("socket_id");
    const WsClient *exclude = nullptr;
    if (socketId && socketId->type != JsonScan::Type::Null) {
        if (!socketId->isString())
            return invalid(u"invalid_field"_s,
                           u"\"socket_id\" must be a string, not %1"_s.arg(JsonScan::typeName(socketId->type)));
        const QString id = QString::fromUtf8(json.string(*socketId));
        if (const QString e = Names::socketIdError(id); !e.isEmpty())
            return invalid(u"invalid_field"_s, u"\"socket_id\": "_s + e);
        exclude = m_hub->client(id);
    }

    // Accepted: deliver now, so subscribers see events in the order they were accepted.
    // The data literal goes out as it came in: no decoding and re-encoding.
    ChannelHub &hub = m_hub->channels();
    for (const QString &c : std::as_const(channels))
        if (hub.isOccupied(&app, c))
            hub.publish(&app, c, eventName, json.span(*data), exclude);
    return jsonResponse(200, "{}"_ba);
}

ServerResponse RestApi::listChannels(const AppState &app, const ServerRequest &request)
{
    const QString prefix = QString::fromUtf8(queryValue(request.query, "filter_by_prefix"));
    const bool userCount = queryValue(request.query, "info").split(',').contains("user_count");
    QByteArray out = R"({"channels":[)";
    bool first = true;
    for (const ChannelInfo &info : m_hub->channels().channels(&app, prefix)) {
        out.append(first ? "" : ",").append(channelJson(info, false, userCount));
        first = false;
    }
    return jsonResponse(200, out.append("]}"));
}

ServerResponse RestApi::showChannel(const AppState &app, QByteArrayView encodedName)
{
    const QString name = QString::fromUtf8(QByteArray::fromPercentEncoding(encodedName.toByteArray()));
    if (const QString e = Names::channelNameError(name); !e.isEmpty())
        return invalid(u"invalid_channel_name"_s, e);
    const std::optional<ChannelInfo> info = m_hub->channels().channel(&app, name);
    if (!info)
        return problemResponse(404, u"channel_not_found"_s,
                               u"channel \"%1\" is not occupied: nobody is subscribed to it"_s.arg(name));
    return jsonResponse(200, channelJson(*info, true, true));
}

} // namespace Apinator::Sandbox
