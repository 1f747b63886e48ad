// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "websockethub.h"

#include "appregistry.h"
#include "httpconnection.h"
#include "webhookdispatcher.h"
#include "protocol/wsframes.h"

#include <apinator/crypto.h>
#include <apinator/json.h>
#include <apinator/names.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaMethod>
#include <QPointer>
#include <QRandomGenerator>
#include <QUrl>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace Apinator::Sandbox {

namespace {

// A subscriber this far behind is closed rather than buffered without end.
constexpr qint64 MaxSendBacklog = 16 * 1024 * 1024;

// The value of "data" as an object: clients send it as an object or as JSON text.
std::optional<QJsonObject> dataObject(const QJsonValue &data)
{
    if (data.isObject())
        return data.toObject();
    if (data.isString()) {
        const QJsonDocument doc = QJsonDocument::fromJson(data.toString().toUtf8());
        if (doc.isObject())
            return doc.object();
    }
    return std::nullopt;
}

// A client event's data as the string relayed: a string stays as it is, anything
// else is sent as its compact JSON text.
QByteArray dataString(const QJsonValue &data)
{
    if (data.isString())
        return data.toString().toUtf8();
    if (data.isUndefined() || data.isNull())
        return "null"_ba;
    const QByteArray wrapped = QJsonDocument(QJsonArray{data}).toJson(QJsonDocument::Compact);
    return wrapped.sliced(1, wrapped.size() - 2);
}

} // namespace

WebSocketHub::WebSocketHub(const AppRegistry *apps, WebhookDispatcher *webhooks, const WebSocketSettings &settings,
                           QObject *parent)
    : QObject(parent)
    , m_apps(apps)
    , m_settings(settings)
    , m_channels(apps, this, webhooks)
{
    m_sweep.setInterval(std::clamp(std::min(settings.activityTimeoutSeconds, settings.pongTimeoutSeconds) * 250, 50,
                                   1000));
    connect(&m_sweep, &QTimer::timeout, this, &WebSocketHub::sweep);
    m_sweep.start();
}

WebSocketHub::~WebSocketHub()
{
    closeAll();
}

bool WebSocketHub::logging() const
{
    static const QMetaMethod signal = QMetaMethod::fromSignal(&WebSocketHub::frameLogged);
    return isSignalConnected(signal);
}

void WebSocketHub::accept(QWebSocket *socket)
{
    socket->setParent(this);
    socket->setMaxAllowedIncomingFrameSize(quint64(m_settings.maxMessageBytes));
    socket->setMaxAllowedIncomingMessageSize(quint64(m_settings.maxMessageBytes));
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { drop(socket); });

    const QString path = socket->requestUrl().path(QUrl::FullyDecoded);
    const QString key = path.startsWith("/app/"_L1) ? path.sliced(5) : QString();
    const AppState *app = m_apps->byKey(key.toUtf8());
    if (!app) {
        const QString message = u"unknown app key \"%1\": this sandbox serves no app with that key"_s.arg(key);
        socket->sendTextMessage(QString::fromUtf8(WsFrame::error(WsError::UnknownAppKey, message)));
        if (logging())
            Q_EMIT frameLogged(u"out"_s, u"realtime:error"_s, QString());
        closeLater(socket, WsError::UnknownAppKey, u"unknown app key"_s);
        return;
    }

    auto client = std::make_unique<WsClient>();
    client->socket = socket;
    client->app = app;
    client->socketId = newSocketId();
    client->socketIdUtf8 = client->socketId.toUtf8();
    client->lastActivityMs = HttpConnection::monotonicMs();
    WsClient *c = client.get();
    m_bySocketId.insert(c->socketId, c);
    m_clients.emplace(socket, std::move(client));

    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &message) { onText(socket, message); });
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this, socket](const QByteArray &) {
        if (const auto it = m_clients.find(socket); it != m_clients.end()) {
            it->second->lastActivityMs = HttpConnection::monotonicMs();
            it->second->pingSentMs = 0;
            sendError(it->second.get(), WsError::InvalidFrame,
                      u"binary frames are not supported; send JSON text frames"_s);
        }
    });
    connect(socket, &QWebSocket::pong, this, [this, socket] {
        if (const auto it = m_clients.find(socket); it != m_clients.end()) {
            it->second->lastActivityMs = HttpConnection::monotonicMs();
            it->second->pingSentMs = 0;
        }
    });
    sendFrame(c, QString::fromUtf8(WsFrame::connectionEstablished(c->socketIdUtf8, m_settings.activityTimeoutSeconds)),
              u"realtime:connection_established"_s, QString());
}

QString WebSocketHub::newSocketId() const
{
    auto *random = QRandomGenerator::global();
    for (;;) {
        const QString id = QString::number(random->bounded(100000, 999999999)) + u'.'
                           + QString::number(random->bounded(100000, 999999999));
        if (!m_bySocketId.contains(id))
            return id;
    }
}

WsClient *WebSocketHub::client(QStringView socketId) const
{
    return m_bySocketId.value(socketId.toString());
}

