// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>

namespace Apinator {

enum class ChannelType { Public, Private, Presence };

namespace Names {

inline constexpr qsizetype MaxChannelNameLength = 200;

// Empty when the name is valid, else a sentence naming the rule it breaks
// ("channel name is empty", "channel name has 201 characters; the limit is 200",
// "channel name contains ' ' at position 5; allowed are letters, digits, '-', '_', '.'").
QString channelNameError(QStringView name);
inline bool isValidChannelName(QStringView name) { return channelNameError(name).isEmpty(); }

ChannelType channelType(QStringView name);
QString channelTypeName(ChannelType type); // "public", "private", "presence"
inline bool requiresAuth(ChannelType type) { return type != ChannelType::Public; }

// Socket ids are two runs of digits joined by a dot: "1234.5678".
bool isValidSocketId(QStringView socketId);
QString socketIdError(QStringView socketId);

// Event names: non-empty. Client events (sent over WebSocket) start with "client-".
QString eventNameError(QStringView name);
bool isClientEvent(QStringView name);

} // namespace Names
} // namespace Apinator
