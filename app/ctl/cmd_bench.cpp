// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl bench trigger: N signed triggers, K in flight over kept-alive
// connections, with a WebSocket subscriber proving the events arrive.
#include "command.h"
#include "credentialoptions.h"
#include "options.h"
#include "output.h"

#include <apinator/httpclient.h>
#include <apinator/names.h>
#include <apinator/restclient.h>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

namespace {

constexpr auto BenchEvent = "bench-event"_L1;
constexpr int SubscribeTimeoutMs = 10000;
// After the last reply, how long the subscriber may take to see the stragglers.
constexpr int SettleTimeoutMs = 5000;

struct BenchSettings
{
    Credentials credentials;
    qint64 count = 0;
    int concurrency = 0;
    QString channel;
    qint64 size = 0;
    bool json = false;
};

// The data string of event seq: JSON text of exactly size characters, so the event
// is real JSON yet its size is what was asked. The run id lets the subscriber count
// this run's events only, whoever else sends to the channel.
QByteArray benchData(QByteArrayView runId, qint64 seq, qint64 size)
{
    QByteArray head = "{\"run\":\"" + runId.toByteArray() + "\",\"seq\":" + QByteArray::number(seq) + ",\"pad\":\"";
    constexpr QByteArrayView tail = "\"}";
    const qint64 pad = size - head.size() - tail.size();
    if (pad < 0)
        return QByteArray(size, 'x');
    head.reserve(size);
    head.append(pad, 'x');
    head.append(tail);
    return head;
}

// A failure's cause for grouping: the HTTP status, else the kind of network error.
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
    explicit TriggerBench(BenchSettings settings)
        : m_settings(std::move(settings))
        , m_rest(&m_http, m_settings.credentials)
        , m_runId(QByteArray::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, '0'))
        , m_eventToken(u'"' + QString(BenchEvent) + u'"')
        , m_channelToken(u'"' + m_settings.channel + u'"')
    {
        m_http.setMaxConnectionsPerHost(m_settings.concurrency);
        m_latencies.reserve(size_t(m_settings.count));
    }
    Q_DISABLE_COPY_MOVE(TriggerBench)
    ~TriggerBench()
    {
        qDeleteAll(m_spent);
        qDeleteAll(m_inFlight);
    }

    int run();

private:
    void onSubscriberMessage(const QString &message);
    void startSending();
    void sendOne();
    void onReply(RestReply *reply);
    void finishIfSettled();
    int report();
    void fail(int code, const QString &message);
    QString subscriberMessage(const QString &reason) const;

    BenchSettings m_settings;
    HttpClient m_http;
    RestClient m_rest;
    QWebSocket m_socket;
    QObject m_context; // receiver of every connection: all die with the bench
    QEventLoop m_loop;
    QTimer m_deadline;

    const QByteArray m_runId;
    const QString m_eventToken;
    const QString m_channelToken;
    bool m_subscribed = false;
    qint64 m_sent = 0;
    qint64 m_done = 0;
    qint64 m_ok = 0;
    qint64 m_received = 0;
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

int TriggerBench::run()
{
    QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_context,
                     [this](const QString &message) { onSubscriberMessage(message); });
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    constexpr auto socketError = &QWebSocket::errorOccurred;
#else
    constexpr auto socketError = qOverload<QAbstractSocket::SocketError>(&QWebSocket::error);
#endif
    QObject::connect(&m_socket, socketError, &m_context, [this] {
        if (!m_subscribed)
            fail(ExitNetworkError, subscriberMessage(m_socket.errorString()));
    });
    QObject::connect(&m_socket, &QWebSocket::disconnected, &m_context, [this] {
        if (!m_subscribed)
            fail(ExitNetworkError,
                 subscriberMessage(m_socket.error() != QAbstractSocket::UnknownSocketError
                                       ? m_socket.errorString()
                                       : u"closed before the subscription succeeded: "_s + m_socket.closeReason()));
    });
    m_deadline.setSingleShot(true);
    QObject::connect(&m_deadline, &QTimer::timeout, &m_context, [this] {
        if (!m_subscribed)
            fail(ExitNetworkError, subscriberMessage(u"no subscription to "_s + m_settings.channel + u" within "_s
                                                     + QString::number(SubscribeTimeoutMs / 1000) + u" s"_s));
        else
            m_loop.exit(); // settle time is over: report what arrived
    });
    m_deadline.start(SubscribeTimeoutMs);
    m_socket.open(QUrl(m_settings.credentials.websocketUrl()));

    m_loop.exec();
    m_socket.abort();
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

