// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "realtimeframes.h"

#include "protocol/jsonscan.h"
#include "protocol/wsframes.h"

#include <apinator/json.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Apinator::RealtimeFrames {

namespace {

using Apinator::JsonScan;
// One encoding of the protocol's frames for both peers (the sandbox uses it too).
using WsFrame::build;

QJsonObject object(QByteArrayView json)
{
    return QJsonDocument::fromJson(json.toByteArray()).object();
}

} // namespace

bool decode(QByteArrayView utf8, Frame *frame, QString *error)
{
    // A validating scan that keeps spans: QJsonDocument would build UTF-16 copies of the
    // data only for us to convert them back.
    const JsonScan scan(utf8);
    if (!scan.isValid()) {
        *error = u"frame is not JSON: %1 at offset %2"_s.arg(scan.error()).arg(scan.errorOffset());
        return false;
    }
    if (scan.root().type != JsonScan::Type::Object) {
        *error = u"frame is %1, not a JSON object"_s.arg(JsonScan::typeName(scan.root().type));
        return false;
    }
    const JsonScan::Value *event = scan.member("event");
    if (!event || !event->isString()) {
        *error = u"frame has no \"event\" string"_s;
        return false;
    }
    frame->event = scan.string(*event);
    const JsonScan::Value *channel = scan.member("channel");
    frame->channel = channel && channel->isString() ? scan.string(*channel) : QByteArray();
    const JsonScan::Value *data = scan.member("data");
    if (!data)
        frame->data.clear();
    else
        frame->data = data->isString() ? scan.string(*data) : scan.span(*data).toByteArray();
    const JsonScan::Value *userId = scan.member("user_id");
    frame->userId = userId && userId->isString() ? scan.string(*userId) : QByteArray();
    return true;
}

QByteArray subscribe(QByteArrayView channel, QByteArrayView auth, const std::optional<QByteArray> &channelData)
{
    QByteArray data = R"({"channel":)";
    Json::appendQuoted(data, channel);
    if (!auth.isEmpty()) {
        data.append(R"(,"auth":)");
        Json::appendQuoted(data, auth);
    }
    if (channelData) {
        // The exact text that was signed, as a string: re-serializing would break the signature.
        data.append(R"(,"channel_data":)");
        Json::appendQuoted(data, *channelData);
    }
    data.append('}');
    return build("realtime:subscribe", {}, data);
}

QByteArray unsubscribe(QByteArrayView channel)
{
    QByteArray data = R"({"channel":)";
    Json::appendQuoted(data, channel);
    data.append('}');
    return build("realtime:unsubscribe", {}, data);
}

QByteArray ping()
{
    return build("realtime:ping", {}, "{}");
}

QByteArray pong()
{
    return build("realtime:pong", {}, "{}");
}

QByteArray clientEvent(QByteArrayView channel, QByteArrayView event, QByteArrayView data)
{
    return build(event, channel, data);
}

std::optional<Established> parseEstablished(QByteArrayView data)
{
    const QJsonObject o = object(data);
    const QString socketId = o.value("socket_id"_L1).toString();
    if (socketId.isEmpty())
        return std::nullopt;
    Established e;
    e.socketId = socketId;
    e.activityTimeoutSeconds = o.value("activity_timeout"_L1).toInt(120);
    if (e.activityTimeoutSeconds <= 0)
        e.activityTimeoutSeconds = 120;
    return e;
}

void parseError(QByteArrayView data, int *code, QString *message)
{
    const QJsonObject o = object(data);
    *code = o.value("code"_L1).toInt();
    *message = o.value("message"_L1).toString();
    if (message->isEmpty())
        *message = data.isEmpty() ? u"realtime:error without a message"_s : QString::fromUtf8(data);
}

QString subscriptionError(QByteArrayView data)
{
    const QJsonObject o = object(data);
    const QString type = o.value("type"_L1).toString();
    const int status = o.value("status"_L1).toInt();
    QString text = o.value("error"_L1).toString();
    if (text.isEmpty())
        text = data.isEmpty() ? u"no reason given"_s : QString::fromUtf8(data);
    QString head = type;
    if (status != 0)
        head += (head.isEmpty() ? u""_s : u" "_s) + QString::number(status);
    return head.isEmpty() ? text : head + u": "_s + text;
}

QList<PresenceMember> presenceSnapshot(QByteArrayView data)
{
    const QJsonObject presence = object(data).value("presence"_L1).toObject();
    const QJsonArray ids = presence.value("ids"_L1).toArray();
    const QJsonObject hash = presence.value("hash"_L1).toObject();
    QList<PresenceMember> members;
    members.reserve(ids.size());
    for (const QJsonValue &id : ids) {
        // Some servers send numeric ids; the protocol's are strings.
        const QString text = id.isString() ? id.toString() : QString::number(id.toInteger());
        members.append({text, hash.value(text).toObject()});
    }
    return members;
}

std::optional<PresenceMember> presenceMember(QByteArrayView data)
{
    const QJsonObject o = object(data);
    const QJsonValue id = o.value("user_id"_L1);
    if (!id.isString() && !id.isDouble())
        return std::nullopt;
    return PresenceMember{id.isString() ? id.toString() : QString::number(id.toInteger()),
                          o.value("user_info"_L1).toObject()};
}

QString channelDataUserId(QByteArrayView channelData)
{
    const QJsonValue id = object(channelData).value("user_id"_L1);
    return id.isString() ? id.toString() : id.isDouble() ? QString::number(id.toInteger()) : QString();
}

} // namespace Apinator::RealtimeFrames
