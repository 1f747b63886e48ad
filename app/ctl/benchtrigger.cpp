// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// N signed triggers, K in flight over kept-alive connections, with a WebSocket
// subscriber proving the events arrive. Two engines send: the lean one (BurstSender)
// and libcurl's (RestClient), so that they can be compared on the same run.
#include "benchtrigger.h"

#include "options.h"
#include "output.h"

#include <apinator/burstsender.h>
#include <apinator/burstsubscriber.h>
#include <apinator/httpclient.h>
#include <apinator/json.h>
#include <apinator/restclient.h>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QMap>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

namespace {

constexpr auto BenchEvent = "bench-event"_L1;
constexpr int SubscribeTimeoutMs = 10000;
// After the last reply, how long the subscriber may take to see the stragglers.
constexpr int SettleTimeoutMs = 5000;

// A failure's cause for grouping: the HTTP status, else the kind of network error.
// The lean engine names its causes the same way (BurstResult::cause).
QString failureCause(const RestResult &result)
{
    const HttpResponse &r = result.response;
    if (r.status != 0)
        return QString::number(r.status);
    if (r.timedOut)
        return u"timeout"_s;
    if (r.cancelled)
        return u"cancelled"_s;
    // CURLcode values (curl/curl.h); apinatorctl does not link libcurl itself.
    switch (r.curlCode) {
    case 6:
        return u"resolve_failed"_s;
    case 7:
        return u"connect_failed"_s;
    case 28:
        return u"timeout"_s;
    case 52:
        return u"empty_reply"_s;
    case 55:
        return u"send_failed"_s;
    case 56:
        return u"receive_failed"_s;
    default:
        return u"network_error_"_s + QString::number(r.curlCode);
    }
}

// Nearest rank on sorted values.
double percentile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const auto rank = qint64(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted[size_t(std::clamp<qint64>(rank, 1, qint64(sorted.size())) - 1)];
}

class TriggerBench final
{
public:
    explicit TriggerBench(BenchSettings settings);
    Q_DISABLE_COPY_MOVE(TriggerBench)
    ~TriggerBench()
    {
        qDeleteAll(m_spent);
        qDeleteAll(m_inFlight);
    }

    int run();

private:
    void startSending();
    void startLean();
    void sendOneLibcurl();
    void onRestReply(RestReply *reply);
    void record(bool ok, const QString &cause, const QString &message, double latencyMs);
    void finishIfSettled();
    int report();
    void fail(int code, const QString &message);
    QString subscriberMessage(const QString &reason) const;

    BenchSettings m_settings;
    const QByteArray m_runId;
    BurstSubscriber m_subscriber;
    std::unique_ptr<HttpClient> m_http;    // libcurl engine
    std::unique_ptr<RestClient> m_rest;
    std::unique_ptr<BurstSender> m_sender; // lean engine
    QObject m_context; // receiver of every connection: all die with the bench, first
    QEventLoop m_loop;
    QTimer m_deadline;

    QByteArray m_data;     // the lean engine's event data, rebuilt in place per event
    QByteArray m_bodyHead; // {"name":"bench-event","data":
    QByteArray m_bodyTail; // ,"channel":"C"}
    qint64 m_sent = 0;
    qint64 m_done = 0;
    qint64 m_ok = 0;
    QSet<RestReply *> m_inFlight;
    // Finished replies, deleted on the next answer: no deleteLater(), whose posted
    // event (and wake-up) per request the event loop would otherwise pay for.
    std::vector<RestReply *> m_spent;
    QMap<QString, qint64> m_failures;
    QMap<QString, QString> m_failureExamples;
    std::vector<double> m_latencies;
    QElapsedTimer m_clock;
    qint64 m_sendingNs = 0;
    int m_exitCode = ExitOk;
    QString m_error;
};

TriggerBench::TriggerBench(BenchSettings settings)
    : m_settings(std::move(settings))
    , m_runId(QByteArray::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, '0'))
{
    m_latencies.reserve(size_t(m_settings.count));
    // This run's events carry the run id, the event name and the channel, all quoted.
    m_subscriber.setMatch({m_runId, '"' + QByteArray(BenchEvent.data(), BenchEvent.size()) + '"',
                           '"' + m_settings.channel.toUtf8() + '"'});
    // The body TriggerRequest::body() builds for one channel, around the data literal.
    m_bodyHead = "{\"name\":" + Json::quote(QByteArrayView(BenchEvent.data(), BenchEvent.size())) + ",\"data\":";
    m_bodyTail = ",\"channel\":" + Json::quote(m_settings.channel.toUtf8()) + '}';
}

