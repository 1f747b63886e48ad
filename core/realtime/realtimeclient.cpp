// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// RealtimeClient: the connection, its states, ping/pong and reconnects.
#include "realtimeclient_p.h"

#include <apinator/httpclient.h>

#include <QDateTime>
#include <QUrl>
#include <QWebSocket>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Apinator {

namespace {
// An event-name cache past this size is a server sending arbitrary names: start over.
constexpr qsizetype MaxCachedEventNames = 1024;
// 2^15 s is far past any delay cap; keeps the shift defined.
constexpr int MaxBackoffExponent = 15;
} // namespace

RealtimeClientPrivate::RealtimeClientPrivate(RealtimeClient *q)
    : q(q)
{
    activityTimer.setSingleShot(true);
    pongTimer.setSingleShot(true);
    reconnectTimer.setSingleShot(true);
    QObject::connect(&activityTimer, &QTimer::timeout, q, [this] {
        // The timer is not restarted per frame (20,000 restarts a second cost more than
        // the check): when a frame came since, it waits out the rest of the period.
        const qint64 idle = sinceStart.elapsed() - lastFrameMs;
        if (idle < activityPeriodMs()) {
            activityTimer.start(int(activityPeriodMs() - idle));
            return;
        }
        // Silence: ask the server whether the connection is still there.
        send(RealtimeFrames::ping());
        pongTimer.start(pongTimeoutMs);
    });
    sinceStart.start();
    QObject::connect(&pongTimer, &QTimer::timeout, q, [this] {
        onSocketGone(socket, state == State::Connecting
                                 ? u"no realtime:connection_established within %1 ms"_s.arg(pongTimeoutMs)
                                 : u"no realtime:pong within %1 ms of realtime:ping"_s.arg(pongTimeoutMs));
    });
    QObject::connect(&reconnectTimer, &QTimer::timeout, q, [this] { open(); });
}

RealtimeClientPrivate::~RealtimeClientPrivate()
{
    closeSocket();
    for (Entry &entry : entries)
        delete entry.authReply.data();
}

void RealtimeClientPrivate::setState(State next)
{
    if (state == next)
        return;
    state = next;
    if (next != State::Connected)
        socketId.clear();
    Q_EMIT q->stateChanged(next);
}

void RealtimeClientPrivate::closeSocket()
{
    activityTimer.stop();
    pongTimer.stop();
    if (!socket)
        return;
    // Detached first: no disconnected() of an old socket reaches the new connection.
    QWebSocket *old = std::exchange(socket, nullptr);
    old->disconnect(q);
    old->abort();
    old->deleteLater();
}

void RealtimeClientPrivate::open()
{
    closeSocket();
    socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, q);
    QWebSocket *s = socket;
    QObject::connect(s, &QWebSocket::textMessageReceived, q, [this](const QString &text) { onText(text); });
    QObject::connect(s, &QWebSocket::disconnected, q, [this, s] {
        const QString reason = s->closeReason();
        // Close codes 4000-4004 are as fatal as the realtime:error codes (Pusher's convention).
        if (const int code = int(s->closeCode()); code >= 4000 && code <= 4004 && fatalCode == 0) {
            fatalCode = code;
            wanted = false;
        }
        onSocketGone(s, reason.isEmpty() ? u"connection closed (code %1)"_s.arg(int(s->closeCode()))
                                         : u"connection closed: %1 (code %2)"_s.arg(reason).arg(int(s->closeCode())));
    });
    QObject::connect(s, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), q,
                     [this, s](QAbstractSocket::SocketError) { onSocketGone(s, s->errorString()); });
    setState(State::Connecting);
    // A server that accepts but never greets counts as gone, like a missing pong.
    pongTimer.start(pongTimeoutMs);
    s->open(QUrl(url));
}

void RealtimeClientPrivate::onSocketGone(QWebSocket *gone, const QString &why)
{
    if (!gone || gone != socket)
        return;
    lastError = why;
    closeSocket();
    resetSubscriptions();
    if (!wanted || fatalCode != 0) {
        setState(State::Disconnected);
        return;
    }
    setState(State::Unavailable);
    scheduleReconnect();
}

void RealtimeClientPrivate::scheduleReconnect()
{
    const qint64 delay = std::min<qint64>(1000LL << std::min(attempt, MaxBackoffExponent), maxReconnectDelayMs);
    ++attempt;
    reconnectTimer.start(int(delay));
}

int RealtimeClientPrivate::activityPeriodMs() const
{
    return activityOverrideMs > 0 ? activityOverrideMs : activityMs;
}

void RealtimeClientPrivate::restartActivityTimer()
{
    pongTimer.stop();
    lastFrameMs = sinceStart.elapsed();
    activityTimer.start(activityPeriodMs());
}

void RealtimeClientPrivate::send(const QByteArray &frame)
{
    if (socket)
        socket->sendTextMessage(QString::fromUtf8(frame));
}

void RealtimeClientPrivate::onText(const QString &text)
{
    // Any frame proves the connection alive.
    lastFrameMs = sinceStart.elapsed();
    if (pongTimer.isActive() && state == State::Connected)
        restartActivityTimer(); // the answer to our ping, or whatever came first
    // The UTF-8 of the frame into a reused buffer: no allocation per event for it.
    utf8.resize(encoder.requiredSpace(text.size()));
    char *end = encoder.appendToBuffer(utf8.data(), text);
    utf8.truncate(end - utf8.constData());
    QString error;
    if (!RealtimeFrames::decode(utf8, &frame, &error)) {
        lastError = u"unreadable frame from the server: "_s + error;
        return;
    }
    onFrame(frame, utf8.size());
}

