// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// SandboxServer's REST API over raw sockets, signed with RequestSigner, and through RestClient.
#include "sandboxtesting.h"

#include <apinator/crypto.h>
#include <apinator/httpclient.h>
#include <apinator/restclient.h>
#include <apinator/sandboxserver.h>

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Apinator;
using namespace SandboxTesting;

namespace {
constexpr qint64 FixedNow = 1700000000;
const QByteArray EventsPath = "/apps/local/events"_ba;

SandboxConfig fixedClockConfig()
{
    SandboxConfig config;
    config.clock = [] { return FixedNow; };
    return config;
}
} // namespace

class TestSandboxRest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_server = startSandbox(fixedClockConfig());
        QVERIFY(m_server);
    }
    void cleanup() { m_server.reset(); }

    void trigger_signedRequest_answers200WithEmptyObject()
    {
        const QByteArray body = triggerBody("my-event", "chat", R"({"text":"hi"})");
        const RawResponse r = exchange(m_server->port(), signedRequest({}, "POST", EventsPath, body, FixedNow));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, "{}"_ba);
        QCOMPARE(r.header("Content-Type"), "application/json"_ba);
        QVERIFY(r.header("Date").endsWith(" GMT"));
    }

    void trigger_timestampInsideWindow_isAccepted_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::addRow("300 s behind") << qint64(-300);
        QTest::addRow("300 s ahead") << qint64(300);
        QTest::addRow("exact") << qint64(0);
    }
    void trigger_timestampInsideWindow_isAccepted()
    {
        QFETCH(qint64, offset);
        const QByteArray body = triggerBody("e", "chat", "x");
        QCOMPARE(exchange(m_server->port(), signedRequest({}, "POST", EventsPath, body, FixedNow + offset)).status, 200);
    }

    void errors_answerProblemDocuments_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("detailPart");

        const SandboxApp app;
        const QByteArray ok = triggerBody("e", "chat", "x");
        const auto sign = [&](QByteArrayView body, const HeaderList &extra = {}, const QList<QByteArray> &drop = {},
                              qint64 ts = FixedNow) { return signedRequest(app, "POST", EventsPath, body, ts, extra, drop); };
        SandboxApp wrongSecret;
        wrongSecret.secret = "not-the-secret"_ba;

        QTest::addRow("unknown app id") << signedRequest(app, "POST", "/apps/nope/events", ok, FixedNow) << 404
                                        << u"app_not_found"_s << QString() << u"no app with id \"nope\""_s;
        QTest::addRow("unknown endpoint") << signedRequest(app, "POST", "/apps/local/evnts", ok, FixedNow) << 404
                                          << u"not_found"_s << QString() << u"POST /apps/local/evnts"_s;
        QTest::addRow("wrong method") << signedRequest(app, "GET", EventsPath, {}, FixedNow) << 405
                                      << u"method_not_allowed"_s << QString() << u"use POST"_s;
        QTest::addRow("missing key") << sign(ok, {}, {"X-Realtime-Key"_ba}) << 401 << u"unauthorized"_s
                                     << u"missing_header"_s << u"missing X-Realtime-Key"_s;
        SandboxApp otherKey;
        otherKey.key = u"other-key"_s;
        QTest::addRow("unknown key") << signedRequest(otherKey, "POST", EventsPath, ok, FixedNow) << 401
                                     << u"unauthorized"_s << u"unknown_key"_s
                                     << u"X-Realtime-Key \"other-key\" is not the key of app \"local\""_s;
        QTest::addRow("missing timestamp") << sign(ok, {}, {"X-Realtime-Timestamp"_ba}) << 401 << u"unauthorized"_s
                                           << u"missing_header"_s << u"missing X-Realtime-Timestamp"_s;
        QTest::addRow("non-numeric timestamp")
            << sign(ok, {{"X-Realtime-Timestamp"_ba, "yesterday"_ba}}, {"X-Realtime-Timestamp"_ba}) << 401
            << u"unauthorized"_s << u"invalid_timestamp"_s << u"\"yesterday\" is not a unix time"_s;
        QTest::addRow("stale timestamp") << sign(ok, {}, {}, FixedNow - 400) << 401 << u"unauthorized"_s
                                         << u"stale_timestamp"_s
                                         << u"is 400 s behind the server clock (server time 1700000000)"_s;
        QTest::addRow("future timestamp") << sign(ok, {}, {}, FixedNow + 301) << 401 << u"unauthorized"_s
                                          << u"stale_timestamp"_s << u"is 301 s ahead of the server clock"_s;
        QTest::addRow("milliseconds timestamp") << sign(ok, {}, {}, FixedNow * 1000) << 401 << u"unauthorized"_s
                                                << u"stale_timestamp"_s << u"looks like milliseconds"_s;
        QTest::addRow("missing signature") << sign(ok, {}, {"X-Realtime-Signature"_ba}) << 401 << u"unauthorized"_s
                                           << u"missing_header"_s << u"missing X-Realtime-Signature"_s;
        QTest::addRow("short signature")
            << sign(ok, {{"X-Realtime-Signature"_ba, "abc123"_ba}}, {"X-Realtime-Signature"_ba}) << 401
            << u"unauthorized"_s << u"invalid_signature"_s << u"got 6 characters"_s;
        const QByteArray upper = RequestSigner(app.key.toUtf8(), app.secret).sign("POST", EventsPath, ok, FixedNow)
                                     .signature.toUpper();
        QTest::addRow("uppercase signature")
            << sign(ok, {{"X-Realtime-Signature"_ba, upper}}, {"X-Realtime-Signature"_ba}) << 401 << u"unauthorized"_s
            << u"invalid_signature"_s << u"must be lowercase hex"_s;
        QTest::addRow("wrong secret") << signedRequest(wrongSecret, "POST", EventsPath, ok, FixedNow) << 401
                                      << u"unauthorized"_s << u"signature_mismatch"_s << u"signature mismatch"_s;
        {
            // Signing the query too is a classic mistake: the server signs the path alone.
            const QByteArray target = "/apps/local/channels?filter_by_prefix=x"_ba;
            const QByteArray withQuery = RequestSigner::stringToSign(QByteArray::number(FixedNow), "GET", target, {});
            const QByteArray good = RequestSigner(app.key.toUtf8(), app.secret).sign("GET", target, {}, FixedNow).signature;
            QTest::addRow("query signed too")
                << signedRequest(app, "GET", target, {}, FixedNow).replace(good, Crypto::hmacSha256Hex(app.secret, withQuery))
                << 401 << u"unauthorized"_s << u"signature_mismatch"_s << u"\\n/apps/local/channels\\n"_s;
        }

        QTest::addRow("empty body") << sign("") << 400 << u"invalid_json"_s << QString() << u"the body is empty"_s;
        QTest::addRow("not json") << sign("name=e&channel=chat") << 400 << u"invalid_json"_s << QString()
                                  << u"the body is not valid JSON"_s;
        QTest::addRow("json array") << sign("[1,2]") << 400 << u"invalid_json"_s << QString()
                                    << u"must be a JSON object"_s;
        QTest::addRow("trailing text") << sign("{\"name\":\"e\",\"data\":\"x\",\"channel\":\"c\"} x") << 400
                                       << u"invalid_json"_s << QString() << u"unexpected 'x' after the JSON value at offset 38"_s;
        QTest::addRow("invalid escape") << sign("{\"name\":\"e\",\"data\":\"\\q\",\"channel\":\"c\"}") << 400
                                        << u"invalid_json"_s << QString() << u"invalid escape \\q"_s;
        QTest::addRow("raw newline in string") << sign("{\"name\":\"e\",\"data\":\"a\nb\",\"channel\":\"c\"}")
                                               << 400 << u"invalid_json"_s << QString() << u"must be escaped"_s;
        QTest::addRow("leading zero number") << sign("{\"name\":\"e\",\"data\":\"x\",\"channel\":\"c\",\"n\":01}")
                                             << 400 << u"invalid_json"_s << QString() << u"expected ',' or '}'"_s;
        QTest::addRow("deep nesting") << sign(QByteArray(QByteArray(300, '[') + QByteArray(300, ']'))) << 400 << u"invalid_json"_s
                                      << QString() << u"nested deeper than 128 levels"_s;
        QTest::addRow("unclosed string") << sign("{\"name\":\"e") << 400 << u"invalid_json"_s << QString()
                                         << u"a string is not closed at offset 8"_s;
        QTest::addRow("missing name") << sign(R"({"data":"x","channel":"chat"})") << 400 << u"missing_field"_s
                                      << QString() << u"\"name\" is required"_s;
        QTest::addRow("name not string") << sign(R"({"name":5,"data":"x","channel":"chat"})") << 400
                                         << u"invalid_field"_s << QString() << u"\"name\" must be a string, not a number"_s;
        QTest::addRow("empty name") << sign(R"({"name":"","data":"x","channel":"chat"})") << 400 << u"invalid_field"_s
                                    << QString() << u"event name is empty"_s;
        QTest::addRow("missing data") << sign(R"({"name":"e","channel":"chat"})") << 400 << u"missing_field"_s
                                      << QString() << u"\"data\" is required"_s;
        QTest::addRow("data object") << sign(R"({"name":"e","data":{"a":1},"channel":"chat"})") << 400
                                     << u"invalid_field"_s << QString() << u"\"data\" must be a string, not an object"_s;
        QTest::addRow("channel and channels") << sign(R"({"name":"e","data":"x","channel":"a","channels":["b"]})")
                                              << 400 << u"invalid_field"_s << QString() << u"not both"_s;
        QTest::addRow("no channel") << sign(R"({"name":"e","data":"x"})") << 400 << u"missing_field"_s << QString()
                                    << u"\"channel\" (one name) or \"channels\""_s;
        QTest::addRow("channel with space") << sign(R"({"name":"e","data":"x","channel":"my chat"})") << 400
                                            << u"invalid_channel_name"_s << QString() << u"\"channel\": channel name contains a space"_s;
        QTest::addRow("channel too long") << sign(triggerBody("e", QByteArray(201, 'c'), "x")) << 400
                                          << u"invalid_channel_name"_s << QString() << u"201 characters"_s;
        QTest::addRow("channels not array") << sign(R"({"name":"e","data":"x","channels":"a"})") << 400
                                            << u"invalid_field"_s << QString() << u"\"channels\" must be an array"_s;
        QTest::addRow("channels empty") << sign(R"({"name":"e","data":"x","channels":[]})") << 400
                                        << u"invalid_field"_s << QString() << u"\"channels\" is empty"_s;
        QTest::addRow("channels bad entry") << sign(R"({"name":"e","data":"x","channels":["ok","no/slash"]})") << 400
                                            << u"invalid_channel_name"_s << QString() << u"\"channels\"[1]"_s;
        QTest::addRow("bad socket id") << sign(triggerBody("e", "chat", "x", "12345")) << 400 << u"invalid_field"_s
                                       << QString() << u"\"socket_id\": socket id \"12345\""_s;
        QTest::addRow("unoccupied channel")
            << signedRequest(app, "GET", "/apps/local/channels/empty-room", {}, FixedNow) << 404
            << u"channel_not_found"_s << QString() << u"\"empty-room\" is not occupied"_s;
        QTest::addRow("invalid channel in path") << signedRequest(app, "GET", "/apps/local/channels/a%20b", {}, FixedNow)
                                                 << 400 << u"invalid_channel_name"_s << QString() << u"a space"_s;
    }
    void errors_answerProblemDocuments()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, reason);
        QFETCH(QString, detailPart);

        const RawResponse r = exchange(m_server->port(), request);
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("Content-Type"), "application/problem+json"_ba);
        const QJsonObject problem = r.json();
        QCOMPARE(problem.value("status"_L1).toInt(), status);
        QCOMPARE(problem.value("code"_L1).toString(), code);
        QCOMPARE(problem.value("type"_L1).toString(), u"https://docs.apinator.io/problems/"_s + QString(code).replace(u'_', u'-'));
        QVERIFY(!problem.value("title"_L1).toString().isEmpty());
        const QString detail = problem.value("detail"_L1).toString();
        QVERIFY2(detail.contains(detailPart), qPrintable(detail));
        if (!reason.isEmpty())
            QCOMPARE(problem.value("reason"_L1).toString(), reason);
        // Never the secret, whatever went wrong.
        QVERIFY(!r.body.contains("local-secret"));
    }

    void signatureMismatch_detailShowsEscapedStringToSign_neverSecretOrExpected()
    {
        SandboxApp wrongSecret;
        wrongSecret.secret = "oops"_ba;
        const QByteArray body = triggerBody("e", "chat", "x");
        const RawResponse r = exchange(m_server->port(), signedRequest(wrongSecret, "POST", EventsPath, body, FixedNow));
        QCOMPARE(r.status, 401);
        const QByteArray md5 = Crypto::md5Hex(body);
        const QString detail = r.json().value("detail"_L1).toString();
        const QString escaped = u"\"1700000000\\nPOST\\n/apps/local/events\\n"_s + QString::fromLatin1(md5) + u"\""_s;
        QVERIFY2(detail.contains(escaped), qPrintable(detail));
        QCOMPARE(r.json().value("string_to_sign"_L1).toString(),
                 u"1700000000\nPOST\n/apps/local/events\n"_s + QString::fromLatin1(md5));
        const QByteArray expected = RequestSigner("local-key", "local-secret").sign("POST", EventsPath, body, FixedNow).signature;
        QVERIFY(!r.body.contains(expected));
        QVERIFY(!r.body.contains("local-secret"));
    }

    void staleTimestamp_problemCarriesServerTimeAndSkew()
    {
        const RawResponse r = exchange(
            m_server->port(), signedRequest({}, "POST", EventsPath, triggerBody("e", "c", "x"), FixedNow - 1000));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value("server_time"_L1).toInteger(), FixedNow);
        QCOMPARE(r.json().value("skew_seconds"_L1).toInteger(), -1000);
    }

    void emptyBody_signsEmptyStringNotMd5OfNothing()
    {
        // A GET signed with the MD5 of "" instead of "" must fail.
        const RequestSigner signer("local-key", "local-secret");
        const QByteArray wrong = signer.sign("GET", "/apps/local/channels", {}, FixedNow).stringToSign + "d41d8cd98f00b204e9800998ecf8427e";
        const QByteArray badSignature = Crypto::hmacSha256Hex("local-secret", wrong);
        QByteArray request = signedRequest({}, "GET", "/apps/local/channels", {}, FixedNow);
        const QByteArray good = signer.sign("GET", "/apps/local/channels", {}, FixedNow).signature;
        QCOMPARE(exchange(m_server->port(), request).status, 200);
        request.replace(good, badSignature);
        QCOMPARE(exchange(m_server->port(), request).status, 401);
    }

    void channels_listsOnlyOccupiedWithCounts()
    {
        WsTestClient a, b, c;
        for (WsTestClient *client : {&a, &b, &c})
            QVERIFY(client->open(m_server->websocketUrl(u"local-key"_s)));
        QVERIFY(a.subscribe(u"chat"_s));
        QVERIFY(b.subscribe(u"chat"_s));
        QVERIFY(c.subscribe(u"private-room"_s));
        QVERIFY(a.subscribe(u"presence-lobby"_s, {}, R"({"user_id":"u1"})"));
        QVERIFY(a.subscribe(u"left"_s));
        a.sendJson({{"event"_L1, u"realtime:unsubscribe"_s}, {"data"_L1, QJsonObject{{"channel"_L1, u"left"_s}}}});
        QTRY_COMPARE(channelNames().size(), 3);

        const RawResponse r = exchange(m_server->port(), signedRequest({}, "GET", "/apps/local/channels", {}, FixedNow));
        QCOMPARE(r.status, 200);
        const QJsonArray list = r.json().value("channels"_L1).toArray();
        QCOMPARE(list.size(), 3);
        QCOMPARE(list[0].toObject().value("name"_L1).toString(), u"chat"_s);
        QCOMPARE(list[0].toObject().value("subscription_count"_L1).toInt(), 2);
        QCOMPARE(list[1].toObject().value("name"_L1).toString(), u"presence-lobby"_s);
        QCOMPARE(list[2].toObject().value("name"_L1).toString(), u"private-room"_s);
        QCOMPARE(list[2].toObject().value("subscription_count"_L1).toInt(), 1);

        // The query is not signed: the path alone is.
        const RawResponse filtered = exchange(
            m_server->port(), signedRequest({}, "GET", "/apps/local/channels?filter_by_prefix=pr", {}, FixedNow));
        QCOMPARE(filtered.status, 200);
        const QJsonArray onlyPr = filtered.json().value("channels"_L1).toArray();
        QCOMPARE(onlyPr.size(), 2);
        QCOMPARE(onlyPr[0].toObject().value("name"_L1).toString(), u"presence-lobby"_s);
        QCOMPARE(onlyPr[1].toObject().value("name"_L1).toString(), u"private-room"_s);

        const RawResponse one =
            exchange(m_server->port(), signedRequest({}, "GET", "/apps/local/channels/presence-lobby", {}, FixedNow));
        QCOMPARE(one.status, 200);
        QCOMPARE(one.json().value("name"_L1).toString(), u"presence-lobby"_s);
        QCOMPARE(one.json().value("subscription_count"_L1).toInt(), 1);
        QCOMPARE(one.json().value("user_count"_L1).toInt(), 1);
        QCOMPARE(one.json().value("occupied"_L1).toBool(), true);
    }

    void channelInPath_isPercentDecoded()
    {
        WsTestClient a;
        QVERIFY(a.open(m_server->websocketUrl(u"local-key"_s)));
        QVERIFY(a.subscribe(u"news.today"_s));
        const RawResponse r =
            exchange(m_server->port(), signedRequest({}, "GET", "/apps/local/channels/news%2Etoday", {}, FixedNow));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("name"_L1).toString(), u"news.today"_s);
    }

    void keepAlive_andPipelining_answerInOrder()
    {
        RawHttpClient client;
        QVERIFY(client.connectTo(m_server->port()));
        client.send(signedRequest({}, "POST", EventsPath, triggerBody("e", "c", "1"), FixedNow)
                    + signedRequest({}, "POST", "/apps/local/nothing", {}, FixedNow)
                    + signedRequest({}, "GET", "/apps/local/channels", {}, FixedNow));
        QCOMPARE(client.readResponse().status, 200);
        QCOMPARE(client.readResponse().status, 404);
        const RawResponse third = client.readResponse();
        QVERIFY2(third.status == 200, third.body.constData());
        QVERIFY(third.body.startsWith(R"({"channels":)"));
        QVERIFY(client.isOpen());
    }

    void connectionClose_isHonoured()
    {
        RawHttpClient client;
        QVERIFY(client.connectTo(m_server->port()));
        client.send(signedRequest({}, "POST", EventsPath, triggerBody("e", "c", "1"), FixedNow,
                                  {{"Connection"_ba, "close"_ba}}));
        const RawResponse r = client.readResponse();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Connection"), "close"_ba);
        QVERIFY(client.waitForClosed());
    }

    void expectContinue_getsInterimAnswer()
    {
        RawHttpClient client;
        QVERIFY(client.connectTo(m_server->port()));
        const QByteArray body = triggerBody("e", "c", "x");
        const QByteArray request = signedRequest({}, "POST", EventsPath, body, FixedNow, {{"Expect"_ba, "100-continue"_ba}});
        client.send(request.first(request.size() - body.size()));
        QVERIFY(QTest::qWaitFor([&] { return client.socket().bytesAvailable() > 0; }, 5000));
        QVERIFY(client.socket().peek(64).startsWith("HTTP/1.1 100 Continue\r\n\r\n"));
        client.send(body);
        QCOMPARE(client.readResponse().status, 200);
    }

    void webSocketPath_withoutUpgrade_answers426()
    {
        const RawResponse r = exchange(m_server->port(), "GET /app/local-key HTTP/1.1\r\nHost: x\r\n\r\n"_ba);
        QCOMPARE(r.status, 426);
        QCOMPARE(r.json().value("code"_L1).toString(), u"upgrade_required"_s);
    }

    void requestServed_isSignalledPerRequest()
    {
        QSignalSpy spy(m_server.get(), &SandboxServer::requestServed);
        QCOMPARE(exchange(m_server->port(), signedRequest({}, "GET", "/apps/local/channels?x=1", {}, FixedNow)).status, 200);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy[0][0].toByteArray(), "GET"_ba);
        QCOMPARE(spy[0][1].toByteArray(), "/apps/local/channels?x=1"_ba);
        QCOMPARE(spy[0][2].toInt(), 200);
        QVERIFY(spy[0][3].toDouble() >= 0);
    }

    void severalApps_eachChecksItsOwnKeyAndSecret()
    {
        SandboxConfig config = fixedClockConfig();
        SandboxApp second;
        second.appId = u"second"_s;
        second.key = u"second-key"_s;
        second.secret = "second-secret"_ba;
        config.apps.append(second);
        auto server = startSandbox(config);
        QVERIFY(server);
        const QByteArray body = triggerBody("e", "c", "x");
        QCOMPARE(exchange(server->port(), signedRequest(second, "POST", "/apps/second/events", body, FixedNow)).status, 200);
        QCOMPARE(exchange(server->port(), signedRequest({}, "POST", "/apps/local/events", body, FixedNow)).status, 200);
        // The first app's credentials on the second app's path.
        const RawResponse r = exchange(server->port(), signedRequest({}, "POST", "/apps/second/events", body, FixedNow));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value("reason"_L1).toString(), u"unknown_key"_s);
    }

    void start_rejectsBadConfig_data()
    {
        QTest::addColumn<QString>("appId");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QString>("webhookUrl");
        QTest::addColumn<QString>("errorPart");
        QTest::addRow("empty app id") << QString() << u"k"_s << "s"_ba << QString() << u"app id"_s;
        QTest::addRow("slash in key") << u"a"_s << u"k/1"_s << "s"_ba << QString() << u"key \"k/1\""_s;
        QTest::addRow("empty secret") << u"a"_s << u"k"_s << QByteArray() << QString() << u"empty secret"_s;
        QTest::addRow("bad webhook url") << u"a"_s << u"k"_s << "s"_ba << u"ftp://x"_s << u"webhook URL"_s;
    }
    void start_rejectsBadConfig()
    {
        QFETCH(QString, appId);
        QFETCH(QString, key);
        QFETCH(QByteArray, secret);
        QFETCH(QString, webhookUrl);
        QFETCH(QString, errorPart);
        SandboxConfig config;
        config.port = 0;
        config.apps = {SandboxApp{appId, key, secret, "w"_ba, webhookUrl}};
        SandboxServer server(config);
        QString error;
        QVERIFY(!server.start(&error));
        QVERIFY2(error.contains(errorPart), qPrintable(error));
        QVERIFY(!server.isListening());
    }

    void start_portInUse_fails()
    {
        SandboxConfig config;
        config.port = m_server->port();
        SandboxServer second(config);
        QString error;
        QVERIFY(!second.start(&error));
        QVERIFY2(error.contains(QString::number(m_server->port())), qPrintable(error));
    }

    void stopAndStart_servesAgain()
    {
        m_server->stop();
        QVERIFY(!m_server->isListening());
        QCOMPARE(m_server->port(), quint16(0));
        QVERIFY(m_server->start());
        QCOMPARE(exchange(m_server->port(), signedRequest({}, "GET", "/apps/local/channels", {}, FixedNow)).status, 200);
        QCOMPARE(m_server->baseUrl(), u"http://127.0.0.1:%1"_s.arg(m_server->port()));
        QCOMPARE(m_server->websocketUrl(u"k"_s), u"ws://127.0.0.1:%1/app/k"_s.arg(m_server->port()));
    }

    void restClient_triggersAndReadsProblems()
    {
        HttpClient http;
        Credentials credentials;
        credentials.appId = u"local"_s;
        credentials.key = u"local-key"_s;
        credentials.secret = "local-secret"_ba;
        credentials.baseUrl = m_server->baseUrl();
        RestClient rest(&http, credentials);
        rest.setClock([] { return FixedNow; });

        WsTestClient subscriber;
        QVERIFY(subscriber.open(m_server->websocketUrl(u"local-key"_s)));
        QVERIFY(subscriber.subscribe(u"chat"_s));

        TriggerRequest request;
        request.event = u"greeting"_s;
        request.channels = {u"chat"_s};
        request.data = R"({"text":"hi"})";
        QString error;
        RestReply *reply = rest.trigger(request, &error);
        QVERIFY2(reply, qPrintable(error));
        QTRY_VERIFY(reply->isFinished());
        QVERIFY2(reply->result().ok(), qPrintable(reply->result().errorMessage));
        const auto frame = subscriber.waitFor(u"greeting"_s, u"chat"_s);
        QVERIFY(frame);
        QCOMPARE(frame->value("data"_L1).toString(), uR"({"text":"hi"})"_s);
        delete reply;

        credentials.secret = "wrong"_ba;
        RestClient wrong(&http, credentials);
        wrong.setClock([] { return FixedNow; });
        reply = wrong.trigger(request, &error);
        QVERIFY(reply);
        QTRY_VERIFY(reply->isFinished());
        QCOMPARE(reply->result().response.status, 401);
        QCOMPARE(reply->result().errorKind, ErrorKind::Authentication);
        QVERIFY2(reply->result().errorMessage.startsWith(u"signature mismatch"_s), qPrintable(reply->result().errorMessage));
        QVERIFY(reply->result().problem);
        QCOMPARE(reply->result().problem->code, u"unauthorized"_s);
        delete reply;
    }

private:
    QStringList channelNames()
    {
        const RawResponse r = exchange(m_server->port(), signedRequest({}, "GET", "/apps/local/channels", {}, FixedNow));
        QStringList names;
        for (const QJsonValue &v : r.json().value("channels"_L1).toArray())
            names.append(v.toObject().value("name"_L1).toString());
        return names;
    }

    std::unique_ptr<SandboxServer> m_server;
};

QTEST_GUILESS_MAIN(TestSandboxRest)
#include "tst_sandbox_rest.moc"
