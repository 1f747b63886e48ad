// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl verify webhook (events, causes), webhook send and webhook listen, run as processes
// against real loopback servers.
#include <QJsonArray>
#include <QTemporaryFile>
#include <QTest>

#include <apinator/httpclient.h>

#include "ctlprocess.h"
#include "rawhttpserver.h"

using namespace Qt::StringLiterals;
using TestSupport::CapturedRequest;
using TestSupport::RawHttpServer;
using TestSupport::ScriptedResponse;

namespace {

const QByteArray WebhookSecret = "webhook-secret-1";
const QByteArray ApiSecret = "api-secret-1";
const QByteArray Body = R"({"event":"member_added","channel":"presence-lobby","user_id":"alice"})";
constexpr qint64 Stamp = 1700000000;

QByteArray sign(qint64 ts, const QByteArray &body, const QByteArray &secret = WebhookSecret)
{
    return CtlTest::hmacHex(secret, QByteArray::number(ts) + '.' + body);
}

QStringList stringList(const QJsonValue &array)
{
    QStringList out;
    for (const QJsonValue &v : array.toArray())
        out.append(v.toString());
    return out;
}

// A running `apinatorctl webhook listen`, read line by line while the test's event loop runs.
struct Listener
{
    QProcess process;
    QList<QByteArray> lines;

    bool start(const QStringList &args)
    {
        process.setProcessEnvironment(CtlTest::cleanEnvironment());
        process.setProgram(QStringLiteral(APINATOR_CTL_PATH));
        process.setArguments(QStringList{u"webhook"_s, u"listen"_s, u"--webhook-secret"_s,
                                         QString::fromLatin1(WebhookSecret)}
                             + args);
        process.start();
        return process.waitForStarted();
    }
    std::optional<QByteArray> line(qsizetype index, int timeoutMs = 10000)
    {
        const bool got = QTest::qWaitFor(
            [&] {
                while (process.canReadLine())
                    lines.append(process.readLine().trimmed());
                return lines.size() > index;
            },
            timeoutMs);
        return got ? std::optional(lines.at(index)) : std::nullopt;
    }
    ~Listener()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished();
        }
    }
};

Apinator::HttpResponse post(const QByteArray &url, const Apinator::HeaderList &headers, const QByteArray &body)
{
    Apinator::HttpClient http;
    Apinator::HttpRequest request;
    request.method = "POST";
    request.url = url;
    request.headers = headers;
    request.body = body;
    std::unique_ptr<Apinator::HttpReply> reply(http.send(request));
    QTest::qWaitFor([&] { return reply->isFinished(); }, 10000);
    return reply->response();
}

} // namespace

