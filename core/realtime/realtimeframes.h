// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/realtimeclient.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

// Encoding and decoding of the frames of PROTOCOL.md "WebSocket protocol".
namespace Apinator::RealtimeFrames {

// One incoming frame, its strings decoded.
struct Frame
{
    QByteArray event;
    QByteArray channel;
    QByteArray data;   // "data" decoded from its JSON string (its JSON text when not a string)
    QByteArray userId;
};

// False with *error set when the text is not a JSON object with an "event" string.
bool decode(QByteArrayView utf8, Frame *frame, QString *error);

QByteArray subscribe(QByteArrayView channel, QByteArrayView auth, const std::optional<QByteArray> &channelData);
QByteArray unsubscribe(QByteArrayView channel);
QByteArray ping();
QByteArray pong();
QByteArray clientEvent(QByteArrayView channel, QByteArrayView event, QByteArrayView data);

// The decoded data of the control frames; small and rare, so read with QJsonDocument.
struct Established
{
    QString socketId;
    int activityTimeoutSeconds = 120;
};
std::optional<Established> parseEstablished(QByteArrayView data);
// realtime:error: {"code": N, "message": "..."}
void parseError(QByteArrayView data, int *code, QString *message);
// realtime:subscription_error, in words: "AuthError 403: invalid signature ...".
QString subscriptionError(QByteArrayView data);
// realtime:subscription_succeeded of a presence channel: the members in "ids" order.
QList<PresenceMember> presenceSnapshot(QByteArrayView data);
// realtime:member_added / member_removed.
std::optional<PresenceMember> presenceMember(QByteArrayView data);
// The user_id of presence channel_data, empty when it has none.
QString channelDataUserId(QByteArrayView channelData);

} // namespace Apinator::RealtimeFrames