void WebSocketHub::sendFrame(WsClient *client, const QString &frame, const QString &event, const QString &channel)
{
    if (client->closing)
        return;
    if (client->socket->bytesToWrite() > MaxSendBacklog) {
        client->closing = true;
        closeLater(client->socket, WsError::OverCapacity, u"the client reads too slowly; closed"_s);
        return;
    }
    client->socket->sendTextMessage(frame);
    if (logging())
        Q_EMIT frameLogged(u"out"_s, event, channel);
}

void WebSocketHub::sendError(WsClient *client, int code, const QString &message)
{
    sendFrame(client, QString::fromUtf8(WsFrame::error(code, message)), u"realtime:error"_s, QString());
}

void WebSocketHub::sendSubscriptionError(WsClient *client, const QString &channel, QByteArrayView type,
                                         const QString &message, int status)
{
    sendFrame(client, QString::fromUtf8(WsFrame::subscriptionError(channel.toUtf8(), type, message, status)),
              u"realtime:subscription_error"_s, channel);
}

void WebSocketHub::onText(QWebSocket *socket, const QString &message)
{
    const auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    WsClient *client = it->second.get();
    if (client->closing)
        return;
    client->lastActivityMs = HttpConnection::monotonicMs();
    client->pingSentMs = 0;

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(message.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (logging())
            Q_EMIT frameLogged(u"in"_s, QString(), QString());
        sendError(client, WsError::InvalidFrame,
                  parseError.error != QJsonParseError::NoError
                      ? u"frame is not JSON: %1 at offset %2"_s.arg(parseError.errorString()).arg(parseError.offset)
                      : u"frame must be a JSON object like {\"event\":...,\"data\":...}"_s);
        return;
    }
    const QJsonObject frame = doc.object();
    const QString event = frame.value("event"_L1).toString();
    const QJsonValue data = frame.value("data"_L1);
    QString channel = frame.value("channel"_L1).toString();
    if (channel.isEmpty() && event.startsWith("realtime:"_L1))
        if (const auto d = dataObject(data))
            channel = d->value("channel"_L1).toString();
    if (logging())
        Q_EMIT frameLogged(u"in"_s, event, channel);
    if (event.isEmpty()) {
        sendError(client, WsError::InvalidFrame, u"frame has no \"event\" string"_s);
        return;
    }

    if (event == "realtime:ping"_L1) {
        sendFrame(client, QString::fromUtf8(WsFrame::build("realtime:pong", {}, "{}")), u"realtime:pong"_s, QString());
    } else if (event == "realtime:pong"_L1) {
        // Activity is all it means.
    } else if (event == "realtime:subscribe"_L1 || event == "realtime:unsubscribe"_L1) {
        const std::optional<QJsonObject> d = dataObject(data);
        if (!d || !d->value("channel"_L1).isString()) {
            sendError(client, WsError::InvalidFrame, u"%1 needs data {\"channel\": NAME, ...}"_s.arg(event));
            return;
        }
        if (event == "realtime:subscribe"_L1)
            onSubscribe(client, *d);
        else
            m_channels.unsubscribe(client, d->value("channel"_L1).toString());
    } else if (Names::isClientEvent(event)) {
        onClientEvent(client, event, frame.value("channel"_L1).toString(), data);
    } else {
        sendError(client, WsError::UnsupportedEvent,
                  u"unsupported event \"%1\": clients send realtime:subscribe, realtime:unsubscribe, "
                  "realtime:ping, realtime:pong and client-* events"_s.arg(event));
    }
}

void WebSocketHub::onSubscribe(WsClient *client, const QJsonObject &data)
{
    const QString channel = data.value("channel"_L1).toString();
    if (const QString error = Names::channelNameError(channel); !error.isEmpty()) {
        sendSubscriptionError(client, channel, "InvalidChannel", error, 400);
        return;
    }
    const ChannelType type = Names::channelType(channel);
    if (!Names::requiresAuth(type)) {
        m_channels.subscribe(client, channel, std::nullopt);
        return;
    }
    const QString typeName = Names::channelTypeName(type);
    const QJsonValue authValue = data.value("auth"_L1);
    if (!authValue.isString() || authValue.toString().isEmpty()) {
        sendSubscriptionError(client, channel, "AuthError",
                              u"%1 channels need \"auth\": get it from your auth endpoint for this socket id and "
                              "channel"_s.arg(typeName),
                              403);
        return;
    }
    std::optional<QByteArray> channelData;
    if (type == ChannelType::Presence) {
        const QJsonValue cd = data.value("channel_data"_L1);
        if (!cd.isString()) {
            sendSubscriptionError(client, channel, "AuthError",
                                  cd.isUndefined() ? u"presence channels need \"channel_data\", the JSON text your "
                                                     "auth endpoint returned with the auth"_s
                                                   : u"\"channel_data\" must be a string holding JSON text, not a "
                                                     "JSON value"_s,
                                  403);
            return;
        }
        channelData = cd.toString().toUtf8();
    }
    const QByteArray auth = authValue.toString().toUtf8();
    const AppState &app = *client->app;
    const qsizetype colon = auth.indexOf(':');
    const QByteArrayView authKey = colon < 0 ? QByteArrayView() : QByteArrayView(auth).first(colon);
    if (colon < 0 || authKey != app.key) {
        sendSubscriptionError(client, channel, "AuthError",
                              colon < 0 ? u"auth must look like \"KEY:SIGNATURE\""_s
                                        : u"auth is signed for key \"%1\", but this connection is for app key \"%2\""_s
                                              .arg(QString::fromUtf8(authKey), app.config.key),
                              403);
        return;
    }
    const ChannelAuthToken expected = app.authSigner().sign(client->socketIdUtf8, channel.toUtf8(), channelData);
    if (!Crypto::constantTimeEquals(QByteArrayView(auth).sliced(colon + 1), expected.signature)) {
        // Say what should have been signed, never what the signature should be.
        sendSubscriptionError(client, channel, "AuthError",
                              u"invalid signature: expected the HMAC-SHA256 hex of \"%1\" with the app secret"_s.arg(
                                  QString::fromUtf8(expected.stringToSign)),
                              403);
        return;
    }
    std::optional<PresenceMember> member;
    if (channelData) {
        QString error;
        member = PresenceMember::fromChannelData(*channelData, &error);
        if (!member) {
            sendSubscriptionError(client, channel, "AuthError", error, 403);
            return;
        }
    }
    m_channels.subscribe(client, channel, member);
}