class TestCtlWebhook final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void verifyWebhook_jsonListsTheEvents()
    {
        const CtlTest::Run r = CtlTest::run(
            {u"verify"_s, u"webhook"_s, u"--webhook-secret"_s, QString::fromLatin1(WebhookSecret), u"--header"_s,
             u"X-Realtime-Timestamp: %1"_s.arg(Stamp), u"--header"_s,
             u"X-Realtime-Signature: "_s + QString::fromLatin1(sign(Stamp, Body)), u"--body"_s,
             QString::fromUtf8(Body), u"--now"_s, QString::number(Stamp), u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = CtlTest::jsonObject(r.out);
        const QJsonArray events = json[u"events"].toArray();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0][u"event"].toString(), u"member_added"_s);
        QCOMPARE(events[0][u"channel"].toString(), u"presence-lobby"_s);
        QCOMPARE(events[0][u"user_id"].toString(), u"alice"_s);
        QVERIFY(json[u"events_error"].isNull());
    }

    void verifyWebhook_signedWithTheApiSecret_isNamed()
    {
        const CtlTest::Run r = CtlTest::run(
            {u"verify"_s, u"webhook"_s, u"--webhook-secret"_s, QString::fromLatin1(WebhookSecret), u"--secret"_s,
             QString::fromLatin1(ApiSecret), u"--header"_s, u"X-Realtime-Timestamp: %1"_s.arg(Stamp), u"--header"_s,
             u"X-Realtime-Signature: "_s + QString::fromLatin1(sign(Stamp, Body, ApiSecret)), u"--body"_s,
             QString::fromUtf8(Body), u"--now"_s, QString::number(Stamp)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("[signed_with_api_secret]"), r.out.constData());
        QVERIFY(r.out.contains("event: member_added channel: presence-lobby user_id: alice"));
        QVERIFY(!r.out.contains(ApiSecret));
    }

    void send_data()
    {
        QTest::addColumn<QStringList>("bodyArgs");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("event template") << QStringList{u"--event"_s, u"channel_occupied"_s, u"--channel"_s, u"chat"_s}
                                        << R"({"event":"channel_occupied","channel":"chat"})"_ba;
        QTest::newRow("member template") << QStringList{u"--event"_s, u"member_removed"_s, u"--channel"_s,
                                                        u"presence-x"_s, u"--user-id"_s, u"bob"_s}
                                         << R"({"event":"member_removed","channel":"presence-x","user_id":"bob"})"_ba;
        QTest::newRow("body as given") << QStringList{u"--body"_s, u"{\"a\": 1}\n"_s} << "{\"a\": 1}\n"_ba;
    }
    void send()
    {
        QFETCH(QStringList, bodyArgs);
        QFETCH(QByteArray, body);
        RawHttpServer handler;
        QVERIFY(handler.listen());
        const CtlTest::Run r = CtlTest::run(QStringList{u"webhook"_s, u"send"_s, u"--webhook-secret"_s,
                                                        QString::fromLatin1(WebhookSecret), u"--url"_s,
                                                        QString::fromLatin1(handler.baseUrl() + "/hooks"),
                                                        u"--timestamp"_s, QString::number(Stamp)}
                                            + bodyArgs);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("HTTP 200"), r.out.constData());
        QCOMPARE(handler.requests().size(), 1);
        const CapturedRequest &got = handler.requests().first();
        QCOMPARE(got.target, "/hooks"_ba);
        QCOMPARE(got.body, body);
        QCOMPARE(got.header("X-Realtime-Timestamp"), QByteArray::number(Stamp));
        QCOMPARE(got.header("X-Realtime-Signature"), sign(Stamp, body));
        QCOMPARE(got.header("Content-Type"), "application/json"_ba);
    }

    void send_exitCodes()
    {
        RawHttpServer handler;
        handler.setResponder([](const CapturedRequest &) {
            return ScriptedResponse{RawHttpServer::response(401, "Unauthorized", {}, "bad signature"), false, false};
        });
        QVERIFY(handler.listen());
        const QStringList base{u"webhook"_s, u"send"_s, u"--webhook-secret"_s, u"s"_s, u"--event"_s,
                               u"channel_vacated"_s, u"--channel"_s, u"c"_s, u"--url"_s};
        CtlTest::Run r = CtlTest::run(base + QStringList{QString::fromLatin1(handler.baseUrl()), u"--json"_s});
        QCOMPARE(r.exitCode, 3);
        const QJsonObject json = CtlTest::jsonObject(r.out);
        QCOMPARE(json[u"status"].toInt(), 401);
        QCOMPARE(json[u"body"].toString(), u"bad signature"_s);
        r = CtlTest::run(base + QStringList{u"http://127.0.0.1:%1/"_s.arg(TestSupport::closedPort())});
        QCOMPARE(r.exitCode, 4);
        QVERIFY(CtlTest::isOneErrorLine(r.err));
        r = CtlTest::run({u"webhook"_s, u"send"_s, u"--webhook-secret"_s, u"s"_s, u"--url"_s, u"http://x/"_s,
                          u"--event"_s, u"channel_exploded"_s, u"--channel"_s, u"c"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--event"));
        r = CtlTest::run({u"webhook"_s, u"send"_s, u"--webhook-secret"_s, u"s"_s, u"--url"_s, u"nope"_s, u"--body"_s,
                          u"{}"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--url"));
    }

    void listen_printsConfigThenOneJsonLinePerRequest_andForwards()
    {
        RawHttpServer handler;
        QVERIFY(handler.listen());
        Listener listener;
        QVERIFY(listener.start({u"--print-config"_s, u"--json"_s, u"--path"_s, u"/in"_s, u"--forward-to"_s,
                                QString::fromLatin1(handler.baseUrl() + "/mine")}));
        const auto config = listener.line(0);
        QVERIFY(config);
        const QByteArray url = CtlTest::jsonObject(*config)[u"url"].toString().toUtf8();
        QVERIFY2(url.startsWith("http://127.0.0.1:") && url.endsWith("/in"), config->constData());

        const QByteArray ts = QByteArray::number(QDateTime::currentSecsSinceEpoch());
        const Apinator::HttpResponse answer =
            post(url, {{"X-Realtime-Timestamp", ts}, {"X-Realtime-Signature", sign(ts.toLongLong(), Body)}}, Body);
        QCOMPARE(answer.status, 200);
        const auto first = listener.line(1);
        QVERIFY(first);
        const QJsonObject one = CtlTest::jsonObject(*first);
        QCOMPARE(one[u"verdict"].toString(), u"valid"_s);
        QCOMPARE(one[u"body"].toString(), QString::fromUtf8(Body));
        QCOMPARE(one[u"headers"][u"X-Realtime-Timestamp"].toString(), QString::fromLatin1(ts));
        QVERIFY(!one[u"time"].toString().isEmpty());
        QCOMPARE(one[u"events"][0][u"user_id"].toString(), u"alice"_s);
        QTRY_COMPARE(handler.requests().size(), 1);
        QCOMPARE(handler.requests().first().body, Body);
        QCOMPARE(handler.requests().first().target, "/mine"_ba);

        post(url, {{"X-Pusher-Signature", sign(ts.toLongLong(), Body)}, {"X-Realtime-Timestamp", ts}}, Body);
        const auto second = listener.line(2);
        QVERIFY(second);
        const QJsonObject two = CtlTest::jsonObject(*second);
        QCOMPARE(two[u"verdict"].toString(), u"invalid"_s);
        QCOMPARE(stringList(two[u"causes"]), QStringList{u"near_header_name"_s});

        listener.process.terminate();
        QVERIFY(listener.process.waitForFinished(5000));
        QCOMPARE(listener.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(listener.process.exitCode(), 0);
    }

    void listen_refusesAPortInUse()
    {
        RawHttpServer taken;
        QVERIFY(taken.listen());
        const CtlTest::Run r = CtlTest::run({u"webhook"_s, u"listen"_s, u"--webhook-secret"_s, u"s"_s, u"--port"_s,
                                             QString::number(taken.port())});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(CtlTest::isOneErrorLine(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCtlWebhook)
#include "tst_ctl_webhook.moc"
