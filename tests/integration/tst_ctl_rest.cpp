// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl trigger | channels | channel against a scripted HTTP server on loopback.
#include <QDateTime>
#include <QJsonArray>
#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>

#include "ctlprocess.h"
#include "rawhttpserver.h"

using namespace Qt::StringLiterals;

namespace {

const QString AppId = u"123"_s;
const QString Key = u"app_key_1"_s;
// Distinctive, so finding it anywhere in an output means it leaked.
const QString Secret = u"s3cr3t-NEVER-PRINT-7f4a"_s;

struct Received
{
    QByteArray method;
    QByteArray target;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[n, v] : headers)
            if (n.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        return {};
    }
};

struct Scripted
{
    int status = 200;
    QByteArray reason = "OK";
    QByteArray contentType = "application/json";
    QByteArray body;
    bool hang = false; // read the request, never answer
};

// Answers each request with the next scripted response and keeps what it received.
class ScriptedServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptedServer)
public:
    explicit ScriptedServer(QObject *parent = nullptr)
        : QObject(parent)
    {
        connect(&m_server, &QTcpServer::newConnection, this, &ScriptedServer::accept);
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QString baseUrl() const { return u"http://127.0.0.1:"_s + QString::number(m_server.serverPort()); }
    void script(Scripted response) { m_script.append(std::move(response)); }
    const QList<Received> &received() const { return m_received; }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }

    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Received r;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        r.method = requestLine.value(0);
        r.target = requestLine.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            const QByteArray name = lines[i].left(colon).trimmed();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            r.headers.append({name, value});
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return;
        r.body = buffer.mid(end + 4, length);
        m_buffers.remove(socket);
        m_received.append(r);

        const Scripted s = m_script.isEmpty() ? Scripted{500, "Internal Server Error", "text/plain", "unscripted"}
                                              : m_script.takeFirst();
        if (s.hang)
            return;
        socket->write("HTTP/1.1 " + QByteArray::number(s.status) + ' ' + s.reason + "\r\nContent-Type: "
                      + s.contentType + "\r\nContent-Length: " + QByteArray::number(s.body.size())
                      + "\r\nConnection: close\r\n\r\n" + s.body);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QList<Scripted> m_script;
    QList<Received> m_received;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

QStringList credentialFlags(const QString &baseUrl)
{
    return {u"--app-id"_s, AppId, u"--key"_s, Key, u"--secret"_s, Secret, u"--base-url"_s, baseUrl};
}

const QByteArray UnauthorizedProblem =
    R"({"type":"https://docs.apinator.io/problems/unauthorized","title":"Unauthorized","status":401,)"
    R"("detail":"signature mismatch","code":"unauthorized"})";

using TestSupport::closedPort;

} // namespace

class TestCtlRest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void trigger_ok_exit0AndSignedRequest();
    void trigger_severalChannels_sendsChannelsArray();
    void trigger_socketIdAndDataFile_sent();
    void trigger_json_envelope();
    void trigger_unauthorizedProblem_exit3WithDetail();
    void trigger_unauthorizedProblem_jsonError();
    void trigger_connectionRefused_exit4();
    void trigger_serverNeverAnswers_timeoutExit4();
    void trigger_libcurlMissing_exit4NamingIt();
    void trigger_credentialsFromEnvironment_baseUrlWinsOverCluster();
    void trigger_baseUrlFlag_winsOverEnvironment();
    void channels_ok_printsServerJsonAndSignsWithoutQuery();
    void channels_json_bodyParsed();
    void channel_ok_printsServerJson();
    void channel_notOccupied_exit3();
    void channel_textAnswer_jsonBodyIsString();
};

