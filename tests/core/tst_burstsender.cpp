// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// BurstSender and BurstSubscriber over real sockets: the sandbox, and a scripted
// HTTP listener for what the sandbox never does (closing, chunked, hanging).
#include <apinator/burstsender.h>
#include <apinator/burstsubscriber.h>
#include <apinator/requestsigner.h>
#include <apinator/sandboxserver.h>

#include "rawhttpserver.h"
#include "sandboxtesting.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

using namespace Apinator;
using namespace Qt::StringLiterals;
using TestSupport::CapturedRequest;
using TestSupport::RawHttpServer;
using TestSupport::ScriptedResponse;

namespace {

constexpr int WaitMs = 15000;

Credentials credentials(const QString &baseUrl, const QByteArray &secret = "local-secret"_ba)
{
    Credentials c;
    c.appId = u"local"_s;
    c.key = u"local-key"_s;
    c.secret = secret;
    c.baseUrl = baseUrl;
    return c;
}

QByteArray triggerBody(qint64 id)
{
    return "{\"name\":\"burst\",\"data\":\"{\\\"n\\\":" + QByteArray::number(id) + "}\",\"channel\":\"burst-test\"}";
}

// Runs a burst of count requests to the path and collects every result.
struct Burst
{
    std::vector<BurstResult> results;
    bool drained = false;

    bool run(BurstSender &sender, qint64 count, int concurrency, QString *error = nullptr)
    {
        QSignalSpy drainedSpy(&sender, &BurstSender::drained);
        const bool started = sender.start(
            concurrency,
            [count](qint64 id, QByteArray &body) {
                if (id >= count)
                    return false;
                body.append(triggerBody(id));
                return true;
            },
            [this](const BurstResult &r) { results.push_back(r); }, error);
        if (!started)
            return false;
        drained = drainedSpy.wait(WaitMs) || drainedSpy.size() == 1;
        return drained;
    }
    QSet<QString> causes() const
    {
        QSet<QString> set;
        for (const BurstResult &r : results)
            set.insert(r.cause);
        return set;
    }
};

ScriptedResponse ok(bool closeHeader = false, bool closeSocket = false)
{
    HeaderList headers;
    if (closeHeader)
        headers.append({"Connection"_ba, "close"_ba});
    return {RawHttpServer::response(200, "OK", headers, "{}"), false, closeSocket};
}

} // namespace

class TestBurstSender final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sandbox_everyRequestAcceptedAndEverySubscriberCounts();
    void sandbox_wrongSecret_everyResultIs401WithTheDetail();
    void closedPort_everyResultIsConnectFailed();
    void requests_areSignedOneByOne();
    void connectionCloseHeader_reconnectsForTheNextRequest();
    void silentCloseOfKeptAliveConnection_retriesOnAFreshOne();
    void chunkedResponse_isABadResponseNotMisread();
    void noAnswer_timesOut();
    void unsupported_httpsAndBadStart();
    void subscriber_privateChannel_isRefusedByTheServer();
};

void TestBurstSender::sandbox_everyRequestAcceptedAndEverySubscriberCounts()
{
    const auto sandbox = SandboxTesting::startSandbox();
    QVERIFY(sandbox);
    BurstSubscriber subscriber;
    subscriber.setMatch({"\"burst\""_ba, "\"burst-test\""_ba});
    QSignalSpy subscribed(&subscriber, &BurstSubscriber::subscribed);
    subscriber.subscribe(sandbox->websocketUrl(u"local-key"_s), u"burst-test"_s);
    QVERIFY(subscribed.wait(WaitMs));

    BurstSender sender(credentials(sandbox->baseUrl()), "/apps/local/events");
    Burst burst;
    QVERIFY(burst.run(sender, 300, 8));
    QCOMPARE(qsizetype(burst.results.size()), 300);
    QCOMPARE(burst.causes(), QSet<QString>{QString()});
    QSet<qint64> ids;
    for (const BurstResult &r : burst.results) {
        QCOMPARE(r.status, 200);
        QVERIFY(r.latencyMs > 0);
        ids.insert(r.id);
    }
    QCOMPARE(ids.size(), 300); // each id answered once
    QCOMPARE(sender.inFlight(), 0);
    QVERIFY2(sender.connectionsOpened() <= 8, qPrintable(QString::number(sender.connectionsOpened())));
    QTRY_COMPARE_WITH_TIMEOUT(subscriber.count(), qint64(300), WaitMs);
    // Another event on the channel is a frame too, but not one of ours.
    SandboxTesting::trigger(sandbox->port(), SandboxApp{}, "not-ours", "burst-test", "{}");
    QTest::qWait(100);
    QCOMPARE(subscriber.count(), qint64(300));
}

