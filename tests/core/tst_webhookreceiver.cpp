// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// WebhookReceiver, WebhookCaptureStore and replay/forward over real loopback sockets:
// the sandbox's webhooks arrive and verify; bad requests are refused without a capture.
#include "rawhttpserver.h"
#include "sandboxtesting.h"

#include <apinator/httpclient.h>
#include <apinator/sandboxserver.h>
#include <apinator/webhookcapturestore.h>
#include <apinator/webhookinspect.h>
#include <apinator/webhookreceiver.h>
#include <apinator/webhookreplay.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Apinator;
using SandboxTesting::RawHttpClient;
using SandboxTesting::RawResponse;
using SandboxTesting::WsTestClient;
using SandboxTesting::exchange;
using SandboxTesting::nowSeconds;
using SandboxTesting::startSandbox;
using SandboxTesting::trigger;
using TestSupport::RawHttpServer;

namespace {
const QByteArray Secret = "local-webhook-secret"_ba;

WebhookCapture captureOf(const QSignalSpy &spy, int i)
{
    return spy.at(i).first().value<WebhookCapture>();
}

WebhookInspection inspect(const WebhookCapture &c, QByteArrayView secret = Secret)
{
    WebhookInspectInput in;
    in.headers = c.headers;
    in.body = c.body;
    in.secret = secret.toByteArray();
    in.options.nowSeconds = nowSeconds();
    return inspectWebhook(in);
}
} // namespace

