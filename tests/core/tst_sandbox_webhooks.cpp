// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// SandboxServer's outgoing webhooks, received by a real HTTP endpoint and checked with verifyWebhook.
#include "sandboxtesting.h"

#include <apinator/sandboxserver.h>
#include <apinator/webhook.h>

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Apinator;
using namespace SandboxTesting;

class TestSandboxWebhooks final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_receiver = std::make_unique<WebhookReceiver>();
        QVERIFY(m_receiver->listen());
        SandboxConfig config;
        config.apps.first().webhookUrl = m_receiver->url();
        config.webhookInitialBackoffMs = 100;
        config.webhookMaxAttempts = 3;
        m_server = startSandbox(config);
        QVERIFY(m_server);
        m_url = m_server->websocketUrl(u"local-key"_s);
    }
    void cleanup()
    {
        m_server.reset();
        m_receiver.reset();
    }

    void occupiedAndVacated_areSignedWithTheWebhookSecret()
    {
        WsTestClient a;
        QVERIFY(a.open(m_url));
        QVERIFY(a.subscribe(u"chat"_s));
        QVERIFY(m_receiver->waitForCount(1));
        a.sendJson({{"event"_L1, u"realtime:unsubscribe"_s}, {"data"_L1, QJsonObject{{"channel"_L1, u"chat"_s}}}});
        QVERIFY(m_receiver->waitForCount(2));

        QCOMPARE(m_receiver->received[0].body, R"({"event":"channel_occupied","channel":"chat"})"_ba);
        QCOMPARE(m_receiver->received[1].body, R"({"event":"channel_vacated","channel":"chat"})"_ba);
        for (const WebhookReceiver::Received &r : std::as_const(m_receiver->received)) {
            QCOMPARE(r.method, "POST"_ba);
            QCOMPARE(r.target, "/webhooks"_ba);
            QCOMPARE(headerValue(r.headers, "content-type").value_or(QByteArray()), "application/json"_ba);
            const WebhookVerdict verdict =
                verifyWebhook(r.headers, r.body, "local-webhook-secret", {DefaultWebhookMaxAgeSeconds, nowSeconds()});
            QVERIFY2(verdict.valid, qPrintable(verdict.causes.value(0).message));
            QVERIFY(qAbs(verdict.ageSeconds.value_or(999)) <= 2);
            // Not signed with the REST secret.
            QVERIFY(!verifyWebhook(r.headers, r.body, "local-secret", {DefaultWebhookMaxAgeSeconds, nowSeconds()}).valid);
        }
    }

    void members_areReportedWithUserId()
    {
        WsTestClient a;
        QVERIFY(a.open(m_url));
        QVERIFY(a.subscribe(u"presence-lobby"_s, {}, R"({"user_id":"alice"})"));
        QVERIFY(m_receiver->waitForCount(2));
        a.socket().close();
        QVERIFY(m_receiver->waitForCount(4));
        const QList<QJsonObject> events = m_receiver->events();
        QCOMPARE(events[0].value("event"_L1).toString(), u"channel_occupied"_s);
        QCOMPARE(events[1].value("event"_L1).toString(), u"member_added"_s);
        QCOMPARE(events[1].value("user_id"_L1).toString(), u"alice"_s);
        QCOMPARE(events[1].value("channel"_L1).toString(), u"presence-lobby"_s);
        QCOMPARE(events[2].value("event"_L1).toString(), u"member_removed"_s);
        QCOMPARE(events[2].value("user_id"_L1).toString(), u"alice"_s);
        QCOMPARE(events[3].value("event"_L1).toString(), u"channel_vacated"_s);
    }

    void clientEvent_carriesNameDataAndSocketId()
    {
        WsTestClient a, b;
        QVERIFY(a.open(m_url));
        QVERIFY(b.open(m_url));
        QVERIFY(a.subscribe(u"private-room"_s));
        QVERIFY(b.subscribe(u"private-room"_s));
        QVERIFY(m_receiver->waitForCount(1));
        a.sendJson({{"event"_L1, u"client-typing"_s}, {"channel"_L1, u"private-room"_s}, {"data"_L1, uR"({"on":true})"_s}});
        QVERIFY(m_receiver->waitForCount(2));
        const QJsonObject e = m_receiver->events().at(1);
        QCOMPARE(e.value("event"_L1).toString(), u"client_event"_s);
        QCOMPARE(e.value("channel"_L1).toString(), u"private-room"_s);
        QCOMPARE(e.value("name"_L1).toString(), u"client-typing"_s);
        QCOMPARE(e.value("data"_L1).toString(), uR"({"on":true})"_s);
        QCOMPARE(e.value("socket_id"_L1).toString(), a.socketId());
    }

    void failedDelivery_isRetriedWithBackoff()
    {
        m_receiver->statuses = {500};
        QSignalSpy updates(m_server.get(), &SandboxServer::webhookUpdated);
        WsTestClient a;
        QVERIFY(a.open(m_url));
        QVERIFY(a.subscribe(u"chat"_s));
        QVERIFY(m_receiver->waitForCount(2));
        QCOMPARE(m_receiver->received[0].body, m_receiver->received[1].body);
        QTRY_COMPARE(m_server->webhookLog().size(), 1);
        QTRY_COMPARE(m_server->webhookLog().first().state, WebhookDelivery::State::Delivered);
        const WebhookDelivery d = m_server->webhookLog().first();
        QCOMPARE(d.attempts, 2);
        QCOMPARE(d.lastStatus, 200);
        QCOMPARE(d.appId, u"local"_s);
        QCOMPARE(d.url, m_receiver->url());
        QCOMPARE(d.body, R"({"event":"channel_occupied","channel":"chat"})"_ba);
        QVERIFY(d.lastAttempt.isValid());
        QVERIFY(d.created.msecsTo(d.lastAttempt) >= 100); // the backoff
        // queued, first attempt, its failure, second attempt, success
        QVERIFY(updates.size() >= 4);
        QCOMPARE(updates.last().first().value<WebhookDelivery>().state, WebhookDelivery::State::Delivered);
    }

    void failingEndpoint_givesUpAfterMaxAttempts()
    {
        m_receiver->statuses = {500, 503, 500, 500};
        WsTestClient a;
        QVERIFY(a.open(m_url));
        QVERIFY(a.subscribe(u"chat"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_server->webhookLog().value(0).state, WebhookDelivery::State::Failed, 5000);
        const WebhookDelivery d = m_server->webhookLog().first();
        QCOMPARE(d.attempts, 3);
        QCOMPARE(d.lastStatus, 500);
        QVERIFY2(d.lastError.contains(u"500"_s), qPrintable(d.lastError));
        QCOMPARE(m_receiver->received.size(), 3);
    }

    void unreachableEndpoint_isLoggedAsNetworkFailure()
    {
        const QString url = m_receiver->url();
        m_receiver.reset(); // nothing listens there any more
        SandboxConfig config;
        config.apps.first().webhookUrl = url;
        config.webhookInitialBackoffMs = 10;
        config.webhookMaxAttempts = 2;
        auto server = startSandbox(config);
        QVERIFY(server);
        WsTestClient a;
        QVERIFY(a.open(server->websocketUrl(u"local-key"_s)));
        QVERIFY(a.subscribe(u"chat"_s));
        QTRY_COMPARE_WITH_TIMEOUT(server->webhookLog().value(0).state, WebhookDelivery::State::Failed, 5000);
        QCOMPARE(server->webhookLog().first().lastStatus, 0);
        QCOMPARE(server->webhookLog().first().attempts, 2);
        QVERIFY(!server->webhookLog().first().lastError.isEmpty());
    }

    void noWebhookUrl_sendsNothing()
    {
        auto server = startSandbox();
        QVERIFY(server);
        WsTestClient a;
        QVERIFY(a.open(server->websocketUrl(u"local-key"_s)));
        QVERIFY(a.subscribe(u"chat"_s));
        QTest::qWait(100);
        QVERIFY(server->webhookLog().isEmpty());
        QVERIFY(m_receiver->received.isEmpty());
    }

private:
    std::unique_ptr<WebhookReceiver> m_receiver;
    std::unique_ptr<SandboxServer> m_server;
    QString m_url;
};

QTEST_GUILESS_MAIN(TestSandboxWebhooks)
#include "tst_sandbox_webhooks.moc"