void TestBurstSender::sandbox_wrongSecret_everyResultIs401WithTheDetail()
{
    const auto sandbox = SandboxTesting::startSandbox();
    QVERIFY(sandbox);
    BurstSender sender(credentials(sandbox->baseUrl(), "not-the-secret"), "/apps/local/events");
    Burst burst;
    QVERIFY(burst.run(sender, 20, 4));
    QCOMPARE(qsizetype(burst.results.size()), 20);
    QCOMPARE(burst.causes(), QSet<QString>{u"401"_s});
    const BurstResult &first = burst.results.front();
    QCOMPARE(first.status, 401);
    QVERIFY2(first.message.contains(u"\\nPOST\\n/apps/local/events\\n"), qPrintable(first.message));
    QVERIFY(!first.message.contains(u"not-the-secret"));
}

void TestBurstSender::closedPort_everyResultIsConnectFailed()
{
    const quint16 port = TestSupport::closedPort();
    QVERIFY(port != 0);
    BurstSender sender(credentials(u"http://127.0.0.1:%1"_s.arg(port)), "/apps/local/events");
    Burst burst;
    QVERIFY(burst.run(sender, 50, 4));
    QCOMPARE(qsizetype(burst.results.size()), 50);
    QCOMPARE(burst.causes(), QSet<QString>{u"connect_failed"_s});
    QVERIFY2(burst.results.front().message.contains(u"connection refused to 127.0.0.1:%1"_s.arg(port)),
             qPrintable(burst.results.front().message));
    QCOMPARE(burst.results.front().status, 0);
}

void TestBurstSender::requests_areSignedOneByOne()
{
    RawHttpServer server;
    QVERIFY(server.listen());
    server.setResponder([](const CapturedRequest &) { return ok(); });
    BurstSender sender(credentials(QString::fromLatin1(server.baseUrl()) + u"/prefix/"_s), "/apps/local/events");
    sender.setClock([] { return qint64(1700000000); });
    Burst burst;
    QVERIFY(burst.run(sender, 10, 2));
    QCOMPARE(burst.causes(), QSet<QString>{QString()});
    QCOMPARE(server.requests().size(), 10);
    QSet<QByteArray> signatures;
    for (const CapturedRequest &got : server.requests()) {
        QCOMPARE(got.method, "POST"_ba);
        QCOMPARE(got.target, "/prefix/apps/local/events"_ba); // the base URL's path, then the signed path
        QCOMPARE(got.version, "HTTP/1.1"_ba);
        QCOMPARE(got.header("Host"), server.baseUrl().mid(7));
        QCOMPARE(got.header("Content-Type"), "application/json"_ba);
        QCOMPARE(got.header("Content-Length").toLongLong(), got.body.size());
        QCOMPARE(got.header("X-Realtime-Key"), "local-key"_ba);
        QCOMPARE(got.header("X-Realtime-Timestamp"), "1700000000"_ba);
        // Recomputed with Qt's own hashes, independent of the project's crypto.
        const QByteArray md5 = QCryptographicHash::hash(got.body, QCryptographicHash::Md5).toHex();
        const QByteArray expected = QMessageAuthenticationCode::hash(
                                        "1700000000\nPOST\n/apps/local/events\n" + md5, "local-secret",
                                        QCryptographicHash::Sha256)
                                        .toHex();
        QCOMPARE(got.header("X-Realtime-Signature"), expected);
        // And what the REST client would have signed for the same body.
        const RequestSigner signer("local-key"_ba, "local-secret");
        QCOMPARE(signer.sign("POST", "/apps/local/events", got.body, 1700000000).signature, expected);
        signatures.insert(expected);
    }
    QCOMPARE(signatures.size(), 10); // a body of its own, a signature of its own
    QVERIFY(server.connectionCount() <= 2);
}

void TestBurstSender::connectionCloseHeader_reconnectsForTheNextRequest()
{
    RawHttpServer server;
    QVERIFY(server.listen());
    // The server says close but leaves the socket open: only the header can make the
    // client go elsewhere (a server that closed would be caught by the retry instead).
    server.setResponder([](const CapturedRequest &) { return ok(true, false); });
    BurstSender sender(credentials(QString::fromLatin1(server.baseUrl())), "/apps/local/events");
    Burst burst;
    QVERIFY(burst.run(sender, 12, 3));
    QCOMPARE(burst.causes(), QSet<QString>{QString()});
    QCOMPARE(server.requests().size(), 12);
    QCOMPARE(server.connectionCount(), 12); // one connection per answer
    QCOMPARE(sender.connectionsOpened(), qint64(12));
}

