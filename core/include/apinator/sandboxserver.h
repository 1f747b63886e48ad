// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/sandboxapp.h>

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace Apinator {

struct SandboxConfig
{
    QHostAddress host = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 6001;                      // 0: any free port
    QList<SandboxApp> apps = {SandboxApp{}};
    qint64 timestampWindowSeconds = 300;      // REST X-Realtime-Timestamp tolerance, either way
    qint64 maxBodyBytes = 1024 * 1024;        // larger bodies: 413, not read
    qint64 maxHeaderBytes = 16 * 1024;        // request line + headers
    int activityTimeoutSeconds = 120;         // sent in connection_established
    int pongTimeoutSeconds = 30;              // idle connection closed when a ping gets no answer
    int requestTimeoutMs = 10000;             // a request must arrive whole within this (slowloris)
    int idleTimeoutMs = 60000;                // a kept-alive HTTP connection with no request is closed
    int maxConnections = 1024;                // HTTP and WebSocket together; more are refused
    int webhookMaxAttempts = 5;
    int webhookInitialBackoffMs = 500;        // doubles per attempt
    std::function<qint64()> clock;            // unix seconds; empty: the system clock
};

// One webhook POST the sandbox made or is making.
struct WebhookDelivery
{
    enum class State { Pending, Delivered, Failed };
    quint64 id = 0;
    QString appId;
    QString url;
    QByteArray body;        // exactly as sent and signed
    QByteArray timestamp;   // X-Realtime-Timestamp of the last attempt
    int attempts = 0;
    int lastStatus = 0;     // 0: no HTTP answer
    QString lastError;
    State state = State::Pending;
    QDateTime created;
    QDateTime lastAttempt;
};

// An Apinator-compatible server on one port: REST, WebSocket at /app/{key},
// and outgoing webhooks (PROTOCOL.md; the sandbox issue has the full contract).
class SandboxServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxServer)
public:
    explicit SandboxServer(SandboxConfig config = {}, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Binds and listens; false with *error set (address in use, bad config).
    bool start(QString *error = nullptr);
    // Closes every connection and stops listening.
    void stop();
    bool isListening() const;

    quint16 port() const;
    QString baseUrl() const;                      // http://127.0.0.1:PORT
    QString websocketUrl(const QString &key) const; // ws://127.0.0.1:PORT/app/KEY
    const SandboxConfig &config() const;

    // Points an app's webhooks elsewhere (empty: none), running or not; events from then on
    // go there. False with *error set for an unknown app or a URL that is not http(s).
    bool setWebhookUrl(const QString &appId, const QString &url, QString *error = nullptr);

    QList<WebhookDelivery> webhookLog() const;
    int connectionCount() const;                  // open WebSocket connections

Q_SIGNALS:
    // One per HTTP request answered, errors included; path is the request target as
    // sent (query included), empty with the method when the request line was unreadable.
    void requestServed(const QByteArray &method, const QByteArray &path, int status, double elapsedMs);
    // One per WebSocket frame received ("in") or sent ("out").
    void frameLogged(const QString &direction, const QString &event, const QString &channel);
    void webhookUpdated(const Apinator::WebhookDelivery &delivery);

private:
    friend class SandboxServerPrivate;
    std::unique_ptr<class SandboxServerPrivate> d;
};

} // namespace Apinator
