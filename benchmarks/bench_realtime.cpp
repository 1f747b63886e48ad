// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// How fast RealtimeClient takes events in: a SandboxServer (its own thread) floods one
// public channel with events triggered over REST (a RestClient in a third thread, many
// requests in flight); the client runs on the main thread, as in the console.
//
//   bench_realtime [--events N] [--size BYTES] [--in-flight N]   (defaults 100000, 1024, 64)
//
// One JSON object per line:
//   realtime_receive_rate      events/s that arrived at the client, first to last
//   realtime_client_cpu        µs of the client thread's CPU per event (QWebSocket, frame
//                              decoding, the signal); 1e6 / it is what one core could take
//   realtime_client_capacity   events/s the client's thread could take at that cost; the
//                              Monitor's budget is 20,000 events/s
//   frame_parse_qjsondocument  ns per frame for QJsonDocument on the same frame, data
//                              converted back to UTF-8: the alternative the client does not use
// The receive rate is bounded by the sandbox and the flooder sharing this machine's cores;
// the CPU figure is the client's own cost.
#include <apinator/httpclient.h>
#include <apinator/realtimeclient.h>
#include <apinator/restclient.h>
#include <apinator/sandboxserver.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Apinator;

namespace {

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

void print(const char *name, double value, const char *unit, double budget = -1, bool higherIsBetter = true)
{
    if (budget < 0) {
        std::printf("{\"benchmark\":\"%s\",\"value\":%.1f,\"unit\":\"%s\"}\n", name, value, unit);
    } else {
        const bool ok = higherIsBetter ? value >= budget : value <= budget;
        std::printf("{\"benchmark\":\"%s\",\"value\":%.1f,\"unit\":\"%s\",\"budget\":%.0f,\"within_budget\":%s}\n",
                    name, value, unit, budget, ok ? "true" : "false");
    }
    std::fflush(stdout);
}

// Runs fn on the thread of context and waits for it.
template<typename F>
void runOn(QObject *context, F fn)
{
    QMetaObject::invokeMethod(context, fn, Qt::BlockingQueuedConnection);
}

// Keeps `inFlight` triggers going until `total` have been answered.
class Flooder final : public QObject
{
public:
    Flooder(Credentials credentials, QByteArray data, int total, int inFlight)
        : m_http(new HttpClient(this))
        , m_rest(new RestClient(m_http, std::move(credentials), this))
        , m_total(total)
        , m_inFlight(inFlight)
    {
        m_request.event = u"tick"_s;
        m_request.channels = {u"flood"_s};
        m_request.data = std::move(data);
    }
    void start()
    {
        for (int i = 0; i < m_inFlight; ++i)
            sendOne();
    }
    int failures() const { return m_failures; }

private:
    void sendOne()
    {
        if (m_sent >= m_total)
            return;
        ++m_sent;
        RestReply *reply = m_rest->trigger(m_request);
        connect(reply, &RestReply::finished, this, [this, reply] {
            if (!reply->result().ok())
                ++m_failures;
            reply->deleteLater();
            sendOne();
        });
    }

    HttpClient *m_http;
    RestClient *m_rest;
    TriggerRequest m_request;
    int m_total;
    int m_inFlight;
    int m_sent = 0;
    int m_failures = 0;
};

int option(const QStringList &args, const QString &name, int fallback)
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args[at + 1].toInt() : fallback;
}

