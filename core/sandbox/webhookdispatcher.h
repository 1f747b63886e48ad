// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/sandboxserver.h>

#include <QByteArray>
#include <QList>
#include <QObject>

#include <deque>
#include <functional>
#include <unordered_map>

namespace Apinator {
class HttpClient;
class HttpReply;
}

namespace Apinator::Sandbox {

struct AppState;

struct WebhookSettings
{
    int maxAttempts = 5;
    int initialBackoffMs = 500; // doubles per attempt
    int timeoutMs = 10000;      // per attempt
    int maxInFlight = 16;
    int maxQueued = 10000;      // past this, new events fail at once ("queue full")
    int maxLogEntries = 1000;   // the log keeps the most recent
};

// Posts webhook events (PROTOCOL.md, "Webhooks"): one event per POST, signed with
// the app's webhook secret and the timestamp of each attempt; a failed attempt (no
// answer or a non-2xx status) is retried after a doubling backoff.
class WebhookDispatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookDispatcher)
public:
    WebhookDispatcher(const WebhookSettings &settings, std::function<qint64()> clock, QObject *parent = nullptr);
    ~WebhookDispatcher() override;

    // Queues one event body for the app's webhook URL; nothing when it has none.
    void post(const AppState &app, QByteArray body);
    QList<WebhookDelivery> log() const;
    // Cancels every pending attempt (server stopping): they end as failed in the log.
    void stop();

    static QByteArray channelEvent(QByteArrayView event, QByteArrayView channel);
    static QByteArray memberEvent(QByteArrayView event, QByteArrayView channel, QByteArrayView userId);
    // userId only for presence channels.
    static QByteArray clientEvent(QByteArrayView channel, QByteArrayView name, QByteArrayView data,
                                  QByteArrayView socketId, QByteArrayView userId);

Q_SIGNALS:
    void updated(const Apinator::WebhookDelivery &delivery);

private:
    struct Job
    {
        WebhookDelivery delivery;
        QByteArray secret;
        HttpReply *reply = nullptr;
    };
    void startNext();
    void attempt(Job &job);
    void onFinished(quint64 id);
    void record(const WebhookDelivery &delivery);

    WebhookSettings m_settings;
    std::function<qint64()> m_clock;
    HttpClient *m_http = nullptr;
    std::unordered_map<quint64, Job> m_jobs; // not delivered or failed for good yet
    std::deque<quint64> m_queue;             // jobs waiting for a first attempt
    int m_inFlight = 0;
    quint64 m_nextId = 1;
    QList<WebhookDelivery> m_log;            // by id, contiguous
};

} // namespace Apinator::Sandbox