class TestWebhookReceiver final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<WebhookCapture>(); }

    void sandboxWebhooks_arriveAndVerify()
    {
        WebhookReceiver receiver;
        QVERIFY(receiver.start({}));
        QVERIFY(receiver.url().startsWith(u"http://127.0.0.1:"_s));
        QVERIFY(receiver.url().endsWith(u"/webhooks"_s));
        QSignalSpy captured(&receiver, &WebhookReceiver::captured);
        auto sandbox = startSandbox();
        QVERIFY(sandbox);
        // The setter the console's "send the sandbox's webhooks here" uses, on a running sandbox.
        QVERIFY(sandbox->setWebhookUrl(u"local"_s, receiver.url()));
        WsTestClient client;
        QVERIFY(client.open(sandbox->websocketUrl(u"local-key"_s)));
        QVERIFY(client.subscribe(u"presence-room"_s, {}, R"({"user_id":"alice"})"));
        QTRY_VERIFY(captured.size() >= 2);
        const WebhookCapture first = captureOf(captured, 0);
        QCOMPARE(first.method, "POST"_ba);
        QCOMPARE(first.target, "/webhooks"_ba);
        QCOMPARE(first.responseStatus, 200);
        const WebhookInspection verdict = inspect(first);
        QVERIFY2(verdict.valid, qPrintable(verdict.causes.value(0).message));
        QCOMPARE(verdict.events.events.value(0).event, u"channel_occupied"_s);
        const WebhookInspection member = inspect(captureOf(captured, 1));
        QVERIFY(member.valid);
        QCOMPARE(member.events.events.value(0).userId, u"alice"_s);
        // Verified with the REST secret instead: said so.
        WebhookInspectInput wrong;
        wrong.headers = first.headers;
        wrong.body = first.body;
        wrong.secret = "local-secret";
        wrong.candidates = {{WebhookCandidateSecret::Kind::OtherProfileWebhookSecret, u"Sandbox"_s, Secret}};
        wrong.options.nowSeconds = nowSeconds();
        QVERIFY(hasCause(inspectWebhook(wrong).causes, u"secret_of_other_profile"));
    }

    void setWebhookUrl_rejectsUnknownAppAndBadUrl()
    {
        auto sandbox = startSandbox();
        QVERIFY(sandbox);
        QString error;
        QVERIFY(!sandbox->setWebhookUrl(u"nope"_s, u"http://127.0.0.1:1/x"_s, &error));
        QVERIFY(error.contains(u"nope"_s));
        QVERIFY(!sandbox->setWebhookUrl(u"local"_s, u"ftp://x"_s, &error));
        QVERIFY(error.contains(u"http"_s));
    }

    void configuredResponse_isAnswered()
    {
        WebhookReceiver receiver;
        WebhookReceiverConfig config;
        config.path = "/hook";
        config.responseStatus = 503;
        config.responseBody = "busy";
        QVERIFY(receiver.start(config));
        QSignalSpy captured(&receiver, &WebhookReceiver::captured);
        const RawResponse r = exchange(receiver.port(), "POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");
        QCOMPARE(r.status, 503);
        QCOMPARE(r.body, "busy"_ba);
        QCOMPARE(captured.size(), 1);
        QCOMPARE(captureOf(captured, 0).responseStatus, 503);
        receiver.setResponse(202, "{}");
        QCOMPARE(exchange(receiver.port(), "POST /hook HTTP/1.1\r\nContent-Length: 0\r\n\r\n").status, 202);
    }

    void badRequests_areRefusedWithoutACapture_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("other path") << "POST /elsewhere HTTP/1.1\r\nContent-Length: 0\r\n\r\n"_ba << 404;
        QTest::newRow("body over 10 MB")
            << "POST /webhooks HTTP/1.1\r\nContent-Length: 10485761\r\n\r\n"_ba << 413;
        QTest::newRow("garbage") << "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"_ba << 400;
        QTest::newRow("not HTTP") << "hello there\r\n\r\n"_ba << 400;
        QTest::newRow("header without colon") << "POST /webhooks HTTP/1.1\r\nX-Realtime-Signature\r\n\r\n"_ba << 400;
        QTest::newRow("chunked") << "POST /webhooks HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"_ba << 411;
    }
    void badRequests_areRefusedWithoutACapture()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        WebhookReceiver receiver;
        QVERIFY(receiver.start({}));
        QSignalSpy captured(&receiver, &WebhookReceiver::captured);
        QSignalSpy refused(&receiver, &WebhookReceiver::refused);
        QCOMPARE(exchange(receiver.port(), request).status, status);
        QCOMPARE(captured.size(), 0);
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().at(2).toInt(), status);
    }

    void truncatedRequest_timesOutWithoutACapture()
    {
        WebhookReceiver receiver;
        WebhookReceiverConfig config;
        config.requestTimeoutMs = 300;
        QVERIFY(receiver.start(config));
        QSignalSpy captured(&receiver, &WebhookReceiver::captured);
        RawHttpClient client;
        QVERIFY(client.connectTo(receiver.port()));
        client.send("POST /webhooks HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"event\":");
        QCOMPARE(client.readResponse().status, 408);
        QCOMPARE(captured.size(), 0);
    }

    void receiver_bindsLoopbackByDefault()
    {
        QCOMPARE(WebhookReceiverConfig().host, QHostAddress(QHostAddress::LocalHost));
        WebhookReceiver receiver;
        WebhookReceiverConfig config;
        config.path = "no-slash";
        QString error;
        QVERIFY(!receiver.start(config, &error));
        QVERIFY(error.contains(u"must start with /"_s));
    }

    void store_capturesSurviveARestartAndAreCapped()
    {
        QTemporaryDir dir;
        {
            WebhookCaptureStore store(3);
            QVERIFY(store.open(dir.path()));
            for (int i = 0; i < 5; ++i) {
                WebhookCapture c;
                c.received = QDateTime::currentDateTimeUtc();
                c.method = "POST";
                c.target = "/webhooks?n=" + QByteArray::number(i);
                c.headers = {{"X-Realtime-Timestamp"_ba, "1"_ba}, {"Content-Type"_ba, "application/json"_ba}};
                c.body = QByteArray("{\"n\":") + QByteArray::number(i) + "}\n\0x"_ba;
                QVERIFY(store.add(c));
                QVERIFY(c.id > 0);
            }
        }
        QVERIFY(QFile::exists(dir.filePath(u"history.sqlite"_s)));
        WebhookCaptureStore reopened(3);
        QVERIFY(reopened.open(dir.path()));
        QCOMPARE(reopened.count(), 3);
        const QList<WebhookCapture> all = reopened.list();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.first().target, "/webhooks?n=2"_ba);
        QCOMPARE(all.last().target, "/webhooks?n=4"_ba);
        QCOMPARE(all.last().body, QByteArray("{\"n\":4}\n\0x", 10));
        QCOMPARE(all.last().headers.size(), 2);
        QCOMPARE(all.last().headers.at(1).second, "application/json"_ba);
        QCOMPARE(reopened.get(all.last().id)->body, all.last().body);
        reopened.clear();
        QCOMPARE(reopened.count(), 0);
    }

    void replay_resignedAndAsCaptured_reachTheHandler()
    {
        RawHttpServer handler;
        QVERIFY(handler.listen());
        HttpClient http;
        WebhookCapture capture;
        capture.method = "POST";
        capture.target = "/webhooks";
        capture.body = R"({"event":"channel_occupied","channel":"chat"})";
        capture.headers = {{"Host"_ba, "127.0.0.1:1"_ba},
                           {"Content-Type"_ba, "application/json"_ba},
                           {"X-Realtime-Timestamp"_ba, "1000"_ba},
                           {"X-Realtime-Signature"_ba, signWebhook(Secret, "1000", capture.body)},
                           {"Content-Length"_ba, QByteArray::number(capture.body.size())}};
        const QByteArray url = handler.baseUrl() + "/mine";

        const qint64 now = nowSeconds();
        HttpReply *reply = http.send(webhookReplayRequest(capture, url, WebhookReplayMode::Resigned, Secret, now));
        QTRY_VERIFY(reply->isFinished());
        QCOMPARE(reply->response().status, 200);
        QCOMPARE(handler.requests().size(), 1);
        const TestSupport::CapturedRequest &resigned = handler.requests().at(0);
        QCOMPARE(resigned.target, "/mine"_ba);
        QCOMPARE(resigned.body, capture.body);
        QCOMPARE(resigned.header("X-Realtime-Timestamp"), QByteArray::number(now));
        QVERIFY(verifyWebhook(resigned.headers, resigned.body, Secret, {300, now}).valid);
        delete reply;

        reply = http.send(webhookReplayRequest(capture, url, WebhookReplayMode::AsCaptured));
        QTRY_VERIFY(reply->isFinished());
        const TestSupport::CapturedRequest &asIs = handler.requests().at(1);
        QCOMPARE(asIs.header("X-Realtime-Timestamp"), "1000"_ba);
        QCOMPARE(asIs.header("X-Realtime-Signature"), capture.headers.at(3).second);
        QVERIFY(!verifyWebhook(asIs.headers, asIs.body, Secret, {300, now}).valid); // old by now
        QVERIFY(verifyWebhook(asIs.headers, asIs.body, Secret, {std::nullopt, now}).valid);
        delete reply;
    }

    void forwarder_sendsEveryNewCapture()
    {
        RawHttpServer handler;
        handler.setResponder([](const TestSupport::CapturedRequest &) {
            return TestSupport::ScriptedResponse{RawHttpServer::response(201, "Created", {}, "made"), false, false};
        });
        QVERIFY(handler.listen());
        HttpClient http;
        WebhookReceiver receiver;
        QVERIFY(receiver.start({}));
        WebhookForwarder forwarder(&http);
        forwarder.setTarget(handler.baseUrl() + "/local-handler");
        connect(&receiver, &WebhookReceiver::captured, &forwarder, &WebhookForwarder::forward);
        QSignalSpy forwarded(&forwarder, &WebhookForwarder::forwarded);
        auto sandbox = startSandbox();
        QVERIFY(sandbox);
        QVERIFY(sandbox->setWebhookUrl(u"local"_s, receiver.url()));
        QCOMPARE(trigger(sandbox->port(), sandbox->config().apps.first(), "e", "unused", "{}").status, 200);
        WsTestClient client;
        QVERIFY(client.open(sandbox->websocketUrl(u"local-key"_s)));
        QVERIFY(client.subscribe(u"chat"_s));
        QTRY_COMPARE(forwarded.size(), 1);
        QCOMPARE(forwarded.first().at(1).value<HttpResponse>().status, 201);
        QCOMPARE(handler.requests().size(), 1);
        const TestSupport::CapturedRequest &r = handler.requests().first();
        QCOMPARE(r.target, "/local-handler"_ba);
        QCOMPARE(r.body, R"({"event":"channel_occupied","channel":"chat"})"_ba);
        QVERIFY(verifyWebhook(r.headers, r.body, Secret, {300, nowSeconds()}).valid);
    }
};

QTEST_GUILESS_MAIN(TestWebhookReceiver)
#include "tst_webhookreceiver.moc"