int TriggerBench::run()
{
    QObject::connect(&m_subscriber, &BurstSubscriber::subscribed, &m_context, [this] {
        m_deadline.stop();
        startSending();
    });
    QObject::connect(&m_subscriber, &BurstSubscriber::counted, &m_context, [this] {
        if (m_done == m_settings.count)
            finishIfSettled();
    });
    QObject::connect(&m_subscriber, &BurstSubscriber::failed, &m_context, [this](const QString &message) {
        // Once subscribed, a lost subscriber shows as events not received.
        if (!m_subscriber.isSubscribed())
            fail(m_subscriber.refusedByServer() ? ExitServerError : ExitNetworkError, subscriberMessage(message));
    });
    m_deadline.setSingleShot(true);
    QObject::connect(&m_deadline, &QTimer::timeout, &m_context, [this] {
        if (!m_subscriber.isSubscribed())
            fail(ExitNetworkError, subscriberMessage(u"no subscription to "_s + m_settings.channel + u" within "_s
                                                     + QString::number(SubscribeTimeoutMs / 1000) + u" s"_s));
        else
            m_loop.exit(); // settle time is over: report what arrived
    });
    m_deadline.start(SubscribeTimeoutMs);
    m_subscriber.subscribe(m_settings.credentials.websocketUrl(), m_settings.channel);

    m_loop.exec();
    m_subscriber.abort();
    if (!m_error.isEmpty()) {
        printError(u"bench trigger: "_s + m_error);
        return m_exitCode;
    }
    return report();
}

void TriggerBench::fail(int code, const QString &message)
{
    if (m_error.isEmpty()) {
        m_error = message;
        m_exitCode = code;
    }
    m_loop.exit();
}

QString TriggerBench::subscriberMessage(const QString &reason) const
{
    // The URL without its query: where the subscriber went is what a user checks first.
    const QUrl url = QUrl(m_settings.credentials.websocketUrl()).adjusted(QUrl::RemoveQuery);
    return u"WebSocket subscriber on "_s + url.toString() + u": "_s + reason;
}

void TriggerBench::startSending()
{
    m_clock.start();
    if (m_settings.engine == BenchEngine::Lean) {
        startLean();
        return;
    }
    m_http = std::make_unique<HttpClient>();
    m_http->setMaxConnectionsPerHost(m_settings.concurrency);
    m_rest = std::make_unique<RestClient>(m_http.get(), m_settings.credentials);
    const qint64 first = std::min<qint64>(m_settings.concurrency, m_settings.count);
    for (qint64 i = 0; i < first; ++i)
        sendOneLibcurl();
}

void TriggerBench::startLean()
{
    const QByteArray path = "/apps/" + QUrl::toPercentEncoding(m_settings.credentials.appId) + "/events";
    m_sender = std::make_unique<BurstSender>(m_settings.credentials, path);
    const auto source = [this](qint64 id, QByteArray &body) {
        if (id >= m_settings.count)
            return false;
        writeBenchData(m_data, m_runId, id, m_settings.size);
        body.append(m_bodyHead);
        Json::appendQuoted(body, m_data);
        body.append(m_bodyTail);
        ++m_sent;
        return true;
    };
    const auto sink = [this](const BurstResult &r) { record(r.ok(), r.cause, r.message, r.latencyMs); };
    QString error;
    if (!m_sender->start(m_settings.concurrency, source, sink, &error))
        fail(ExitNetworkError, error);
}

void TriggerBench::sendOneLibcurl()
{
    TriggerRequest request;
    request.event = BenchEvent;
    request.channels = {m_settings.channel};
    writeBenchData(request.data, m_runId, m_sent, m_settings.size);
    ++m_sent;
    QString error;
    RestReply *reply = m_rest->trigger(request, &error);
    if (!reply) {
        fail(ExitUsage, error);
        return;
    }
    m_inFlight.insert(reply);
    QObject::connect(reply, &RestReply::finished, &m_context, [this, reply] { onRestReply(reply); });
}

void TriggerBench::onRestReply(RestReply *reply)
{
    qDeleteAll(m_spent); // each of them has long finished emitting
    m_spent.clear();
    m_inFlight.remove(reply);
    m_spent.push_back(reply);
    const RestResult &result = reply->result();
    record(result.ok(), result.ok() ? QString() : failureCause(result), result.errorMessage, result.elapsedMs);
    if (m_sent < m_settings.count)
        sendOneLibcurl();
}

void TriggerBench::record(bool ok, const QString &cause, const QString &message, double latencyMs)
{
    m_latencies.push_back(latencyMs);
    ++m_done;
    if (ok) {
        ++m_ok;
    } else if (m_failures[cause]++ == 0) {
        m_failureExamples[cause] = message;
    }
    if (m_done == m_settings.count) {
        m_sendingNs = m_clock.nsecsElapsed();
        m_deadline.start(SettleTimeoutMs);
        finishIfSettled();
    }
}