void TestCtlRest::trigger_ok_exit0AndSignedRequest()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.script({200, "OK", "application/json", "{}"});
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const CtlTest::Run r = CtlTest::run(QStringList{u"trigger"_s} + credentialFlags(server.baseUrl())
                                        + QStringList{u"--event"_s, u"new-message"_s, u"--channel"_s, u"chat"_s,
                                                      u"--data"_s, u"{\"text\":\"hi\"}"_s});
    const qint64 after = QDateTime::currentSecsSinceEpoch();
    QVERIFY(r.finished);
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("HTTP 200 OK ("), r.out.constData());
    QVERIFY(r.out.endsWith("\n{}\n"));

    QCOMPARE(server.received().size(), 1);
    const Received &got = server.received().first();
    QCOMPARE(got.method, "POST"_ba);
    QCOMPARE(got.target, "/apps/123/events"_ba);
    QCOMPARE(got.header("Content-Type"), "application/json"_ba);
    const QJsonObject body = CtlTest::jsonObject(got.body);
    QCOMPARE(body[u"name"].toString(), u"new-message"_s);
    QCOMPARE(body[u"data"].toString(), u"{\"text\":\"hi\"}"_s); // a string, not an object
    QCOMPARE(body[u"channel"].toString(), u"chat"_s);
    QVERIFY(!body.contains(u"channels"));

    // The server's own check: the signature covers these exact bytes.
    QCOMPARE(got.header("X-Realtime-Key"), Key.toUtf8());
    const QByteArray ts = got.header("X-Realtime-Timestamp");
    QVERIFY(ts.toLongLong() >= before && ts.toLongLong() <= after);
    QCOMPARE(got.header("X-Realtime-Signature"),
             CtlTest::hmacHex(Secret.toUtf8(), ts + "\nPOST\n/apps/123/events\n" + CtlTest::md5Hex(got.body)));
    QVERIFY(!r.out.contains(Secret.toUtf8()) && !r.err.contains(Secret.toUtf8()));
}

