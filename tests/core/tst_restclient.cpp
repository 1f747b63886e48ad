// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/restclient.h>

#include "rawhttpserver.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QLocale>
#include <QMessageAuthenticationCode>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

Q_DECLARE_METATYPE(Apinator::TriggerRequest)

using namespace Apinator;
using namespace Qt::StringLiterals;
using TestSupport::CapturedRequest;
using TestSupport::RawHttpServer;
using TestSupport::ScriptedResponse;

namespace {

constexpr qint64 FixedNow = 1700000000; // 2023-11-14 22:13:20 UTC
const QByteArray Secret = "test-secret-1"_ba;

// The signature recomputed from PROTOCOL.md with Qt's own hashes, independent of
// the project's crypto: HMAC-SHA256(secret, ts \n METHOD \n path \n md5hex(body)).
QByteArray expectedSignature(const CapturedRequest &got)
{
    QByteArray path = got.target;
    if (const qsizetype q = path.indexOf('?'); q >= 0)
        path.truncate(q);
    const QByteArray md5 =
        got.body.isEmpty() ? QByteArray() : QCryptographicHash::hash(got.body, QCryptographicHash::Md5).toHex();
    const QByteArray toSign = got.header("X-Realtime-Timestamp") + '\n' + got.method + '\n' + path + '\n' + md5;
    return QMessageAuthenticationCode::hash(toSign, Secret, QCryptographicHash::Sha256).toHex();
}

QList<QByteArray> headerNames(const CapturedRequest &got)
{
    QList<QByteArray> names;
    for (const auto &header : got.headers)
        names.append(header.first);
    return names;
}

QByteArray httpDate(qint64 unixSeconds)
{
    return QLocale::c()
        .toString(QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s)
        .toLatin1();
}

ScriptedResponse answer(int status, QByteArrayView reason, const HeaderList &headers = {}, QByteArrayView body = {})
{
    return {RawHttpServer::response(status, reason, headers, body), false, false};
}

} // namespace

class TestRestClient final : public QObject
{
    Q_OBJECT

    std::unique_ptr<RawHttpServer> server;
    std::unique_ptr<HttpClient> http;

    Credentials credentials() const
    {
        Credentials c;
        c.appId = u"123"_s;
        c.key = u"app_key_1"_s;
        c.secret = Secret;
        c.baseUrl = QString::fromLatin1(server->baseUrl());
        return c;
    }

    std::unique_ptr<RestClient> makeClient(Credentials c = {})
    {
        auto client = std::make_unique<RestClient>(http.get(), c.appId.isEmpty() ? credentials() : c);
        client->setClock([] { return FixedNow; });
        return client;
    }

    static bool waitFinished(RestReply *reply)
    {
        QSignalSpy finished(reply, &RestReply::finished);
        return reply->isFinished() || finished.wait(10000);
    }

    // The one request the listener got, with the signature checked against it.
    void checkSigned(const CapturedRequest &got)
    {
        QCOMPARE(got.header("X-Realtime-Key"), "app_key_1"_ba);
        QCOMPARE(got.header("X-Realtime-Timestamp"), QByteArray::number(FixedNow));
        QCOMPARE(got.header("X-Realtime-Signature"), expectedSignature(got));
        const RequestSigner signer("app_key_1", Secret);
        QCOMPARE(got.header("X-Realtime-Signature"), signer.sign(got.method, got.target, got.body, FixedNow).signature);
        QCOMPARE(got.header("Content-Type"), "application/json"_ba);
    }

private Q_SLOTS:
    void init()
    {
        server = std::make_unique<RawHttpServer>();
        QVERIFY(server->listen());
        server->setResponder([](const CapturedRequest &) { return answer(200, "OK", {}, "{}"); });
        http = std::make_unique<HttpClient>();
    }

    void cleanup()
    {
        http.reset();
        server.reset();
    }