void WebSocketHub::onClientEvent(WsClient *client, const QString &event, const QString &channel,
                                 const QJsonValue &data)
{
    if (channel.isEmpty()) {
        sendError(client, WsError::ClientEventRefused, u"client event \"%1\" has no channel"_s.arg(event));
        return;
    }
    if (!Names::requiresAuth(Names::channelType(channel))) {
        sendError(client, WsError::ClientEventRefused,
                  u"client events are only allowed on private and presence channels; \"%1\" is public"_s.arg(channel));
        return;
    }
    const auto sub = client->subscriptions.constFind(channel);
    if (sub == client->subscriptions.cend()) {
        sendError(client, WsError::ClientEventRefused,
                  u"subscribe to \"%1\" before sending client events on it"_s.arg(channel));
        return;
    }
    const QByteArray eventUtf8 = event.toUtf8();
    const QByteArray channelUtf8 = channel.toUtf8();
    const QByteArray payload = dataString(data);
    const QByteArray userId = sub.value().toUtf8();
    m_channels.publish(client->app, channel, eventUtf8, Json::quote(payload), client, userId);
    m_channels.webhooks()->post(*client->app, WebhookDispatcher::clientEvent(channelUtf8, eventUtf8, payload,
                                                                               client->socketIdUtf8, userId));
}

void WebSocketHub::closeLater(QWebSocket *socket, int code, const QString &reason)
{
    QMetaObject::invokeMethod(
        this,
        [socket = QPointer<QWebSocket>(socket), code, reason] {
            if (socket)
                socket->close(QWebSocketProtocol::CloseCode(code), reason);
        },
        Qt::QueuedConnection);
}

void WebSocketHub::drop(QWebSocket *socket)
{
    if (const auto it = m_clients.find(socket); it != m_clients.end()) {
        std::unique_ptr<WsClient> client = std::move(it->second);
        m_clients.erase(it);
        m_bySocketId.remove(client->socketId);
        m_channels.removeClient(client.get());
    }
    socket->deleteLater();
}

void WebSocketHub::sweep()
{
    const qint64 now = HttpConnection::monotonicMs();
    const qint64 activityMs = qint64(m_settings.activityTimeoutSeconds) * 1000;
    const qint64 pongMs = qint64(m_settings.pongTimeoutSeconds) * 1000;
    for (const auto &[socket, client] : m_clients) {
        if (client->closing)
            continue;
        if (client->pingSentMs != 0) {
            if (now - client->pingSentMs >= pongMs) {
                client->closing = true;
                closeLater(socket, WsError::PongTimeout,
                           u"no answer to realtime:ping within %1 s"_s.arg(m_settings.pongTimeoutSeconds));
            }
        } else if (now - client->lastActivityMs >= activityMs) {
            // sendFrame never removes clients, so the walk stays valid.
            sendFrame(client.get(), QString::fromUtf8(WsFrame::build("realtime:ping", {}, "{}")),
                      u"realtime:ping"_s, QString());
            client->pingSentMs = now;
        }
    }
}

void WebSocketHub::closeAll()
{
    m_sweep.stop();
    // Deleting the sockets also drops their subscriptions; no frames go out to the
    // sockets being closed, webhooks for vacated channels still do.
    while (!m_clients.empty()) {
        QWebSocket *socket = m_clients.begin()->first;
        socket->disconnect(this);
        drop(socket);
        socket->abort();
        delete socket;
    }
    const QList<QWebSocket *> rest = findChildren<QWebSocket *>(Qt::FindDirectChildrenOnly);
    for (QWebSocket *socket : rest) {
        socket->disconnect(this);
        socket->abort();
        delete socket;
    }
}

} // namespace Apinator::Sandbox

#include "moc_websockethub.cpp" // not in mocs_compilation: see core/CMakeLists.txt