void TestCtlRest::trigger_severalChannels_sendsChannelsArray()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.script({200, "OK", "application/json", "{}"});
    const CtlTest::Run r = CtlTest::run(QStringList{u"trigger"_s} + credentialFlags(server.baseUrl())
                                        + QStringList{u"--event"_s, u"e"_s, u"--channel"_s, u"a"_s, u"--channel"_s,
                                                      u"private-b"_s, u"--data"_s, u"x"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(server.received().size(), 1);
    const QJsonObject body = CtlTest::jsonObject(server.received().first().body);
    QCOMPARE(body[u"channels"].toArray(), (QJsonArray{u"a"_s, u"private-b"_s}));
    QVERIFY(!body.contains(u"channel"));
}

void TestCtlRest::trigger_socketIdAndDataFile_sent()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.script({200, "OK", "application/json", "{}"});
    const QByteArray data = "{\"n\": 1,\n \"s\": \"caf\xc3\xa9\"}\n";
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(data);
    file.close();
    const CtlTest::Run r = CtlTest::run(QStringList{u"trigger"_s} + credentialFlags(server.baseUrl())
                                        + QStringList{u"--event"_s, u"e"_s, u"--channel"_s, u"c"_s, u"--data-file"_s,
                                                      file.fileName(), u"--socket-id"_s, u"1234.5678"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject body = CtlTest::jsonObject(server.received().first().body);
    QCOMPARE(body[u"data"].toString().toUtf8(), data);
    QCOMPARE(body[u"socket_id"].toString(), u"1234.5678"_s);
}

void TestCtlRest::trigger_json_envelope()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.script({200, "OK", "application/json", "{\"accepted\":true}"});
    const CtlTest::Run r = CtlTest::run(QStringList{u"trigger"_s} + credentialFlags(server.baseUrl())
                                        + QStringList{u"--event"_s, u"e"_s, u"--channel"_s, u"c"_s, u"--data"_s,
                                                      u"d"_s, u"--json"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.count('\n'), 1);
    QVERIFY2(CtlTest::membersInOrder(r.out, {"request", "method", "url", "headers", "body", "status", "body",
                                             "elapsed_ms", "timings_ms", "dns", "connect", "tls", "first_byte",
                                             "total", "error"}),
             r.out.constData());
    const QJsonObject json = CtlTest::jsonObject(r.out);
    const QJsonObject request = json[u"request"].toObject();
    QCOMPARE(request[u"method"].toString(), u"POST"_s);
    QCOMPARE(request[u"url"].toString(), server.baseUrl() + u"/apps/123/events"_s);
    const QJsonObject headers = request[u"headers"].toObject();
    const Received &got = server.received().first();
    QCOMPARE(headers[u"X-Realtime-Key"].toString(), Key);
    QCOMPARE(headers[u"X-Realtime-Signature"].toString().toUtf8(), got.header("X-Realtime-Signature"));
    QCOMPARE(headers[u"X-Realtime-Timestamp"].toString().toUtf8(), got.header("X-Realtime-Timestamp"));
    QCOMPARE(request[u"body"].toString().toUtf8(), got.body);
    QCOMPARE(json[u"status"].toInt(), 200);
    QCOMPARE(json[u"body"].toObject(), (QJsonObject{{u"accepted"_s, true}}));
    QVERIFY(json[u"elapsed_ms"].isDouble() && json[u"elapsed_ms"].toDouble() >= 0);
    const QJsonObject timings = json[u"timings_ms"].toObject();
    QVERIFY(timings[u"total"].isDouble() && timings[u"total"].toDouble() >= 0);
    QVERIFY(timings[u"connect"].isDouble());
    QVERIFY(timings[u"tls"].isNull()); // plain http: no TLS phase
    QVERIFY(json[u"error"].isNull());
    QVERIFY(!r.out.contains(Secret.toUtf8()) && !r.err.contains(Secret.toUtf8()));
}

void TestCtlRest::trigger_libcurlMissing_exit4NamingIt()
{
#ifndef APINATOR_CURL_DLOPEN
    QSKIP("libcurl is linked in this build (APINATOR_CURL_DLOPEN=OFF)");
#else
    ScriptedServer server;
    QVERIFY(server.listen());
    server.script({200, "OK", "application/json", "{}"});
    QProcessEnvironment env = CtlTest::cleanEnvironment();
    env.insert(u"APINATOR_LIBCURL"_s, u"libcurl-that-is-not-installed.so.4"_s);
    const CtlTest::Run r = CtlTest::run(QStringList{u"trigger"_s} + credentialFlags(server.baseUrl())
                                            + QStringList{u"--event"_s, u"e"_s, u"--channel"_s, u"c"_s,
                                                          u"--data"_s, u"d"_s},
                                        {}, env);
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(CtlTest::isOneErrorLine(r.err), r.err.constData());
    QVERIFY2(r.err.contains("libcurl could not be loaded (libcurl-that-is-not-installed.so.4"), r.err.constData());
    QVERIFY(server.received().isEmpty());
#endif
}

void TestCtlRest::trigger_unauthorizedProblem_exit3WithDetail()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.script({401, "Unauthorized", "application/problem+json", UnauthorizedProblem});
    const CtlTest::Run r = CtlTest::run(QStringList{u"trigger"_s} + credentialFlags(server.baseUrl())
                                        + QStringList{u"--event"_s, u"e"_s, u"--channel"_s, u"c"_s, u"--data"_s,
                                                      u"d"_s});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.out.startsWith("HTTP 401 Unauthorized ("), r.out.constData());
    QVERIFY(r.out.contains(UnauthorizedProblem));
    QVERIFY2(CtlTest::isOneErrorLine(r.err), r.err.constData());
    QVERIFY2(r.err.endsWith(": signature mismatch\n"), r.err.constData());
    QVERIFY(r.err.contains("401"));
    QVERIFY(!r.out.contains(Secret.toUtf8()) && !r.err.contains(Secret.toUtf8()));
}

void TestCtlRest::trigger_unauthorizedProblem_jsonError()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.script({401, "Unauthorized", "application/problem+json", UnauthorizedProblem});
    const CtlTest::Run r = CtlTest::run(QStringList{u"trigger"_s} + credentialFlags(server.baseUrl())
                                        + QStringList{u"--event"_s, u"e"_s, u"--channel"_s, u"c"_s, u"--data"_s,
                                                      u"d"_s, u"--json"_s});
    QCOMPARE(r.exitCode, 3);
    const QJsonObject json = CtlTest::jsonObject(r.out);
    QCOMPARE(json[u"status"].toInt(), 401);
    QCOMPARE(json[u"body"].toObject()[u"detail"].toString(), u"signature mismatch"_s);
    const QJsonObject error = json[u"error"].toObject();
    QCOMPARE(error[u"kind"].toString(), u"authentication"_s);
    QCOMPARE(error[u"message"].toString(), u"signature mismatch"_s);
    QVERIFY(!r.out.contains(Secret.toUtf8()) && !r.err.contains(Secret.toUtf8()));
}