    void trigger_oneChannel_sendsExactSignedBody()
    {
        auto client = makeClient();
        TriggerRequest t{u"greet"_s, {u"chat"_s}, R"({"text":"hi"})", {}};
        QString error;
        std::unique_ptr<RestReply> reply(client->trigger(t, &error));
        QVERIFY2(reply, qPrintable(error));
        QVERIFY(waitFinished(reply.get()));
        QCOMPARE(server->requests().size(), 1);
        const CapturedRequest &got = server->requests().first();
        QCOMPARE(got.method, "POST"_ba);
        QCOMPARE(got.target, "/apps/123/events"_ba);
        QCOMPARE(got.body, "{\"name\":\"greet\",\"data\":\"{\\\"text\\\":\\\"hi\\\"}\",\"channel\":\"chat\"}"_ba);
        const QList<QByteArray> names = {"Host", "X-Realtime-Key", "X-Realtime-Timestamp", "X-Realtime-Signature",
                                         "Content-Type", "Content-Length"};
        QCOMPARE(headerNames(got), names);
        checkSigned(got);

        const RestResult &result = reply->result();
        QVERIFY(result.ok());
        QCOMPARE(result.errorMessage, QString());
        QCOMPARE(result.response.status, 200);
        QCOMPARE(result.request.body, got.body);
        QCOMPARE(result.request.url, server->baseUrl() + "/apps/123/events");
        QCOMPARE(result.signature.signature, got.header("X-Realtime-Signature"));
        QCOMPARE(result.signature.path, "/apps/123/events"_ba);
        QVERIFY(result.elapsedMs > 0);
        QVERIFY(!result.problem);
    }

    void trigger_severalChannelsAndSocketId_sendsChannelsArray()
    {
        auto client = makeClient();
        TriggerRequest t{u"news"_s, {u"a"_s, u"private-b"_s, u"presence-c.d_e"_s}, "plain \"text\"\n",
                         u"1234.5678"_s};
        std::unique_ptr<RestReply> reply(client->trigger(t));
        QVERIFY(reply);
        QVERIFY(waitFinished(reply.get()));
        const CapturedRequest &got = server->requests().first();
        QCOMPARE(got.body, "{\"name\":\"news\",\"data\":\"plain \\\"text\\\"\\n\","
                           "\"channels\":[\"a\",\"private-b\",\"presence-c.d_e\"],\"socket_id\":\"1234.5678\"}"_ba);
        checkSigned(got);
        QVERIFY(reply->result().ok());
    }

    void channels_withPrefix_queryIsNotSigned()
    {
        auto client = makeClient();
        std::unique_ptr<RestReply> reply(client->channels(u"private-"_s));
        QVERIFY(reply);
        QVERIFY(waitFinished(reply.get()));
        const CapturedRequest &got = server->requests().first();
        QCOMPARE(got.method, "GET"_ba);
        QCOMPARE(got.target, "/apps/123/channels?filter_by_prefix=private-"_ba);
        QVERIFY(got.body.isEmpty());
        checkSigned(got);
        QCOMPARE(reply->result().signature.path, "/apps/123/channels"_ba);
        QCOMPARE(reply->result().signature.bodyMd5, QByteArray());
    }

    void channels_withoutPrefix_hasNoQuery()
    {
        auto client = makeClient();
        std::unique_ptr<RestReply> reply(client->channels());
        QVERIFY(waitFinished(reply.get()));
        QCOMPARE(server->requests().first().target, "/apps/123/channels"_ba);
        checkSigned(server->requests().first());
    }

    void channel_nameGoesInThePath()
    {
        auto client = makeClient();
        std::unique_ptr<RestReply> reply(client->channel(u"presence-room.1_x"_s));
        QVERIFY(waitFinished(reply.get()));
        QCOMPARE(server->requests().first().target, "/apps/123/channels/presence-room.1_x"_ba);
        checkSigned(server->requests().first());
    }

    void appId_isPercentEncodedAndSignedAsSent()
    {
        Credentials c = credentials();
        c.appId = u"my app/1"_s;
        auto client = makeClient(c);
        std::unique_ptr<RestReply> reply(client->channel(u"chat"_s));
        QVERIFY(waitFinished(reply.get()));
        const CapturedRequest &got = server->requests().first();
        QCOMPARE(got.target, "/apps/my%20app%2F1/channels/chat"_ba);
        checkSigned(got);
        QCOMPARE(reply->result().signature.path, "/apps/my%20app%2F1/channels/chat"_ba);
    }