double qjsonDocumentNsPerFrame(const QString &frame)
{
    constexpr int Rounds = 20000;
    qsizetype sink = 0;
    // CPU time of this thread, not wall time: the machine is shared.
    const double start = threadCpuSeconds();
    for (int i = 0; i < Rounds; ++i) {
        const QJsonObject o = QJsonDocument::fromJson(frame.toUtf8()).object();
        sink += o.value("data"_L1).toString().toUtf8().size() + o.value("event"_L1).toString().size();
    }
    const double end = threadCpuSeconds();
    if (sink == 0)
        std::puts("");
    return (end - start) * 1e9 / Rounds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int total = option(args, u"--events"_s, 100000);
    const int size = option(args, u"--size"_s, 1024);
    const int inFlight = option(args, u"--in-flight"_s, 64);

    // JSON text of the given size, with quotes to escape as real data has.
    QByteArray data = "{\"text\":\"";
    while (data.size() < size - 2)
        data += "x\\\"y ";
    data.truncate(size - 2);
    data += "\"}";

    QThread serverThread, floodThread;
    QObject serverContext, floodContext;
    serverContext.moveToThread(&serverThread);
    floodContext.moveToThread(&floodThread);
    serverThread.start();
    floodThread.start();

    SandboxConfig config;
    config.port = 0;
    config.maxConnections = 4096;
    SandboxServer *server = nullptr;
    QString error;
    runOn(&serverContext, [&] {
        server = new SandboxServer(config);
        if (!server->start(&error)) {
            delete server;
            server = nullptr;
        }
    });
    if (!server) {
        std::fprintf(stderr, "bench_realtime: the sandbox did not start: %s\n", qPrintable(error));
        return 1;
    }
    const SandboxApp sandboxApp;
    Credentials credentials;
    credentials.appId = sandboxApp.appId;
    credentials.key = sandboxApp.key;
    credentials.secret = sandboxApp.secret;
    credentials.baseUrl = server->baseUrl();

    RealtimeClient client;
    client.setCredentials(credentials);
    int received = 0;
    qint64 firstNs = 0, lastNs = 0;
    double cpuAtFirst = 0;
    qsizetype frameBytes = 0;
    QElapsedTimer clock;
    clock.start();
    QObject::connect(&client, &RealtimeClient::eventReceived, &app, [&](const RealtimeEvent &event) {
        if (received++ == 0) {
            firstNs = clock.nsecsElapsed();
            cpuAtFirst = threadCpuSeconds();
            frameBytes = event.frameBytes;
        }
        lastNs = clock.nsecsElapsed();
        if (received == total)
            app.quit();
    });
    std::unique_ptr<Flooder> flooder;
    QObject::connect(&client, &RealtimeClient::subscriptionChanged, &app, [&](const QString &channel) {
        if (flooder || client.subscription(channel)->state != RealtimeSubscription::State::Subscribed)
            return;
        runOn(&floodContext, [&] {
            flooder = std::make_unique<Flooder>(credentials, data, total, inFlight);
            flooder->start();
        });
    });
    // Progress stalls for 10 s: report what arrived rather than hang.
    int lastSeen = -1;
    QTimer watchdog;
    QObject::connect(&watchdog, &QTimer::timeout, &app, [&] {
        if (received == lastSeen)
            app.quit();
        lastSeen = received;
    });
    watchdog.start(10000);
    (void)client.subscribe(u"flood"_s);
    if (const QString e = client.connectToServer(); !e.isEmpty()) {
        std::fprintf(stderr, "bench_realtime: %s\n", qPrintable(e));
        return 1;
    }
    app.exec();
    const double cpu = threadCpuSeconds() - cpuAtFirst;

    const int failures = flooder ? flooder->failures() : 0;
    runOn(&floodContext, [&] { flooder.reset(); });
    runOn(&serverContext, [&] { delete server; });
    serverThread.quit();
    floodThread.quit();
    serverThread.wait();
    floodThread.wait();

    if (received < 2) {
        std::fprintf(stderr, "bench_realtime: only %d events arrived (%d triggers failed)\n", received, failures);
        return 1;
    }
    std::fprintf(stderr, "bench_realtime: %d of %d events, %d B data, %lld B frames, %d triggers failed\n", received,
                 total, size, qlonglong(frameBytes), failures);
    const double seconds = double(lastNs - firstNs) / 1e9;
    const double cpuUsPerEvent = cpu * 1e6 / (received - 1);
    print("realtime_receive_rate", (received - 1) / seconds, "events/s");
    print("realtime_client_cpu", cpuUsPerEvent, "us/event");
    print("realtime_client_capacity", 1e6 / cpuUsPerEvent, "events/s", 20000, true);
    const QString frame = u"{\"event\":\"tick\",\"channel\":\"flood\",\"data\":"_s
                          + QString::fromUtf8(QJsonDocument(QJsonObject{{"d"_L1, QString::fromUtf8(data)}})
                                                  .toJson(QJsonDocument::Compact)
                                                  .sliced(5))
                                .chopped(1)
                          + u"}"_s;
    print("frame_parse_qjsondocument", qjsonDocumentNsPerFrame(frame), "ns/frame");
    return received == total ? 0 : 1;
}