void TestCtlRest::trigger_connectionRefused_exit4()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    const QString baseUrl = u"http://127.0.0.1:"_s + QString::number(port);
    const QStringList args = QStringList{u"trigger"_s} + credentialFlags(baseUrl)
        + QStringList{u"--event"_s, u"e"_s, u"--channel"_s, u"c"_s, u"--data"_s, u"d"_s};

    const CtlTest::Run human = CtlTest::run(args);
    QCOMPARE(human.exitCode, 4);
    QCOMPARE(human.out, QByteArray());
    QVERIFY2(CtlTest::isOneErrorLine(human.err), human.err.constData());
    QVERIFY(human.err.startsWith("apinatorctl: network error: "));

    const CtlTest::Run json = CtlTest::run(args + QStringList{u"--json"_s});
    QCOMPARE(json.exitCode, 4);
    const QJsonObject envelope = CtlTest::jsonObject(json.out);
    QCOMPARE(envelope[u"status"].toInt(-1), 0);
    QVERIFY(envelope[u"body"].isNull());
    QCOMPARE(envelope[u"error"].toObject()[u"kind"].toString(), u"network"_s);
    QVERIFY(!envelope[u"error"].toObject()[u"message"].toString().isEmpty());
    QCOMPARE(envelope[u"request"].toObject()[u"url"].toString(), baseUrl + u"/apps/123/events"_s);
    for (const QByteArray &output : {human.out, human.err, json.out, json.err})
        QVERIFY(!output.contains(Secret.toUtf8()));
}

void TestCtlRest::trigger_serverNeverAnswers_timeoutExit4()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    Scripted silent;
    silent.hang = true;
    server.script(silent);
    QElapsedTimer clock;
    clock.start();
    const CtlTest::Run r = CtlTest::run(QStringList{u"trigger"_s} + credentialFlags(server.baseUrl())
                                        + QStringList{u"--event"_s, u"e"_s, u"--channel"_s, u"c"_s, u"--data"_s,
                                                      u"d"_s, u"--timeout"_s, u"300"_s});
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 4);
    QCOMPARE(server.received().size(), 1);
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
}

void TestCtlRest::trigger_credentialsFromEnvironment_baseUrlWinsOverCluster()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.script({200, "OK", "application/json", "{}"});
    QProcessEnvironment env = CtlTest::cleanEnvironment();
    env.insert(u"APINATOR_APP_ID"_s, u"777"_s);
    env.insert(u"APINATOR_KEY"_s, Key);
    env.insert(u"APINATOR_SECRET"_s, Secret);
    env.insert(u"APINATOR_CLUSTER"_s, u"eu"_s); // would leave the machine, if it won
    env.insert(u"APINATOR_BASE_URL"_s, server.baseUrl());
    const CtlTest::Run r = CtlTest::run(
        {u"trigger"_s, u"--event"_s, u"e"_s, u"--channel"_s, u"c"_s, u"--data"_s, u"d"_s}, {}, env);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(server.received().size(), 1);
    QCOMPARE(server.received().first().target, "/apps/777/events"_ba);
}

void TestCtlRest::trigger_baseUrlFlag_winsOverEnvironment()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.script({200, "OK", "application/json", "{}"});
    QProcessEnvironment env = CtlTest::cleanEnvironment();
    env.insert(u"APINATOR_BASE_URL"_s, u"http://127.0.0.1:"_s + QString::number(closedPort()));
    env.insert(u"APINATOR_APP_ID"_s, u"1"_s);
    const CtlTest::Run r = CtlTest::run(QStringList{u"trigger"_s} + credentialFlags(server.baseUrl())
                                            + QStringList{u"--event"_s, u"e"_s, u"--channel"_s, u"c"_s, u"--data"_s,
                                                          u"d"_s},
                                        {}, env);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(server.received().size(), 1);
    QCOMPARE(server.received().first().target, "/apps/123/events"_ba); // --app-id beat APINATOR_APP_ID too
}