void TriggerBench::finishIfSettled()
{
    if (m_subscriber.count() >= m_ok)
        m_loop.exit();
}

int TriggerBench::report()
{
    std::sort(m_latencies.begin(), m_latencies.end());
    const double seconds = double(m_sendingNs) / 1e9;
    const double eventsPerSecond = seconds > 0 ? double(m_ok) / seconds : 0;
    const qint64 failed = m_done - m_ok;
    const qint64 received = m_subscriber.count();
    const double p50 = percentile(m_latencies, 50), p90 = percentile(m_latencies, 90);
    const double p99 = percentile(m_latencies, 99), max = m_latencies.empty() ? 0 : m_latencies.back();

    if (m_settings.json) {
        OrderedJson failures = OrderedJson::object();
        for (auto it = m_failures.cbegin(); it != m_failures.cend(); ++it)
            failures.insert(it.key().toUtf8(), OrderedJson::integer(it.value()));
        const OrderedJson out = OrderedJson::object({
            {"sent", OrderedJson::integer(m_sent)},
            {"ok", OrderedJson::integer(m_ok)},
            {"failed", OrderedJson::integer(failed)},
            {"failures", failures},
            {"events_per_second", OrderedJson::number(std::round(eventsPerSecond * 10) / 10)},
            {"latency_ms",
             OrderedJson::object({{"p50", OrderedJson::number(p50)},
                                  {"p90", OrderedJson::number(p90)},
                                  {"p99", OrderedJson::number(p99)},
                                  {"max", OrderedJson::number(max)}})},
            {"received", OrderedJson::integer(received)},
            {"engine", OrderedJson::string(QByteArrayView(engineName(m_settings.engine)))},
        });
        writeOut(out.serialize() + '\n');
    } else {
        QString text = u"sent      %1\nok        %2\nfailed    %3\n"_s.arg(m_sent).arg(m_ok).arg(failed);
        for (auto it = m_failures.cbegin(); it != m_failures.cend(); ++it)
            text += u"  %1 x%2: %3\n"_s.arg(it.key()).arg(it.value()).arg(m_failureExamples.value(it.key()));
        text += u"received  %1 (subscriber on %2)\n"_s.arg(received).arg(m_settings.channel);
        text += u"events/s  %1 (%2 in %3 s, %4 in flight)\n"_s.arg(eventsPerSecond, 0, 'f', 1)
                    .arg(m_ok)
                    .arg(seconds, 0, 'f', 3)
                    .arg(m_settings.concurrency);
        text += u"latency   p50 %1 ms, p90 %2 ms, p99 %3 ms, max %4 ms\n"_s.arg(p50, 0, 'f', 3)
                    .arg(p90, 0, 'f', 3)
                    .arg(p99, 0, 'f', 3)
                    .arg(max, 0, 'f', 3);
        text += u"engine    "_s + QString::fromLatin1(engineName(m_settings.engine)) + u'\n';
        writeOut(text.toUtf8());
    }
    if (failed > 0) {
        // Exit 3 when the server refused some, 4 when only the network failed.
        const bool anyHttp = std::any_of(m_failures.keyBegin(), m_failures.keyEnd(),
                                         [](const QString &cause) { return cause.front().isDigit(); });
        return anyHttp ? ExitServerError : ExitNetworkError;
    }
    if (received != m_ok) {
        printError(u"bench trigger: the subscriber received %1 of %2 accepted events"_s.arg(received).arg(m_ok));
        return ExitInvalid;
    }
    return ExitOk;
}

} // namespace

QByteArray engineName(BenchEngine engine)
{
    return engine == BenchEngine::Lean ? "lean-http1"_ba : "libcurl"_ba;
}

void writeBenchData(QByteArray &out, QByteArrayView runId, qint64 seq, qint64 size)
{
    out.resize(0); // keeps the capacity
    out.append("{\"run\":\"").append(runId).append("\",\"seq\":").append(QByteArray::number(seq)).append(",\"pad\":\"");
    constexpr QByteArrayView tail = "\"}";
    const qint64 pad = size - out.size() - tail.size();
    if (pad < 0) {
        out.fill('x', qsizetype(size));
        return;
    }
    // resize + memset: append(n, 'x') goes through QByteArray::insert, a slow byte loop.
    const qsizetype at = out.size();
    out.resize(at + qsizetype(pad));
    std::memset(out.data() + at, 'x', size_t(pad));
    out.append(tail);
}

int runTriggerBench(BenchSettings settings)
{
    TriggerBench bench(std::move(settings));
    return bench.run();
}

} // namespace Apinator::Ctl