    void send_percentEncodedPath_signedWithEncoding()
    {
        auto client = makeClient();
        std::unique_ptr<RestReply> reply(client->send("get", "/apps/123/channels/a%2Db?x=%20", {}));
        QVERIFY(reply);
        QVERIFY(waitFinished(reply.get()));
        const CapturedRequest &got = server->requests().first();
        QCOMPARE(got.method, "GET"_ba);
        QCOMPARE(got.target, "/apps/123/channels/a%2Db?x=%20"_ba);
        checkSigned(got);
        QCOMPARE(reply->result().signature.path, "/apps/123/channels/a%2Db"_ba);
    }

    void errorResponses_areClassified_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("reason");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("hasProblem");
        QTest::addRow("401 problem: authentication, detail")
            << 401 << "Unauthorized"_ba
            << R"({"type":"https://docs.apinator.io/problems/unauthorized","title":"Unauthorized","status":401,"detail":"signature mismatch","code":"unauthorized"})"_ba
            << int(ErrorKind::Authentication) << u"signature mismatch"_s << true;
        QTest::addRow("403 title only: authentication, title")
            << 403 << "Forbidden"_ba << R"({"title":"App disabled","status":403})"_ba
            << int(ErrorKind::Authentication) << u"App disabled"_s << true;
        QTest::addRow("422 problem: validation")
            << 422 << "Unprocessable Entity"_ba
            << R"({"title":"Invalid","status":422,"detail":"channel name too long"})"_ba
            << int(ErrorKind::Validation) << u"channel name too long"_s << true;
        QTest::addRow("400 problem: validation")
            << 400 << "Bad Request"_ba << R"({"detail":"name is required"})"_ba << int(ErrorKind::Validation)
            << u"name is required"_s << true;
        QTest::addRow("500 HTML: api, reason phrase")
            << 500 << "Internal Server Error"_ba << "<html><body>oops</body></html>"_ba << int(ErrorKind::Api)
            << u"Internal Server Error"_s << false;
        QTest::addRow("404 empty: api, reason phrase")
            << 404 << "Not Found"_ba << QByteArray() << int(ErrorKind::Api) << u"Not Found"_s << false;
        QTest::addRow("503 without reason: standard phrase")
            << 503 << QByteArray() << QByteArray() << int(ErrorKind::Api) << u"Service Unavailable"_s << false;
    }

    void errorResponses_areClassified()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, reason);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, message);
        QFETCH(bool, hasProblem);
        server->setResponder([&](const CapturedRequest &) {
            return answer(status, reason, {{"Content-Type", "application/problem+json"}}, body);
        });
        auto client = makeClient();
        std::unique_ptr<RestReply> reply(client->trigger({u"e"_s, {u"c"_s}, "{}", {}}));
        QVERIFY(waitFinished(reply.get()));
        const RestResult &result = reply->result();
        QCOMPARE(result.response.status, status);
        QCOMPARE(int(result.errorKind), kind);
        QVERIFY(!result.ok());
        QCOMPARE(result.errorMessage, message);
        QCOMPARE(result.problem.has_value(), hasProblem);
        QCOMPARE(result.response.body, body);
    }

    void connectionRefused_isNetworkError()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        Credentials c = credentials();
        c.baseUrl = u"http://127.0.0.1:"_s + QString::number(probe.serverPort());
        probe.close();
        auto client = makeClient(c);
        std::unique_ptr<RestReply> reply(client->channels());
        QVERIFY(waitFinished(reply.get()));
        const RestResult &result = reply->result();
        QCOMPARE(result.errorKind, ErrorKind::Network);
        QCOMPARE(result.response.status, 0);
        QVERIFY2(result.errorMessage.contains(u"connection refused"_s), qPrintable(result.errorMessage));
    }

    void timeout_isNetworkError()
    {
        server->setResponder([](const CapturedRequest &) { return ScriptedResponse{{}, true, false}; });
        auto client = makeClient();
        client->setTimeoutMs(300);
        std::unique_ptr<RestReply> reply(client->channels());
        QVERIFY(waitFinished(reply.get()));
        const RestResult &result = reply->result();
        QCOMPARE(result.errorKind, ErrorKind::Network);
        QVERIFY(result.response.timedOut);
        QVERIFY2(result.errorMessage.contains(u"timed out after 300 ms"_s), qPrintable(result.errorMessage));
        QVERIFY(result.elapsedMs >= 300);
    }

    void abort_finishesOnceAsNetworkCancelled()
    {
        server->setResponder([](const CapturedRequest &) { return ScriptedResponse{{}, true, false}; });
        auto client = makeClient();
        std::unique_ptr<RestReply> reply(client->channels());
        QSignalSpy finished(reply.get(), &RestReply::finished);
        QSignalSpy received(server.get(), &RawHttpServer::requestReceived);
        QVERIFY(received.wait(5000));
        reply->abort();
        QCOMPARE(finished.size(), 1);
        QVERIFY(reply->isFinished());
        QCOMPARE(reply->result().errorKind, ErrorKind::Network);
        QVERIFY(reply->result().response.cancelled);
        reply->abort();
        QTest::qWait(50);
        QCOMPARE(finished.size(), 1);
    }

    void invalidInput_returnsNullNamesFieldAndSendsNothing_data()
    {
        QTest::addColumn<QString>("call");
        QTest::addColumn<TriggerRequest>("trigger");
        QTest::addColumn<QString>("argument");
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<QString>("errorContains");
        const TriggerRequest ok{u"e"_s, {u"chat"_s}, "{}", {}};
        const auto with = [&ok](auto change) {
            TriggerRequest t = ok;
            change(t);
            return t;
        };
        QTest::addRow("empty channel") << u"trigger"_s << with([](auto &t) { t.channels = {QString()}; })
                                       << QString() << QString() << u"channel name is empty"_s;
        QTest::addRow("201-char channel") << u"trigger"_s
                                          << with([](auto &t) { t.channels = {QString(201, u'a')}; })
                                          << QString() << QString() << u"channel name has 201 characters"_s;
        QTest::addRow("bad character") << u"trigger"_s << with([](auto &t) { t.channels = {u"a b"_s}; })
                                       << QString() << QString() << u"channel name contains a space"_s;
        QTest::addRow("bad second of several")
            << u"trigger"_s << with([](auto &t) { t.channels = {u"ok"_s, u"no*"_s}; }) << QString() << QString()
            << u"channels[1]: channel name contains '*'"_s;
        QTest::addRow("no channels") << u"trigger"_s << with([](auto &t) { t.channels = {}; }) << QString()
                                     << QString() << u"at least one channel"_s;
        QTest::addRow("101 channels") << u"trigger"_s << with([](auto &t) {
            t.channels.clear();
            for (int i = 0; i < 101; ++i)
                t.channels.append(u"c"_s + QString::number(i));
        }) << QString() << QString() << u"channels: 101 given; the limit is 100"_s;
        QTest::addRow("empty event") << u"trigger"_s << with([](auto &t) { t.event.clear(); }) << QString()
                                     << QString() << u"event name is empty"_s;
        QTest::addRow("invalid UTF-8 data") << u"trigger"_s << with([](auto &t) { t.data = "ok \xc3\x28 bad"; })
                                            << QString() << QString() << u"data is not valid UTF-8"_s;
        QTest::addRow("bad socket id") << u"trigger"_s << with([](auto &t) { t.socketId = u"12-34"_s; })
                                       << QString() << QString() << u"socket id \"12-34\""_s;
        QTest::addRow("base URL without scheme") << u"trigger"_s << ok << QString() << u"127.0.0.1:6001"_s
                                                 << u"base URL \"127.0.0.1:6001\" has no scheme"_s;
        QTest::addRow("channel() bad name") << u"channel"_s << ok << u"a/b"_s << QString()
                                            << u"channel name contains '/'"_s;
        QTest::addRow("channels() bad prefix") << u"channels"_s << ok << u"private-?"_s << QString()
                                               << u"prefix: channel name contains '?'"_s;
        QTest::addRow("send() relative path") << u"send"_s << ok << u"apps/123/events"_s << QString()
                                              << u"path must start with '/'"_s;
        QTest::addRow("send() space in path") << u"send"_s << ok << u"/apps/123/a b"_s << QString()
                                              << u"path contains a space"_s;
    }

    void invalidInput_returnsNullNamesFieldAndSendsNothing()
    {
        QFETCH(QString, call);
        QFETCH(TriggerRequest, trigger);
        QFETCH(QString, argument);
        QFETCH(QString, baseUrl);
        QFETCH(QString, errorContains);
        Credentials c = credentials();
        if (!baseUrl.isEmpty())
            c.baseUrl = baseUrl;
        auto client = makeClient(c);
        QString error;
        RestReply *reply = nullptr;
        if (call == u"trigger")
            reply = client->trigger(trigger, &error);
        else if (call == u"channel")
            reply = client->channel(argument, &error);
        else if (call == u"channels")
            reply = client->channels(argument, &error);
        else
            reply = client->send("POST", argument.toUtf8(), "{}", &error);
        QCOMPARE(reply, nullptr);
        QVERIFY2(error.contains(errorContains), qPrintable(error));
        QTest::qWait(100);
        QCOMPARE(server->connectionCount(), 0);
        QCOMPARE(http->inFlight(), 0);
    }

    void hundredChannels_areAccepted()
    {
        TriggerRequest t{u"e"_s, {}, "{}", {}};
        for (int i = 0; i < 100; ++i)
            t.channels.append(u"c"_s + QString::number(i));
        QCOMPARE(t.error(), QString());
        QVERIFY(t.body().startsWith(R"({"name":"e","data":"{}","channels":["c0","c1",)"));
    }

    void clockSkew_fromServerDate_data()
    {
        QTest::addColumn<QByteArray>("date");
        QTest::addColumn<qint64>("skew");
        QTest::addRow("120 s ahead") << "Tue, 14 Nov 2023 22:15:20 GMT"_ba << qint64(120);
        QTest::addRow("30 s behind") << "Tue, 14 Nov 2023 22:12:50 GMT"_ba << qint64(-30);
        QTest::addRow("in step") << "Tue, 14 Nov 2023 22:13:20 GMT"_ba << qint64(0);
    }

    void clockSkew_fromServerDate()
    {
        QFETCH(QByteArray, date);
        QFETCH(qint64, skew);
        server->setResponder([&](const CapturedRequest &) { return answer(401, "Unauthorized", {{"Date", date}}); });
        auto client = makeClient();
        std::unique_ptr<RestReply> reply(client->channels());
        QVERIFY(waitFinished(reply.get()));
        QCOMPARE(reply->result().clockSkewSeconds, std::optional<qint64>(skew));
    }

    void clockSkew_againstTheRealClock()
    {
        server->setResponder([](const CapturedRequest &) {
            return answer(200, "OK", {{"Date", httpDate(QDateTime::currentSecsSinceEpoch() + 120)}}, "{}");
        });
        RestClient client(http.get(), credentials()); // the default clock
        std::unique_ptr<RestReply> reply(client.channels());
        QVERIFY(waitFinished(reply.get()));
        QVERIFY(reply->result().clockSkewSeconds);
        const qint64 skew = *reply->result().clockSkewSeconds;
        QVERIFY2(skew >= 119 && skew <= 121, qPrintable(QString::number(skew)));
    }

    void clockSkew_absentWithoutDate()
    {
        auto client = makeClient();
        std::unique_ptr<RestReply> reply(client->channels());
        QVERIFY(waitFinished(reply.get()));
        QVERIFY(!reply->result().clockSkewSeconds);
    }

    void deleteReplyInFlight_sendsNoSignal()
    {
        server->setResponder([](const CapturedRequest &) { return ScriptedResponse{{}, true, false}; });
        auto client = makeClient();
        auto *reply = client->channels();
        QSignalSpy received(server.get(), &RawHttpServer::requestReceived);
        QVERIFY(received.wait(5000));
        delete reply;
        QCOMPARE(http->inFlight(), 0);
    }

    void httpClientGone_replyFinishesAsNetworkError()
    {
        server->setResponder([](const CapturedRequest &) { return ScriptedResponse{{}, true, false}; });
        auto client = makeClient();
        std::unique_ptr<RestReply> reply(client->channels());
        QSignalSpy received(server.get(), &RawHttpServer::requestReceived);
        QVERIFY(received.wait(5000));
        http.reset();
        QVERIFY(waitFinished(reply.get()));
        QCOMPARE(reply->result().errorKind, ErrorKind::Network);
        QString error;
        QCOMPARE(client->channels({}, &error), nullptr);
        QVERIFY2(error.contains(u"HTTP client"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestRestClient)
#include "tst_restclient.moc"
