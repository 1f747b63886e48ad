// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Apinator {

// realtime:error codes. 4000-4099 are fatal (the client must not reconnect),
// 4200-4299 ask for a reconnect, 4300-4399 leave the connection open.
namespace WsError {
inline constexpr int UnknownAppKey = 4001;
inline constexpr int OverCapacity = 4100;     // the client reads too slowly; closed
inline constexpr int PongTimeout = 4201;      // no answer to realtime:ping; closed
inline constexpr int InvalidFrame = 4300;     // not JSON, no event, binary
inline constexpr int ClientEventRefused = 4301;
inline constexpr int UnsupportedEvent = 4302;
} // namespace WsError

namespace WsFrame {

// {"event":E,"channel":C,"data":D} where D is dataJson encoded as a JSON string;
// channel left out when empty. Extra is appended verbatim (",\"user_id\":...").
QByteArray build(QByteArrayView event, QByteArrayView channel, QByteArrayView dataJson, QByteArrayView extra = {});
// The same with data given as a JSON string literal, quotes included, copied as it is
// (a REST body's "data" literal goes to subscribers without decoding it).
QByteArray buildWithLiteral(QByteArrayView event, QByteArrayView channel, QByteArrayView dataLiteral,
                            QByteArrayView extra = {});

QByteArray connectionEstablished(QByteArrayView socketId, int activityTimeoutSeconds);
QByteArray error(int code, const QString &message);
QByteArray subscriptionError(QByteArrayView channel, QByteArrayView type, const QString &message, int status);

} // namespace WsFrame
} // namespace Apinator
