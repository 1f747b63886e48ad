// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

QT_BEGIN_NAMESPACE
class QWebSocket;
QT_END_NAMESPACE

namespace Apinator::Sandbox {

struct AppState;

// One open WebSocket connection of an app.
struct WsClient
{
    QWebSocket *socket = nullptr;
    const AppState *app = nullptr;
    QString socketId;
    QByteArray socketIdUtf8;
    // channel -> the presence user id it joined as (empty for other channels)
    QHash<QString, QString> subscriptions;
    qint64 lastActivityMs = 0;
    qint64 pingSentMs = 0; // 0: no realtime:ping outstanding
    bool closing = false;
};

// Where ChannelHub sends frames; WebSocketHub logs and writes them.
class FrameSender
{
public:
    virtual ~FrameSender() = default;
    virtual void sendFrame(WsClient *client, const QString &frame, const QString &event, const QString &channel) = 0;
};

} // namespace Apinator::Sandbox
