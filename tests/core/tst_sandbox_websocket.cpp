// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// SandboxServer's WebSocket protocol with real QWebSocket clients.
#include "sandboxtesting.h"

#include <apinator/channelauth.h>
#include <apinator/sandboxserver.h>

#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Apinator;
using namespace SandboxTesting;

namespace {
QJsonObject frame(const QString &event, const QJsonObject &data, const QString &channel = {})
{
    QJsonObject f{{"event"_L1, event}, {"data"_L1, data}};
    if (!channel.isEmpty())
        f.insert("channel"_L1, channel);
    return f;
}
} // namespace

class TestSandboxWebSocket final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_server = startSandbox();
        QVERIFY(m_server);
        m_url = m_server->websocketUrl(u"local-key"_s);
    }
    void cleanup() { m_server.reset(); }

    void connect_firstFrameIsConnectionEstablished()
    {
        WsTestClient a, b;
        QVERIFY(a.open(m_url));
        QVERIFY(b.open(m_url + u"?protocol=7&client=js&version=1.0.0"_s));
        QCOMPARE(a.frames().first().value("event"_L1).toString(), u"realtime:connection_established"_s);
        // data is a JSON-encoded string, not an object.
        QVERIFY(a.frames().first().value("data"_L1).isString());
        const QJsonObject data = WsTestClient::data(a.frames().first());
        QCOMPARE(data.value("activity_timeout"_L1).toInt(), 120);
        static const QRegularExpression socketId(u"^[0-9]+\\.[0-9]+$"_s);
        QVERIFY2(socketId.match(a.socketId()).hasMatch(), qPrintable(a.socketId()));
        QVERIFY(a.socketId() != b.socketId());
        QCOMPARE(m_server->connectionCount(), 2);
    }

    void unknownKey_getsError4001AndClose()
    {
        WsTestClient client;
        client.socket().open(QUrl(m_server->websocketUrl(u"nobody"_s)));
        const auto error = client.waitFor(u"realtime:error"_s);
        QVERIFY(error);
        QCOMPARE(WsTestClient::data(*error).value("code"_L1).toInt(), 4001);
        QVERIFY(WsTestClient::data(*error).value("message"_L1).toString().contains(u"\"nobody\""_s));
        QTRY_VERIFY(client.isClosed());
        QCOMPARE(client.closeCode(), 4001);
        QVERIFY(client.framesNamed(u"realtime:connection_established"_s).isEmpty());
    }

    void subscribe_publicChannel_succeedsAtOnce()
    {
        WsTestClient a;
        QVERIFY(a.open(m_url));
        const auto result = a.subscribe(u"chat"_s);
        QVERIFY(result);
        QCOMPARE(result->value("event"_L1).toString(), u"realtime:subscription_succeeded"_s);
        QCOMPARE(result->value("data"_L1).toString(), u"{}"_s);
    }

    void subscribe_privateWithValidAuth_succeeds()
    {
        WsTestClient a;
        QVERIFY(a.open(m_url));
        const auto result = a.subscribe(u"private-room"_s);
        QVERIFY(result);
        QCOMPARE(result->value("event"_L1).toString(), u"realtime:subscription_succeeded"_s);
    }

    void subscribe_authFailures_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QString>("authKind");
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("errorPart");
        QTest::addRow("no auth") << u"private-room"_s << u"none"_s << u"AuthError"_s << 403 << u"need \"auth\""_s;
        QTest::addRow("wrong secret") << u"private-room"_s << u"wrong-secret"_s << u"AuthError"_s << 403
                                      << u"invalid signature: expected the HMAC-SHA256 hex of \"%1:private-room\""_s;
        QTest::addRow("other socket id") << u"private-room"_s << u"other-socket"_s << u"AuthError"_s << 403
                                         << u"invalid signature"_s;
        QTest::addRow("other key") << u"private-room"_s << u"other-key"_s << u"AuthError"_s << 403
                                   << u"signed for key \"other-key\""_s;
        QTest::addRow("no colon") << u"private-room"_s << u"no-colon"_s << u"AuthError"_s << 403
                                  << u"\"KEY:SIGNATURE\""_s;
        QTest::addRow("presence without channel_data") << u"presence-lobby"_s << u"private-style"_s << u"AuthError"_s
                                                       << 403 << u"need \"channel_data\""_s;
        QTest::addRow("invalid name") << u"bad name"_s << u"none"_s << u"InvalidChannel"_s << 400
                                      << u"contains a space"_s;
    }
    void subscribe_authFailures()
    {
        QFETCH(QString, channel);
        QFETCH(QString, authKind);
        QFETCH(QString, type);
        QFETCH(int, status);
        QFETCH(QString, errorPart);

        WsTestClient a;
        QVERIFY(a.open(m_url));
        const QByteArray sid = a.socketId().toUtf8();
        QJsonObject d{{"channel"_L1, channel}};
        const auto sign = [&](QByteArrayView key, QByteArrayView secret, QByteArrayView socketId) {
            return QString::fromUtf8(ChannelAuthSigner(key.toByteArray(), secret).sign(socketId, channel.toUtf8()).auth);
        };
        if (authKind == "wrong-secret"_L1)
            d.insert("auth"_L1, sign("local-key", "nope", sid));
        else if (authKind == "other-socket"_L1)
            d.insert("auth"_L1, sign("local-key", "local-secret", "1.2"));
        else if (authKind == "other-key"_L1)
            d.insert("auth"_L1, sign("other-key", "local-secret", sid));
        else if (authKind == "no-colon"_L1)
            d.insert("auth"_L1, u"abcdef"_s);
        else if (authKind == "private-style"_L1)
            d.insert("auth"_L1, sign("local-key", "local-secret", sid));
        a.sendJson(frame(u"realtime:subscribe"_s, d));
        const auto error = a.waitFor(u"realtime:subscription_error"_s, channel);
        QVERIFY(error);
        const QJsonObject data = WsTestClient::data(*error);
        QCOMPARE(data.value("type"_L1).toString(), type);
        QCOMPARE(data.value("status"_L1).toInt(), status);
        const QString message = data.value("error"_L1).toString();
        QVERIFY2(message.contains(errorPart.contains(u"%1"_s) ? errorPart.arg(a.socketId()) : errorPart), qPrintable(message));
        QVERIFY(!message.contains(u"local-secret"_s));
        QVERIFY(a.framesNamed(u"realtime:subscription_succeeded"_s).isEmpty());
        // The connection stays usable.
        QVERIFY(a.subscribe(u"chat"_s));
    }

    void subscribe_dataAsJsonString_isAccepted()
    {
        WsTestClient a;
        QVERIFY(a.open(m_url));
        a.sendJson({{"event"_L1, u"realtime:subscribe"_s}, {"data"_L1, uR"({"channel":"chat"})"_s}});
        QVERIFY(a.waitFor(u"realtime:subscription_succeeded"_s, u"chat"_s));
    }

    void ping_isAnsweredWithPong()
    {
        WsTestClient a;
        QVERIFY(a.open(m_url));
        a.sendJson(frame(u"realtime:ping"_s, {}));
        const auto pong = a.waitFor(u"realtime:pong"_s);
        QVERIFY(pong);
        QCOMPARE(pong->value("data"_L1).toString(), u"{}"_s);
    }

    void restEvent_reachesEverySubscriber_dataIsTheString()
    {
        WsTestClient a, b, other;
        for (WsTestClient *c : {&a, &b, &other})
            QVERIFY(c->open(m_url));
        QVERIFY(a.subscribe(u"chat"_s));
        QVERIFY(b.subscribe(u"chat"_s));
        QVERIFY(other.subscribe(u"elsewhere"_s));
        // Quotes and non-ASCII survive the double encoding (moc chokes on \" in raw strings).
        const QByteArray data = "{\"text\":\"hi \\\"there\\\" \xc3\xa9\"}"_ba;
        QCOMPARE(trigger(m_server->port(), {}, "greeting", "chat", data).status, 200);
        for (WsTestClient *c : {&a, &b}) {
            const auto f = c->waitFor(u"greeting"_s, u"chat"_s);
            QVERIFY(f);
            QCOMPARE(f->value("data"_L1).toString(), QString::fromUtf8(data));
        }
        QVERIFY(other.staysQuiet(u"greeting"_s, 100));
    }

    void restEvent_escapedLiterals_reachSubscribersIntact()
    {
        WsTestClient a;
        QVERIFY(a.open(m_url));
        QVERIFY(a.subscribe(u"chat"_s));
        // Escapes in the channel name and in data, a surrogate pair, a slash escape.
        const QByteArray body = "{\"name\":\"e\",\"channel\":\"ch\\u0061t\",\"data\":\"caf\\u00e9 \\ud83d\\ude00 a\\/b \\\"q\\\"\"}"_ba;
        QCOMPARE(exchange(m_server->port(), signedRequest({}, "POST", "/apps/local/events", body, nowSeconds())).status, 200);
        const auto f = a.waitFor(u"e"_s, u"chat"_s);
        QVERIFY(f);
        QCOMPARE(f->value("data"_L1).toString(), u"caf\u00e9 \U0001F600 a/b \"q\""_s);
    }

    void restEvent_toSeveralChannels_reachesEach()
    {
        WsTestClient a, b;
        QVERIFY(a.open(m_url));
        QVERIFY(b.open(m_url));
        QVERIFY(a.subscribe(u"one"_s));
        QVERIFY(b.subscribe(u"private-two"_s));
        const QByteArray body = R"({"name":"multi","data":"x","channels":["one","private-two","nobody-here"]})";
        const QByteArray request = signedRequest({}, "POST", "/apps/local/events", body, nowSeconds());
        QCOMPARE(exchange(m_server->port(), request).status, 200);
        QVERIFY(a.waitFor(u"multi"_s, u"one"_s));
        QVERIFY(b.waitFor(u"multi"_s, u"private-two"_s));
    }

    void restEvent_socketIdIsExcluded()
    {
        WsTestClient sender, receiver;
        QVERIFY(sender.open(m_url));
        QVERIFY(receiver.open(m_url));
        QVERIFY(sender.subscribe(u"chat"_s));
        QVERIFY(receiver.subscribe(u"chat"_s));
        QCOMPARE(trigger(m_server->port(), {}, "note", "chat", "1", sender.socketId().toUtf8()).status, 200);
        QVERIFY(receiver.waitFor(u"note"_s, u"chat"_s));
        QVERIFY(sender.staysQuiet(u"note"_s, 200));
    }

    void restEvents_arriveInAcceptanceOrder()
    {
        WsTestClient a;
        QVERIFY(a.open(m_url));
        QVERIFY(a.subscribe(u"ordered"_s));
        // 200 events over one kept-alive connection, all written at once.
        RawHttpClient client;
        QVERIFY(client.connectTo(m_server->port()));
        QByteArray all;
        for (int i = 0; i < 200; ++i)
            all += signedRequest({}, "POST", "/apps/local/events", triggerBody("seq", "ordered", QByteArray::number(i)),
                                 nowSeconds());
        client.send(all);
        for (int i = 0; i < 200; ++i)
            QCOMPARE(client.readResponse().status, 200);
        QTRY_COMPARE(a.framesNamed(u"seq"_s).size(), 200);
        const QList<QJsonObject> got = a.framesNamed(u"seq"_s);
        for (int i = 0; i < 200; ++i)
            QCOMPARE(got[i].value("data"_L1).toString(), QString::number(i));
    }

    void unsubscribe_stopsDelivery()
    {
        WsTestClient a;
        QVERIFY(a.open(m_url));
        QVERIFY(a.subscribe(u"chat"_s));
        a.sendJson(frame(u"realtime:unsubscribe"_s, {{"channel"_L1, u"chat"_s}}));
        // The unsubscribe is processed before the next frame from the same client.
        a.sendJson(frame(u"realtime:ping"_s, {}));
        QVERIFY(a.waitFor(u"realtime:pong"_s));
        QCOMPARE(trigger(m_server->port(), {}, "after", "chat", "x").status, 200);
        QVERIFY(a.staysQuiet(u"after"_s, 200));
    }

    void clientEvent_onPrivate_goesToOthersNotSender()
    {
        WsTestClient a, b;
        QVERIFY(a.open(m_url));
        QVERIFY(b.open(m_url));
        QVERIFY(a.subscribe(u"private-room"_s));
        QVERIFY(b.subscribe(u"private-room"_s));
        a.sendJson({{"event"_L1, u"client-typing"_s}, {"channel"_L1, u"private-room"_s}, {"data"_L1, uR"({"on":true})"_s}});
        const auto got = b.waitFor(u"client-typing"_s, u"private-room"_s);
        QVERIFY(got);
        QCOMPARE(got->value("data"_L1).toString(), uR"({"on":true})"_s);
        QVERIFY(a.staysQuiet(u"client-typing"_s, 200));
    }

    void clientEvent_refused_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::addColumn<bool>("subscribe");
        QTest::addColumn<QString>("messagePart");
        QTest::addRow("public channel") << u"chat"_s << true << u"only allowed on private and presence"_s;
        QTest::addRow("not subscribed") << u"private-room"_s << false << u"subscribe to \"private-room\" before"_s;
        QTest::addRow("no channel") << QString() << false << u"has no channel"_s;
    }
    void clientEvent_refused()
    {
        QFETCH(QString, channel);
        QFETCH(bool, subscribe);
        QFETCH(QString, messagePart);
        WsTestClient a, b;
        QVERIFY(a.open(m_url));
        QVERIFY(b.open(m_url));
        if (subscribe) {
            QVERIFY(a.subscribe(channel));
            QVERIFY(b.subscribe(channel));
        }
        a.sendJson({{"event"_L1, u"client-x"_s}, {"channel"_L1, channel}, {"data"_L1, u"{}"_s}});
        const auto error = a.waitFor(u"realtime:error"_s);
        QVERIFY(error);
        QCOMPARE(WsTestClient::data(*error).value("code"_L1).toInt(), 4301);
        QVERIFY(WsTestClient::data(*error).value("message"_L1).toString().contains(messagePart));
        QVERIFY(b.staysQuiet(u"client-x"_s, 100));
        QVERIFY(!a.isClosed());
    }

    void malformedFrames_getErrorAndConnectionStays_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("code");
        QTest::addRow("not json") << u"hello there"_s << 4300;
        QTest::addRow("json array") << u"[1,2,3]"_s << 4300;
        QTest::addRow("no event") << uR"({"data":"{}"})"_s << 4300;
        QTest::addRow("subscribe without channel") << uR"({"event":"realtime:subscribe","data":{}})"_s << 4300;
        QTest::addRow("unknown event") << uR"({"event":"shout","data":"{}"})"_s << 4302;
    }
    void malformedFrames_getErrorAndConnectionStays()
    {
        QFETCH(QString, text);
        QFETCH(int, code);
        WsTestClient a;
        QVERIFY(a.open(m_url));
        a.sendText(text);
        const auto error = a.waitFor(u"realtime:error"_s);
        QVERIFY(error);
        QCOMPARE(WsTestClient::data(*error).value("code"_L1).toInt(), code);
        QVERIFY(a.subscribe(u"chat"_s));
        QVERIFY(!a.isClosed());
    }

    void binaryFrame_getsError()
    {
        WsTestClient a;
        QVERIFY(a.open(m_url));
        a.socket().sendBinaryMessage("\x01\x02"_ba);
        const auto error = a.waitFor(u"realtime:error"_s);
        QVERIFY(error);
        QCOMPARE(WsTestClient::data(*error).value("code"_L1).toInt(), 4300);
    }

    void idleClient_getsPing_andIsClosedWithoutAnswer()
    {
        useShortTimeouts();
        WsTestClient silent;
        QVERIFY(silent.open(m_url));
        QCOMPARE(WsTestClient::data(silent.frames().first()).value("activity_timeout"_L1).toInt(), 1);
        QVERIFY(silent.waitFor(u"realtime:ping"_s, {}, 3000));
        QTRY_VERIFY_WITH_TIMEOUT(silent.isClosed(), 4000);
        QCOMPARE(silent.closeCode(), 4201);
        QTRY_COMPARE(m_server->connectionCount(), 0);
    }

    void idleClient_answeringPing_staysOpen()
    {
        useShortTimeouts();
        WsTestClient polite;
        QVERIFY(polite.open(m_url));
        connect(&polite.socket(), &QWebSocket::textMessageReceived, this, [&polite](const QString &text) {
            if (text.contains(u"realtime:ping"_s))
                polite.sendJson(frame(u"realtime:pong"_s, {}));
        });
        QTest::qWait(3500);
        QVERIFY(polite.framesNamed(u"realtime:ping"_s).size() >= 1);
        QVERIFY(!polite.isClosed());
    }

    void closingClient_leavesItsChannels()
    {
        auto a = std::make_unique<WsTestClient>();
        QVERIFY(a->open(m_url));
        QVERIFY(a->subscribe(u"chat"_s));
        QCOMPARE(m_server->connectionCount(), 1);
        a->socket().close();
        QTRY_COMPARE(m_server->connectionCount(), 0);
        const RawResponse r = exchange(m_server->port(), signedRequest({}, "GET", "/apps/local/channels/chat", {}, nowSeconds()));
        QCOMPARE(r.status, 404);
    }

    void frameLogged_reportsInAndOut()
    {
        QSignalSpy spy(m_server.get(), &SandboxServer::frameLogged);
        WsTestClient a;
        QVERIFY(a.open(m_url));
        QVERIFY(a.subscribe(u"chat"_s));
        QTRY_VERIFY(spy.size() >= 3);
        QCOMPARE(spy[0][0].toString(), u"out"_s);
        QCOMPARE(spy[0][1].toString(), u"realtime:connection_established"_s);
        QCOMPARE(spy[1][0].toString(), u"in"_s);
        QCOMPARE(spy[1][1].toString(), u"realtime:subscribe"_s);
        QCOMPARE(spy[1][2].toString(), u"chat"_s);
        QCOMPARE(spy[2][1].toString(), u"realtime:subscription_succeeded"_s);
    }

    void stop_closesWebSockets()
    {
        WsTestClient a;
        QVERIFY(a.open(m_url));
        QVERIFY(a.subscribe(u"chat"_s));
        m_server->stop();
        QTRY_VERIFY(a.isClosed());
        QCOMPARE(m_server->connectionCount(), 0);
    }

private:
    void useShortTimeouts()
    {
        SandboxConfig config;
        config.activityTimeoutSeconds = 1;
        config.pongTimeoutSeconds = 1;
        m_server = startSandbox(config);
        QVERIFY(m_server);
        m_url = m_server->websocketUrl(u"local-key"_s);
    }

    std::unique_ptr<SandboxServer> m_server;
    QString m_url;
};

QTEST_GUILESS_MAIN(TestSandboxWebSocket)
#include "tst_sandbox_websocket.moc"