void TriggerBench::onSubscriberMessage(const QString &message)
{
    // The hot path: one frame per event. This run's events carry the run id, the event
    // name and the channel; anything else is a protocol frame, parsed in full.
    if (m_subscribed && message.contains(QLatin1StringView(m_runId)) && message.contains(m_eventToken)
        && message.contains(m_channelToken)) {
        ++m_received;
        if (m_done == m_settings.count)
            finishIfSettled();
        return;
    }
    const QJsonObject frame = QJsonDocument::fromJson(message.toUtf8()).object();
    const QString event = frame.value(u"event"_s).toString();
    if (event == u"realtime:connection_established") {
        const QByteArray data = QJsonDocument(QJsonObject{{u"channel"_s, m_settings.channel}}).toJson(QJsonDocument::Compact);
        const QJsonObject subscribe{{u"event"_s, u"realtime:subscribe"_s}, {u"data"_s, QString::fromUtf8(data)}};
        m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(subscribe).toJson(QJsonDocument::Compact)));
    } else if (event == u"realtime:subscription_succeeded" && frame.value(u"channel"_s).toString() == m_settings.channel) {
        m_subscribed = true;
        m_deadline.stop();
        startSending();
    } else if (event == u"realtime:subscription_error" || event == u"realtime:error") {
        fail(ExitServerError, subscriberMessage(event + u": "_s + frame.value(u"data"_s).toString()));
    }
}

void TriggerBench::startSending()
{
    m_clock.start();
    const qint64 first = std::min<qint64>(m_settings.concurrency, m_settings.count);
    for (qint64 i = 0; i < first; ++i)
        sendOne();
}

void TriggerBench::sendOne()
{
    TriggerRequest request;
    request.event = BenchEvent;
    request.channels = {m_settings.channel};
    request.data = benchData(m_runId, m_sent, m_settings.size);
    ++m_sent;
    QString error;
    RestReply *reply = m_rest.trigger(request, &error);
    if (!reply) {
        fail(ExitUsage, error);
        return;
    }
    m_inFlight.insert(reply);
    QObject::connect(reply, &RestReply::finished, &m_context, [this, reply] { onReply(reply); });
}

void TriggerBench::onReply(RestReply *reply)
{
    qDeleteAll(m_spent); // each of them has long finished emitting
    m_spent.clear();
    m_inFlight.remove(reply);
    m_spent.push_back(reply);
    const RestResult &result = reply->result();
    m_latencies.push_back(result.elapsedMs);
    ++m_done;
    if (result.ok()) {
        ++m_ok;
    } else {
        const QString cause = failureCause(result);
        if (m_failures[cause]++ == 0)
            m_failureExamples[cause] = result.errorMessage;
    }
    if (m_sent < m_settings.count) {
        sendOne();
    } else if (m_done == m_settings.count) {
        m_sendingNs = m_clock.nsecsElapsed();
        m_deadline.start(SettleTimeoutMs);
        finishIfSettled();
    }
}

void TriggerBench::finishIfSettled()
{
    if (m_received >= m_ok)
        m_loop.exit();
}

