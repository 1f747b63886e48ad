// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "realtimeframes.h"

#include <apinator/realtimeclient.h>

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QStringEncoder>
#include <QTimer>

QT_BEGIN_NAMESPACE
class QWebSocket;
QT_END_NAMESPACE

namespace Apinator {

class HttpReply;

// The connection (realtimeclient.cpp) and the subscriptions (realtimesubscriptions.cpp).
class RealtimeClientPrivate final
{
public:
    using State = RealtimeClient::State;

    struct Entry
    {
        RealtimeSubscription sub;
        QByteArray nameUtf8;
        QPointer<HttpReply> authReply; // an auth endpoint POST in flight
    };

    explicit RealtimeClientPrivate(RealtimeClient *q);
    ~RealtimeClientPrivate();

    // Connection.
    void setState(State state);
    void open();
    void closeSocket();
    void onText(const QString &text);
    void onFrame(const RealtimeFrames::Frame &frame, qsizetype frameBytes);
    void onEstablished(const QByteArray &data);
    void onError(const QByteArray &data);
    // The socket closed or failed; reconnects unless stopped or fatal.
    void onSocketGone(QWebSocket *socket, const QString &why);
    void scheduleReconnect();
    void restartActivityTimer();
    int activityPeriodMs() const;
    void send(const QByteArray &frame);
    bool isConnected() const { return state == State::Connected; }

    // Subscriptions.
    Entry *find(QStringView channel);
    const Entry *find(QStringView channel) const;
    QStringList channels() const;
    void subscribeAll();
    void sendSubscribe(Entry &entry);
    void authorizeWithEndpoint(Entry &entry);
    void onAuthReply(const QString &channel, HttpReply *reply);
    // Every subscription back to pending (connection lost), auth requests dropped.
    void resetSubscriptions();
    void fail(Entry &entry, const QString &why);
    void onSubscriptionFrame(const RealtimeFrames::Frame &frame);
    QString presenceUserId();
    QByteArray presenceChannelData();

    RealtimeClient *q;
    Credentials credentials;
    RealtimeAuthorization authorization;
    QString generatedUserId;
    int pongTimeoutMs = 30000;
    int maxReconnectDelayMs = 30000;
    int activityOverrideMs = 0;
    int activityMs = 120000;

    QWebSocket *socket = nullptr;
    State state = State::Initialized;
    QString socketId;
    QString url;
    QString lastError;
    int fatalCode = 0;
    bool wanted = false; // connectToServer() was called and not undone
    int attempt = 0;     // reconnects since the last established connection
    QElapsedTimer sinceStart;
    qint64 lastFrameMs = 0; // on sinceStart
    QTimer activityTimer;
    QTimer pongTimer;
    QTimer reconnectTimer;

    QList<Entry> entries;                     // in subscription order
    QHash<QByteArray, QString> channelNames;  // UTF-8 name -> the entry's QString, shared per event
    QHash<QByteArray, QString> eventNames;    // the same for event names, bounded
    // Reused for every frame: the UTF-8 of the text and the decoded fields.
    QStringEncoder encoder{QStringEncoder::Utf8};
    QByteArray utf8;
    RealtimeFrames::Frame frame;
};

} // namespace Apinator