void TestBurstSender::silentCloseOfKeptAliveConnection_retriesOnAFreshOne()
{
    // The server closes after each answer without saying so (an idle timeout's race):
    // a request written into such a connection gets no answer and goes once more.
    RawHttpServer server;
    QVERIFY(server.listen());
    server.setResponder([](const CapturedRequest &) { return ok(false, true); });
    BurstSender sender(credentials(QString::fromLatin1(server.baseUrl())), "/apps/local/events");
    Burst burst;
    QVERIFY(burst.run(sender, 10, 1));
    QCOMPARE(burst.causes(), QSet<QString>{QString()});
    QSet<QByteArray> bodies;
    for (const CapturedRequest &got : server.requests())
        bodies.insert(got.body);
    QCOMPARE(bodies.size(), 10); // every event arrived, none lost
    QCOMPARE(sender.connectionsOpened(), qint64(10));
}

void TestBurstSender::chunkedResponse_isABadResponseNotMisread()
{
    RawHttpServer server;
    QVERIFY(server.listen());
    server.setResponder([](const CapturedRequest &) {
        return ScriptedResponse{RawHttpServer::chunkedResponse(200, "OK", {"{", "}"}), false, false};
    });
    BurstSender sender(credentials(QString::fromLatin1(server.baseUrl())), "/apps/local/events");
    Burst burst;
    QVERIFY(burst.run(sender, 3, 1));
    QCOMPARE(burst.causes(), QSet<QString>{u"bad_response"_s});
    QVERIFY2(burst.results.front().message.contains(u"chunked"), qPrintable(burst.results.front().message));
}

void TestBurstSender::noAnswer_timesOut()
{
    RawHttpServer server;
    QVERIFY(server.listen());
    server.setResponder([](const CapturedRequest &) { return ScriptedResponse{{}, true, false}; });
    BurstSender sender(credentials(QString::fromLatin1(server.baseUrl())), "/apps/local/events");
    sender.setTimeoutMs(300);
    Burst burst;
    QVERIFY(burst.run(sender, 2, 2));
    QCOMPARE(burst.causes(), QSet<QString>{u"timeout"_s});
    QVERIFY(burst.results.front().latencyMs >= 300);
    QVERIFY2(burst.results.front().message.contains(u"timed out after 300 ms waiting for a response"),
             qPrintable(burst.results.front().message));
}

void TestBurstSender::unsupported_httpsAndBadStart()
{
    QVERIFY(!BurstSender::unsupportedReason(u"https://example.com"_s).isEmpty());
    QVERIFY(BurstSender::unsupportedReason(u"http://127.0.0.1:6001"_s).isEmpty());
    BurstSender tls(credentials(u"https://127.0.0.1:1"_s), "/apps/local/events");
    QString error;
    bool sinkCalled = false;
    QVERIFY(!tls.start(
        1, [](qint64, QByteArray &) { return true; }, [&](const BurstResult &) { sinkCalled = true; }, &error));
    QVERIFY2(error.contains(u"http://"), qPrintable(error));
    BurstSender noSecret(credentials(u"http://127.0.0.1:1"_s, {}), "/apps/local/events");
    QVERIFY(!noSecret.start(
        1, [](qint64, QByteArray &) { return true; }, [&](const BurstResult &) { sinkCalled = true; }, &error));
    QVERIFY2(error.contains(u"secret"), qPrintable(error));
    QVERIFY(!sinkCalled);
}

void TestBurstSender::subscriber_privateChannel_isRefusedByTheServer()
{
    const auto sandbox = SandboxTesting::startSandbox();
    QVERIFY(sandbox);
    BurstSubscriber subscriber;
    QSignalSpy failed(&subscriber, &BurstSubscriber::failed);
    subscriber.subscribe(sandbox->websocketUrl(u"local-key"_s), u"private-x"_s);
    QVERIFY(failed.wait(WaitMs));
    QVERIFY(subscriber.refusedByServer());
    QVERIFY(!subscriber.isSubscribed());
    QVERIFY2(failed.first().first().toString().contains(u"subscription_error"),
             qPrintable(failed.first().first().toString()));

    BurstSubscriber nowhere;
    QSignalSpy nowhereFailed(&nowhere, &BurstSubscriber::failed);
    nowhere.subscribe(u"ws://127.0.0.1:%1/app/local-key"_s.arg(TestSupport::closedPort()), u"x"_s);
    QVERIFY(nowhereFailed.wait(WaitMs));
    QVERIFY(!nowhere.refusedByServer());
}

QTEST_GUILESS_MAIN(TestBurstSender)
#include "tst_burstsender.moc"