int TriggerBench::report()
{
    std::sort(m_latencies.begin(), m_latencies.end());
    const double seconds = double(m_sendingNs) / 1e9;
    const double eventsPerSecond = seconds > 0 ? double(m_ok) / seconds : 0;
    const qint64 failed = m_done - m_ok;
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
            {"received", OrderedJson::integer(m_received)},
        });
        writeOut(out.serialize() + '\n');
    } else {
        QString text = u"sent      %1\nok        %2\nfailed    %3\n"_s.arg(m_sent).arg(m_ok).arg(failed);
        for (auto it = m_failures.cbegin(); it != m_failures.cend(); ++it)
            text += u"  %1 x%2: %3\n"_s.arg(it.key()).arg(it.value()).arg(m_failureExamples.value(it.key()));
        text += u"received  %1 (subscriber on %2)\n"_s.arg(m_received).arg(m_settings.channel);
        text += u"events/s  %1 (%2 in %3 s, %4 in flight)\n"_s.arg(eventsPerSecond, 0, 'f', 1)
                    .arg(m_ok)
                    .arg(seconds, 0, 'f', 3)
                    .arg(m_settings.concurrency);
        text += u"latency   p50 %1 ms, p90 %2 ms, p99 %3 ms, max %4 ms\n"_s.arg(p50, 0, 'f', 3)
                    .arg(p90, 0, 'f', 3)
                    .arg(p99, 0, 'f', 3)
                    .arg(max, 0, 'f', 3);
        writeOut(text.toUtf8());
    }
    if (failed > 0) {
        // Exit 3 when the server refused some, 4 when only the network failed.
        const bool anyHttp = std::any_of(m_failures.keyBegin(), m_failures.keyEnd(),
                                         [](const QString &cause) { return cause.front().isDigit(); });
        return anyHttp ? ExitServerError : ExitNetworkError;
    }
    if (m_received != m_ok) {
        printError(u"bench trigger: the subscriber received %1 of %2 accepted events"_s.arg(m_received).arg(m_ok));
        return ExitInvalid;
    }
    return ExitOk;
}

qint64 parseCount(const Options &options, const QString &flag, qint64 min, qint64 max)
{
    const QString text = options.required(flag);
    bool ok = !text.isEmpty() && text.front().isDigit();
    const qint64 value = ok ? text.toLongLong(&ok) : 0;
    if (!ok || value < min || value > max)
        throw UsageError(flag, u"not a whole number from %1 to %2: "_s.arg(min).arg(max) + quotedForMessage(text));
    return value;
}

int runBenchTrigger(const QStringList &args)
{
    Options options(u"bench trigger"_s, u"--count N --concurrency K [--channel C] [--size BYTES] [--json]"_s,
                    u"apinatorctl bench trigger --base-url http://127.0.0.1:6001 --app-id local --key local-key "
                    u"--secret \"$SECRET\" --count 10000 --concurrency 16"_s);
    options
        .setDescription(u"Sends N signed triggers of one event to a channel, K in flight over kept-alive\n"
                        u"connections of one client, while a WebSocket subscriber on that channel counts what\n"
                        u"arrives. Prints sent, ok, failed (by cause), received, events per second and latency\n"
                        u"percentiles (send to answer). Exit 0 when every event was accepted and received; 3 or\n"
                        u"4 when some failed (server or network); 1 when the subscriber missed some."_s)
        .addOption(u"--count"_s, u"N"_s, u"how many triggers to send"_s)
        .addOption(u"--concurrency"_s, u"K"_s, u"how many requests in flight at once"_s)
        .addOption(u"--channel"_s, u"NAME"_s, u"public channel to send to and subscribe to (default bench)"_s)
        .addOption(u"--size"_s, u"BYTES"_s, u"length of each event's data string (default 1024)"_s)
        .addSwitch(u"--json"_s, u"print one JSON object"_s);
    addCredentialOptions(options, RestNeeds);
    if (!options.parse(args))
        return ExitOk;

    BenchSettings settings;
    settings.count = parseCount(options, u"--count"_s, 1, 100'000'000);
    settings.concurrency = int(parseCount(options, u"--concurrency"_s, 1, 1000));
    settings.channel = options.value(u"--channel"_s).value_or(u"bench"_s);
    if (const QString error = Names::channelNameError(settings.channel); !error.isEmpty())
        throw UsageError(u"--channel"_s, error);
    if (Names::channelType(settings.channel) != ChannelType::Public)
        throw UsageError(u"--channel"_s, u"must be a public channel: the subscriber does not authenticate"_s);
    settings.size = 1024;
    if (options.value(u"--size"_s)) {
        // Bigger than any sandbox or cloud cap: such events fail as 413, counted like any failure.
        settings.size = parseCount(options, u"--size"_s, 0, 64 * 1024 * 1024);
    }
    settings.json = options.isSet(u"--json"_s);
    settings.credentials = resolveCredentials(options, RestNeeds);

    TriggerBench bench(std::move(settings));
    return bench.run();
}

} // namespace

std::span<const Command> benchCommands()
{
    static constexpr Command Table[] = {
        {"trigger"_L1, "send N signed triggers, K in flight, and count what a subscriber receives"_L1,
         &runBenchTrigger},
    };
    return Table;
}

} // namespace Apinator::Ctl
