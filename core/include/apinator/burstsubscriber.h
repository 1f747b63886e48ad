// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QSslSocket>

namespace Apinator {

// A WebSocket subscriber to one public channel that counts the arriving messages
// carrying every one of a few byte strings, looked for in the received bytes where
// they lie: no copy, no UTF-16 conversion, no JSON parse per event. For bursts
// (apinatorctl bench trigger, the wrk runs of benchmarks/), where QWebSocket's
// QString per message would cost as much as the rest of the subscriber. Other
// messages are protocol frames, parsed in full: connection_established (then it
// subscribes), subscription_succeeded, errors, realtime:ping (answered).
// ws:// and wss://; no reconnects, no private channels: a RealtimeClient does those.
class BurstSubscriber final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BurstSubscriber)
public:
    explicit BurstSubscriber(QObject *parent = nullptr);
    ~BurstSubscriber() override;

    // Empty when url is a ws:// or wss:// URL this subscriber can open, else why not.
    static QString unsupportedReason(const QString &url);

    // Messages that contain all of these are counted (and nothing else is done with them).
    void setMatch(QList<QByteArray> tokens) { m_tokens = std::move(tokens); }
    // Connects to url (Credentials::websocketUrl()) and subscribes to the public channel.
    void subscribe(const QString &url, const QString &channel);
    void abort();

    bool isSubscribed() const { return m_subscribed; }
    // After failed(): true when the server refused (subscription_error, realtime:error,
    // upgrade refused), false when the connection itself failed.
    bool refusedByServer() const { return m_refused; }
    qint64 count() const { return m_count; }

Q_SIGNALS:
    void subscribed();
    // One more matching message; count() says how many so far.
    void counted();
    // The connection failed or closed, or the server refused the subscription.
    void failed(const QString &message);

private:
    void onConnected();
    void onReadyRead();
    bool readHandshake();
    // Parses the frames in m_buffer; false once the connection is given up.
    bool readFrames();
    void onMessage(QByteArrayView message);
    void onProtocolMessage(QByteArrayView message);
    void sendFrame(int opcode, QByteArrayView payload);
    void fail(const QString &message, bool refused = false);

    QSslSocket m_socket;
    QList<QByteArray> m_tokens;
    QString m_channel;
    QByteArray m_target;      // "/app/key?..." as requested
    QByteArray m_hostHeader;
    QByteArray m_acceptKey;   // the Sec-WebSocket-Accept the server must answer
    QByteArray m_buffer;      // received, not yet parsed
    QByteArray m_fragments;   // a fragmented message so far
    bool m_tls = false;
    bool m_upgraded = false;
    bool m_subscribed = false;
    bool m_failed = false;
    bool m_refused = false;
    qint64 m_count = 0;
};

} // namespace Apinator
