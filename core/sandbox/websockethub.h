// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "channelhub.h"
#include "wsclient.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <memory>
#include <unordered_map>

QT_BEGIN_NAMESPACE
class QWebSocket;
QT_END_NAMESPACE

namespace Apinator::Sandbox {

class AppRegistry;
class WebhookDispatcher;

struct WebSocketSettings
{
    int activityTimeoutSeconds = 120; // silence after which the server sends realtime:ping
    int pongTimeoutSeconds = 30;      // then closed when nothing comes back within this
    qint64 maxMessageBytes = 1024 * 1024;
};

// Every WebSocket connection at /app/{key}: the protocol of PROTOCOL.md
// ("WebSocket protocol"), on top of ChannelHub for channels and presence.
class WebSocketHub final : public QObject, public FrameSender
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebSocketHub)
public:
    WebSocketHub(const AppRegistry *apps, WebhookDispatcher *webhooks, const WebSocketSettings &settings,
                 QObject *parent = nullptr);
    ~WebSocketHub() override;

    // Takes a socket whose handshake is done.
    void accept(QWebSocket *socket);
    // Closes and deletes every connection (server stopping).
    void closeAll();

    int connectionCount() const { return int(m_clients.size()); }
    ChannelHub &channels() { return m_channels; }
    WsClient *client(QStringView socketId) const;

    void sendFrame(WsClient *client, const QString &frame, const QString &event, const QString &channel) override;

Q_SIGNALS:
    void frameLogged(const QString &direction, const QString &event, const QString &channel);

private:
    void onText(QWebSocket *socket, const QString &message);
    void onSubscribe(WsClient *client, const QJsonObject &data);
    void onClientEvent(WsClient *client, const QString &event, const QString &channel, const QJsonValue &data);
    void sendError(WsClient *client, int code, const QString &message);
    void sendSubscriptionError(WsClient *client, const QString &channel, QByteArrayView type, const QString &message,
                               int status);
    // Closes on the next event loop turn, so no list being walked changes under us.
    void closeLater(QWebSocket *socket, int code, const QString &reason);
    void drop(QWebSocket *socket);
    void sweep();
    QString newSocketId() const;
    bool logging() const;

    const AppRegistry *m_apps;
    WebSocketSettings m_settings;
    ChannelHub m_channels;
    std::unordered_map<QWebSocket *, std::unique_ptr<WsClient>> m_clients;
    QHash<QString, WsClient *> m_bySocketId;
    QTimer m_sweep;
};

} // namespace Apinator::Sandbox
