// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// Presence channels of SandboxServer: members, joins and leaves, one user on several connections.
#include "sandboxtesting.h"

#include <apinator/channelauth.h>
#include <apinator/sandboxserver.h>

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Apinator;
using namespace SandboxTesting;

namespace {
const QString Lobby = u"presence-lobby"_s;
const QByteArray Alice = R"({"user_id":"alice","user_info":{"name":"Alice"}})";
const QByteArray Bob = R"({"user_id":"bob","user_info":{"name":"Bob"}})";
const QByteArray AliceAgain = R"({"user_id":"alice","user_info":{"name":"Alice on her phone"}})";

QJsonObject presenceOf(const QJsonObject &succeeded)
{
    return WsTestClient::data(succeeded).value("presence"_L1).toObject();
}
} // namespace

class TestSandboxPresence final : public QObject
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

    void firstMember_seesOnlyHerself()
    {
        WsTestClient a;
        QVERIFY(a.open(m_url));
        const auto ok = a.subscribe(Lobby, {}, Alice);
        QVERIFY(ok);
        QCOMPARE(ok->value("event"_L1).toString(), u"realtime:subscription_succeeded"_s);
        const QJsonObject presence = presenceOf(*ok);
        QCOMPARE(presence.value("count"_L1).toInt(), 1);
        QCOMPARE(presence.value("ids"_L1).toArray(), QJsonArray{u"alice"_s});
        QCOMPARE(presence.value("hash"_L1).toObject().value("alice"_L1).toObject().value("name"_L1).toString(),
                 u"Alice"_s);
    }

    void secondMember_joins_othersGetMemberAdded()
    {
        WsTestClient a, b;
        QVERIFY(a.open(m_url));
        QVERIFY(b.open(m_url));
        QVERIFY(a.subscribe(Lobby, {}, Alice));
        const auto ok = b.subscribe(Lobby, {}, Bob);
        QVERIFY(ok);
        const QJsonObject presence = presenceOf(*ok);
        QCOMPARE(presence.value("count"_L1).toInt(), 2);
        QCOMPARE(presence.value("ids"_L1).toArray(), (QJsonArray{u"alice"_s, u"bob"_s}));
        QCOMPARE(presence.value("hash"_L1).toObject().size(), 2);

        const auto added = a.waitFor(u"realtime:member_added"_s, Lobby);
        QVERIFY(added);
        const QJsonObject data = WsTestClient::data(*added);
        QCOMPARE(data.value("user_id"_L1).toString(), u"bob"_s);
        QCOMPARE(data.value("user_info"_L1).toObject().value("name"_L1).toString(), u"Bob"_s);
        // Nobody is told about their own arrival.
        QVERIFY(b.staysQuiet(u"realtime:member_added"_s, 100));
    }

    void sameUserTwice_countsOnce_andLeavesWithLastConnection()
    {
        WsTestClient bob, alicePc;
        auto alicePhone = std::make_unique<WsTestClient>();
        QVERIFY(bob.open(m_url));
        QVERIFY(alicePc.open(m_url));
        QVERIFY(alicePhone->open(m_url));
        QVERIFY(bob.subscribe(Lobby, {}, Bob));
        QVERIFY(alicePc.subscribe(Lobby, {}, Alice));
        QVERIFY(bob.waitFor(u"realtime:member_added"_s, Lobby));

        const auto second = alicePhone->subscribe(Lobby, {}, AliceAgain);
        QVERIFY(second);
        const QJsonObject presence = presenceOf(*second);
        QCOMPARE(presence.value("count"_L1).toInt(), 2);
        QCOMPARE(presence.value("ids"_L1).toArray(), (QJsonArray{u"bob"_s, u"alice"_s}));
        // The first connection's user_info stands.
        QCOMPARE(presence.value("hash"_L1).toObject().value("alice"_L1).toObject().value("name"_L1).toString(),
                 u"Alice"_s);
        QVERIFY(bob.staysQuiet(u"realtime:member_added"_s, 150));

        const RawResponse info =
            exchange(m_server->port(), signedRequest({}, "GET", "/apps/local/channels/presence-lobby", {}, nowSeconds()));
        QCOMPARE(info.json().value("subscription_count"_L1).toInt(), 3);
        QCOMPARE(info.json().value("user_count"_L1).toInt(), 2);

        // Alice closes her phone: she is still there on her PC.
        alicePhone.reset();
        QTRY_COMPARE(m_server->connectionCount(), 3 - 1);
        QVERIFY(bob.staysQuiet(u"realtime:member_removed"_s, 150));

        // Her last connection leaves: now she is gone.
        alicePc.sendJson({{"event"_L1, u"realtime:unsubscribe"_s}, {"data"_L1, QJsonObject{{"channel"_L1, Lobby}}}});
        const auto removed = bob.waitFor(u"realtime:member_removed"_s, Lobby);
        QVERIFY(removed);
        QCOMPARE(WsTestClient::data(*removed).value("user_id"_L1).toString(), u"alice"_s);
        QCOMPARE(WsTestClient::data(*removed).size(), 1);
    }

    void memberDisconnecting_othersGetMemberRemoved()
    {
        WsTestClient a;
        auto b = std::make_unique<WsTestClient>();
        QVERIFY(a.open(m_url));
        QVERIFY(b->open(m_url));
        QVERIFY(a.subscribe(Lobby, {}, Alice));
        QVERIFY(b->subscribe(Lobby, {}, Bob));
        b->socket().close();
        const auto removed = a.waitFor(u"realtime:member_removed"_s, Lobby);
        QVERIFY(removed);
        QCOMPARE(WsTestClient::data(*removed).value("user_id"_L1).toString(), u"bob"_s);
    }

    void userInfoMissing_isAnEmptyObject()
    {
        WsTestClient a;
        QVERIFY(a.open(m_url));
        const auto ok = a.subscribe(Lobby, {}, R"({"user_id":"quiet"})");
        QVERIFY(ok);
        QCOMPARE(ok->value("event"_L1).toString(), u"realtime:subscription_succeeded"_s);
        QVERIFY(presenceOf(*ok).value("hash"_L1).toObject().value("quiet"_L1).isObject());
    }

    void invalidChannelData_isRefused_data()
    {
        QTest::addColumn<QByteArray>("channelData");
        QTest::addColumn<QString>("errorPart");
        QTest::addRow("user_id number") << R"({"user_id":42})"_ba << u"user_id must be a string"_s;
        QTest::addRow("user_id empty") << R"({"user_id":""})"_ba << u"empty string"_s;
        QTest::addRow("no user_id") << R"({"user_info":{}})"_ba << u"has no user_id"_s;
        QTest::addRow("user_info string") << R"({"user_id":"a","user_info":"Alice"})"_ba << u"user_info must be a JSON object"_s;
        QTest::addRow("not json") << "alice"_ba << u"not valid JSON"_s;
    }
    void invalidChannelData_isRefused()
    {
        QFETCH(QByteArray, channelData);
        QFETCH(QString, errorPart);
        WsTestClient a, watcher;
        QVERIFY(a.open(m_url));
        QVERIFY(watcher.open(m_url));
        QVERIFY(watcher.subscribe(Lobby, {}, Bob));
        // Correctly signed, so what is refused is the content.
        const auto result = a.subscribe(Lobby, {}, channelData);
        QVERIFY(result);
        QCOMPARE(result->value("event"_L1).toString(), u"realtime:subscription_error"_s);
        const QJsonObject data = WsTestClient::data(*result);
        QCOMPARE(data.value("type"_L1).toString(), u"AuthError"_s);
        QCOMPARE(data.value("status"_L1).toInt(), 403);
        QVERIFY2(data.value("error"_L1).toString().contains(errorPart), qPrintable(data.value("error"_L1).toString()));
        QVERIFY(watcher.staysQuiet(u"realtime:member_added"_s, 100));
    }

    void channelDataReserialized_breaksSignature()
    {
        WsTestClient a;
        QVERIFY(a.open(m_url));
        const ChannelAuthSigner signer("local-key", "local-secret");
        const ChannelAuthToken token = signer.sign(a.socketId().toUtf8(), Lobby.toUtf8(), Alice);
        // Same JSON, other bytes: a space after the colon.
        const QByteArray respaced = QByteArray(Alice).replace(R"("user_id":)", R"("user_id": )");
        a.sendJson({{"event"_L1, u"realtime:subscribe"_s},
                    {"data"_L1, QJsonObject{{"channel"_L1, Lobby},
                                            {"auth"_L1, QString::fromUtf8(token.auth)},
                                            {"channel_data"_L1, QString::fromUtf8(respaced)}}}});
        const auto error = a.waitFor(u"realtime:subscription_error"_s, Lobby);
        QVERIFY(error);
        QVERIFY(WsTestClient::data(*error).value("error"_L1).toString().contains(u"invalid signature"_s));
    }

    void clientEvent_onPresence_carriesUserId()
    {
        WsTestClient a, b;
        QVERIFY(a.open(m_url));
        QVERIFY(b.open(m_url));
        QVERIFY(a.subscribe(Lobby, {}, Alice));
        QVERIFY(b.subscribe(Lobby, {}, Bob));
        a.sendJson({{"event"_L1, u"client-wave"_s}, {"channel"_L1, Lobby}, {"data"_L1, u"{}"_s}});
        const auto wave = b.waitFor(u"client-wave"_s, Lobby);
        QVERIFY(wave);
        QCOMPARE(wave->value("user_id"_L1).toString(), u"alice"_s);
    }

private:
    std::unique_ptr<SandboxServer> m_server;
    QString m_url;
};

QTEST_GUILESS_MAIN(TestSandboxPresence)
#include "tst_sandbox_presence.moc"
