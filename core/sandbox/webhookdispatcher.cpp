// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "webhookdispatcher.h"

#include "appregistry.h"

#include <apinator/httpclient.h>
#include <apinator/json.h>
#include <apinator/webhook.h>

#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Apinator::Sandbox {

namespace {

void appendMember(QByteArray &out, QByteArrayView name, QByteArrayView value)
{
    out.append(out.size() > 1 ? "," : "");
    Json::appendQuoted(out, name);
    out.append(':');
    Json::appendQuoted(out, value);
}

} // namespace

WebhookDispatcher::WebhookDispatcher(const WebhookSettings &settings, std::function<qint64()> clock,
                                     QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_clock(std::move(clock))
{
}

WebhookDispatcher::~WebhookDispatcher()
{
    // Whoever listens may be half destroyed by now.
    blockSignals(true);
    stop();
}

QByteArray WebhookDispatcher::channelEvent(QByteArrayView event, QByteArrayView channel)
{
    QByteArray out = "{"_ba;
    appendMember(out, "event", event);
    appendMember(out, "channel", channel);
    return out.append('}');
}

QByteArray WebhookDispatcher::memberEvent(QByteArrayView event, QByteArrayView channel, QByteArrayView userId)
{
    QByteArray out = "{"_ba;
    appendMember(out, "event", event);
    appendMember(out, "channel", channel);
    appendMember(out, "user_id", userId);
    return out.append('}');
}

QByteArray WebhookDispatcher::clientEvent(QByteArrayView channel, QByteArrayView name, QByteArrayView data,
                                          QByteArrayView socketId, QByteArrayView userId)
{
    QByteArray out = "{"_ba;
    appendMember(out, "event", "client_event");
    appendMember(out, "channel", channel);
    appendMember(out, "name", name);
    appendMember(out, "data", data);
    appendMember(out, "socket_id", socketId);
    if (!userId.isEmpty())
        appendMember(out, "user_id", userId);
    return out.append('}');
}

void WebhookDispatcher::post(const AppState &app, QByteArray body)
{
    if (app.config.webhookUrl.isEmpty())
        return;
    Job job;
    job.delivery.id = m_nextId++;
    job.delivery.appId = app.config.appId;
    job.delivery.url = app.config.webhookUrl;
    job.delivery.body = std::move(body);
    job.delivery.created = QDateTime::currentDateTimeUtc();
    job.secret = app.webhookSecret;
    if (m_queue.size() >= size_t(m_settings.maxQueued)) {
        job.delivery.state = WebhookDelivery::State::Failed;
        job.delivery.lastError = u"not sent: %1 webhooks are already waiting"_s.arg(m_queue.size());
        record(job.delivery);
        return;
    }
    record(job.delivery);
    m_queue.push_back(job.delivery.id);
    m_jobs.emplace(job.delivery.id, std::move(job));
    startNext();
}

void WebhookDispatcher::startNext()
{
    while (m_inFlight < m_settings.maxInFlight && !m_queue.empty()) {
        const quint64 id = m_queue.front();
        m_queue.pop_front();
        if (const auto it = m_jobs.find(id); it != m_jobs.end())
            attempt(it->second);
    }
}

void WebhookDispatcher::attempt(Job &job)
{
    WebhookDelivery &d = job.delivery;
    ++d.attempts;
    d.lastAttempt = QDateTime::currentDateTimeUtc();
    // Each attempt is signed anew with the time it is sent: receivers check freshness.
    d.timestamp = QByteArray::number(m_clock());
    HttpRequest request;
    request.method = "POST"_ba;
    request.url = QUrl(d.url).toEncoded();
    request.headers = {{"Content-Type"_ba, "application/json"_ba},
                       {WebhookTimestampHeader, d.timestamp},
                       {WebhookSignatureHeader, signWebhook(job.secret, d.timestamp, d.body)},
                       {"User-Agent"_ba, "apinator-sandbox/" APINATOR_VERSION ""_ba}};
    request.body = d.body;
    request.timeoutMs = m_settings.timeoutMs;
    ++m_inFlight;
    const quint64 id = d.id;
    // Made on the first delivery: most sandboxes never send a webhook, and the client
    // initialises libcurl and OpenSSL (about 2 MB) that the console's start-up should not pay for.
    if (!m_http)
        m_http = new HttpClient(this);
    job.reply = m_http->send(std::move(request));
    connect(job.reply, &HttpReply::finished, this, [this, id] { onFinished(id); });
    record(d);
}

void WebhookDispatcher::onFinished(quint64 id)
{
    --m_inFlight;
    const auto it = m_jobs.find(id);
    if (it == m_jobs.end())
        return;
    Job &job = it->second;
    HttpReply *reply = std::exchange(job.reply, nullptr);
    reply->deleteLater();
    const HttpResponse &response = reply->response();
    WebhookDelivery &d = job.delivery;
    d.lastStatus = response.status;
    if (response.status >= 200 && response.status < 300) {
        d.state = WebhookDelivery::State::Delivered;
        d.lastError.clear();
    } else {
        d.lastError = response.status == 0 ? response.error
                                            : u"HTTP %1 %2"_s.arg(response.status)
                                                  .arg(QString::fromLatin1(response.reasonPhrase));
        d.state = d.attempts >= m_settings.maxAttempts ? WebhookDelivery::State::Failed
                                                       : WebhookDelivery::State::Pending;
    }
    record(d);
    if (d.state == WebhookDelivery::State::Pending) {
        const int backoff = m_settings.initialBackoffMs << std::min(d.attempts - 1, 20);
        QTimer::singleShot(backoff, this, [this, id] {
            if (const auto it = m_jobs.find(id); it != m_jobs.end())
                attempt(it->second);
        });
    } else {
        m_jobs.erase(it);
    }
    startNext();
}

void WebhookDispatcher::record(const WebhookDelivery &delivery)
{
    if (!m_log.isEmpty() && delivery.id >= m_log.first().id && delivery.id <= m_log.last().id) {
        m_log[qsizetype(delivery.id - m_log.first().id)] = delivery;
    } else {
        m_log.append(delivery);
        if (m_log.size() > m_settings.maxLogEntries)
            m_log.removeFirst();
    }
    Q_EMIT updated(delivery);
}

QList<WebhookDelivery> WebhookDispatcher::log() const
{
    return m_log;
}

void WebhookDispatcher::stop()
{
    m_queue.clear();
    std::unordered_map<quint64, Job> jobs = std::exchange(m_jobs, {});
    m_inFlight = 0;
    for (auto &[id, job] : jobs) {
        if (job.reply) {
            job.reply->disconnect(this);
            delete job.reply; // cancels the transfer
        }
        job.delivery.state = WebhookDelivery::State::Failed;
        job.delivery.lastError = u"not delivered: the sandbox stopped"_s;
        record(job.delivery);
    }
}

} // namespace Apinator::Sandbox

#include "moc_webhookdispatcher.cpp" // not in mocs_compilation: see core/CMakeLists.txt
