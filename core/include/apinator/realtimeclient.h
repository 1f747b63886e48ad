// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

#include <apinator/authendpoint.h>
#include <apinator/credentials.h>
#include <apinator/names.h>

namespace Apinator {

class HttpClient;

// One event as it arrived on a subscribed channel (triggered over REST, or a client event of
// another connection). data is the frame's "data" decoded from its JSON string: the exact
// text the sender gave, as UTF-8.
struct RealtimeEvent
{
    qint64 receivedMsecs = 0; // QDateTime::currentMSecsSinceEpoch() at arrival
    QString channel;
    QString event;
    QByteArray data;
    QString userId;        // "user_id" of the frame when the server set one (client events)
    qsizetype frameBytes = 0; // size of the whole WebSocket frame
};

struct PresenceMember
{
    QString id;
    QJsonObject info;
};

struct RealtimeSubscription
{
    enum class State { Pending, Subscribed, Failed };
    QString channel;
    ChannelType type = ChannelType::Public;
    State state = State::Pending;
    // Failed: why, in words ("AuthError 403: Invalid signature", "auth endpoint answered 500", ...).
    QString error;
    // Presence only: the members in arrival order and this connection's own user id.
    QList<PresenceMember> members;
    QString me;
};

// How private and presence subscriptions are authorized.
struct RealtimeAuthorization
{
    // Presence identity: user_id and user_info (a JSON object as text). An empty userId
    // means a generated one ("console-" + random digits), kept for the client's lifetime.
    QString userId;
    QByteArray userInfo = "{}";
    // When set, the POST goes to this endpoint (url, format, extra headers; its socketId and
    // channelName are filled per subscription) with the given client; else the
    // subscription is signed locally with the credentials' key and secret.
    std::optional<AuthEndpointRequest> endpoint;
    HttpClient *http = nullptr;
};

// A client of the WebSocket protocol (PROTOCOL.md "WebSocket protocol") on QWebSocket.
// Reconnects with min(1000 * 2^attempt, 30000) ms of back-off and re-subscribes every
// channel; a realtime:error with a code from 4000 to 4004 is fatal and stops it.
class RealtimeClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RealtimeClient)
public:
    enum class State { Initialized, Connecting, Connected, Unavailable, Disconnected };
    Q_ENUM(State)

    explicit RealtimeClient(QObject *parent = nullptr);
    ~RealtimeClient() override;

    // Must be called before connectToServer(); credentials.secret is needed for local
    // authorization only.
    void setCredentials(const Credentials &credentials);
    void setAuthorization(const RealtimeAuthorization &authorization);
    // Tests shorten these; the defaults are the protocol's.
    void setPongTimeoutMs(int ms);          // 30000
    void setMaxReconnectDelayMs(int ms);    // 30000
    void setActivityTimeoutOverrideMs(int ms); // 0: the server's activity_timeout

    // Opens credentials.websocketUrl(). Empty on success, else why it cannot start
    // (credentials missing a key, a bad base URL).
    QString connectToServer();
    // Closes and stops reconnecting; subscriptions are kept and re-sent on the next connect.
    void disconnectFromServer();

    State state() const;
    static QString stateName(State state); // "initialized", "connecting", ...
    QString socketId() const;              // empty unless Connected
    QString url() const;
    // The last error: a realtime:error frame, a close or a socket error, in words.
    QString lastError() const;
    // The code of a fatal realtime:error (4000-4004), else 0.
    int fatalCode() const;

    // Subscribing twice to the same channel is a no-op. Empty on success, else why not (a
    // bad channel name).
    QString subscribe(const QString &channel);
    void unsubscribe(const QString &channel);
    QList<RealtimeSubscription> subscriptions() const;
    std::optional<RealtimeSubscription> subscription(const QString &channel) const;

    // A client-... event on a subscribed private or presence channel. Empty when sent, else
    // why not (name without the client- prefix, public channel, not subscribed, not connected).
    QString sendClientEvent(const QString &channel, const QString &event, const QByteArray &data);

Q_SIGNALS:
    void stateChanged(Apinator::RealtimeClient::State state);
    void eventReceived(const Apinator::RealtimeEvent &event);
    // A subscription was added, changed state, or its members changed.
    void subscriptionChanged(const QString &channel);
    void subscriptionRemoved(const QString &channel);
    void memberAdded(const QString &channel, const Apinator::PresenceMember &member);
    void memberRemoved(const QString &channel, const QString &userId);
    // A realtime:error frame (fatal or not).
    void errorReceived(int code, const QString &message);

private:
    std::unique_ptr<class RealtimeClientPrivate> d;
};

} // namespace Apinator