void TestCtlRest::channels_ok_printsServerJsonAndSignsWithoutQuery()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    const QByteArray answer = R"({"channels":[{"name":"presence-room","subscription_count":2}]})";
    server.script({200, "OK", "application/json", answer});
    const CtlTest::Run r = CtlTest::run(QStringList{u"channels"_s} + credentialFlags(server.baseUrl())
                                        + QStringList{u"--prefix"_s, u"presence-"_s});
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, answer + '\n');

    const Received &got = server.received().first();
    QCOMPARE(got.method, "GET"_ba);
    QCOMPARE(got.target, "/apps/123/channels?filter_by_prefix=presence-"_ba);
    QCOMPARE(got.body, QByteArray());
    const QByteArray ts = got.header("X-Realtime-Timestamp");
    QCOMPARE(got.header("X-Realtime-Signature"), CtlTest::hmacHex(Secret.toUtf8(), ts + "\nGET\n/apps/123/channels\n"));
}

void TestCtlRest::channels_json_bodyParsed()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.script({200, "OK", "application/json", R"({"channels":[]})"});
    const CtlTest::Run r =
        CtlTest::run(QStringList{u"channels"_s, u"--json"_s} + credentialFlags(server.baseUrl()));
    QCOMPARE(r.exitCode, 0);
    const QJsonObject json = CtlTest::jsonObject(r.out);
    QCOMPARE(json[u"request"].toObject()[u"method"].toString(), u"GET"_s);
    QCOMPARE(json[u"request"].toObject()[u"body"].toString(), QString());
    QCOMPARE(json[u"status"].toInt(), 200);
    QVERIFY(json[u"body"].toObject()[u"channels"].isArray());
    QVERIFY(json[u"error"].isNull());
}

void TestCtlRest::channel_ok_printsServerJson()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    const QByteArray answer = R"({"name":"presence-room","subscription_count":3,"user_count":2})";
    server.script({200, "OK", "application/json", answer});
    const CtlTest::Run r =
        CtlTest::run(QStringList{u"channel"_s, u"presence-room"_s} + credentialFlags(server.baseUrl()));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, answer + '\n');
    QCOMPARE(server.received().first().method, "GET"_ba);
    QCOMPARE(server.received().first().target, "/apps/123/channels/presence-room"_ba);
}

void TestCtlRest::channel_notOccupied_exit3()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.script({404, "Not Found", "application/problem+json",
                   R"({"type":"about:blank","title":"Not Found","status":404,"detail":"channel is not occupied"})"});
    const CtlTest::Run r = CtlTest::run(QStringList{u"channel"_s, u"chat"_s} + credentialFlags(server.baseUrl()));
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(r.out, QByteArray());
    QVERIFY2(CtlTest::isOneErrorLine(r.err), r.err.constData());
    QVERIFY2(r.err.contains("404") && r.err.endsWith(": channel is not occupied\n"), r.err.constData());
}

void TestCtlRest::channel_textAnswer_jsonBodyIsString()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.script({500, "Internal Server Error", "text/plain", "upstream exploded"});
    const CtlTest::Run r =
        CtlTest::run(QStringList{u"channel"_s, u"chat"_s, u"--json"_s} + credentialFlags(server.baseUrl()));
    QCOMPARE(r.exitCode, 3);
    const QJsonObject json = CtlTest::jsonObject(r.out);
    QCOMPARE(json[u"status"].toInt(), 500);
    QCOMPARE(json[u"body"].toString(), u"upstream exploded"_s);
    QCOMPARE(json[u"error"].toObject()[u"kind"].toString(), u"api"_s);
}

QTEST_GUILESS_MAIN(TestCtlRest)
#include "tst_ctl_rest.moc"