void RealtimeClientPrivate::onFrame(const RealtimeFrames::Frame &f, qsizetype frameBytes)
{
    const QByteArrayView event = f.event;
    if (!event.startsWith("realtime:")) {
        // The hot path: an event on a channel. Names are shared QStrings, not new ones.
        const auto channel = channelNames.constFind(f.channel);
        if (channel == channelNames.cend())
            return; // not (or no longer) subscribed
        auto name = eventNames.constFind(f.event);
        if (name == eventNames.cend()) {
            if (eventNames.size() >= MaxCachedEventNames)
                eventNames.clear();
            name = eventNames.insert(f.event, QString::fromUtf8(f.event));
        }
        RealtimeEvent e;
        e.receivedMsecs = QDateTime::currentMSecsSinceEpoch();
        e.channel = channel.value();
        e.event = name.value();
        e.data = f.data;
        if (!f.userId.isEmpty())
            e.userId = QString::fromUtf8(f.userId);
        e.frameBytes = frameBytes;
        Q_EMIT q->eventReceived(e);
        return;
    }
    if (event == "realtime:connection_established")
        onEstablished(f.data);
    else if (event == "realtime:ping")
        send(RealtimeFrames::pong());
    else if (event == "realtime:error")
        onError(f.data);
    else if (event != "realtime:pong")
        onSubscriptionFrame(f);
}

void RealtimeClientPrivate::onEstablished(const QByteArray &data)
{
    const std::optional<RealtimeFrames::Established> established = RealtimeFrames::parseEstablished(data);
    if (!established) {
        onSocketGone(socket, u"realtime:connection_established without a socket_id"_s);
        return;
    }
    attempt = 0;
    activityMs = established->activityTimeoutSeconds * 1000;
    restartActivityTimer();
    lastError.clear();
    socketId = established->socketId; // before the signal, so its handlers see it
    setState(State::Connected);
    subscribeAll();
}

void RealtimeClientPrivate::onError(const QByteArray &data)
{
    int code = 0;
    QString message;
    RealtimeFrames::parseError(data, &code, &message);
    lastError = u"realtime:error %1: %2"_s.arg(code).arg(message);
    Q_EMIT q->errorReceived(code, message);
    if (code >= 4000 && code <= 4004) {
        // Fatal (a wrong key, an app over quota): reconnecting would only repeat it.
        fatalCode = code;
        wanted = false;
        reconnectTimer.stop();
        const QString why = lastError;
        onSocketGone(socket, why);
        if (state != State::Disconnected) // no socket was open to go
            setState(State::Disconnected);
    }
}

RealtimeClient::RealtimeClient(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<RealtimeClientPrivate>(this))
{
}

RealtimeClient::~RealtimeClient()
{
    d->wanted = false;
}

void RealtimeClient::setCredentials(const Credentials &credentials)
{
    d->credentials = credentials;
}

void RealtimeClient::setAuthorization(const RealtimeAuthorization &authorization)
{
    d->authorization = authorization;
}

void RealtimeClient::setPongTimeoutMs(int ms)
{
    d->pongTimeoutMs = std::max(1, ms);
}

void RealtimeClient::setMaxReconnectDelayMs(int ms)
{
    d->maxReconnectDelayMs = std::max(1, ms);
}

void RealtimeClient::setActivityTimeoutOverrideMs(int ms)
{
    d->activityOverrideMs = std::max(0, ms);
}

QString RealtimeClient::connectToServer()
{
    const Credentials &c = d->credentials;
    if (c.key.isEmpty())
        return tr("the app key is missing: it names the app in the WebSocket URL");
    if (!c.baseUrl.isEmpty()) {
        if (const QString error = Credentials::baseUrlError(c.baseUrl); !error.isEmpty())
            return error;
    } else if (const QString error = Credentials::clusterError(c.cluster); !error.isEmpty()) {
        return error;
    }
    d->url = c.websocketUrl();
    d->wanted = true;
    d->fatalCode = 0;
    d->attempt = 0;
    d->lastError.clear();
    d->reconnectTimer.stop();
    d->open();
    return {};
}

void RealtimeClient::disconnectFromServer()
{
    d->wanted = false;
    d->reconnectTimer.stop();
    if (d->socket) {
        d->onSocketGone(d->socket, d->lastError);
        return;
    }
    d->resetSubscriptions();
    if (d->state != State::Initialized)
        d->setState(State::Disconnected);
}

RealtimeClient::State RealtimeClient::state() const
{
    return d->state;
}

QString RealtimeClient::stateName(State state)
{
    switch (state) {
    case State::Initialized: return u"initialized"_s;
    case State::Connecting: return u"connecting"_s;
    case State::Connected: return u"connected"_s;
    case State::Unavailable: return u"unavailable"_s;
    case State::Disconnected: return u"disconnected"_s;
    }
    return {};
}

QString RealtimeClient::socketId() const
{
    return d->socketId;
}

QString RealtimeClient::url() const
{
    return d->url;
}

QString RealtimeClient::lastError() const
{
    return d->lastError;
}

int RealtimeClient::fatalCode() const
{
    return d->fatalCode;
}

} // namespace Apinator

#include "apinator/moc_realtimeclient.cpp" // not in mocs_compilation: see core/CMakeLists.txt
