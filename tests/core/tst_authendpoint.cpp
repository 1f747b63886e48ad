// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The auth endpoint tester against real auth endpoints on 127.0.0.1, each with its own mistake.
#include <apinator/authendpoint.h>

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QSignalSpy>
#include <QSslServer>
#include <QSslSocket>
#include <QTest>
#include <QUrlQuery>

#include "rawhttpserver.h"
#include "rawhttpservertls.h"

using namespace Apinator;
using namespace Qt::StringLiterals;
using TestSupport::CapturedRequest;
using TestSupport::RawHttpServer;
using TestSupport::ScriptedResponse;

namespace {

const QByteArray Key = "app_key_1";
const QByteArray Secret = "endpoint-s3cret";
const QByteArray Member = R"({"user_id":"u-1","user_info":{"name":"Alice"}})";

enum class Endpoint { Correct, PresenceWithoutData, ReserializesData, Html500, NeverAnswers, RedirectsToLogin };

QByteArray hmac(const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, Secret, QCryptographicHash::Sha256).toHex();
}

// A developer's auth endpoint, written the way they are: reads JSON or a form, signs, answers.
ScriptedResponse authEndpoint(Endpoint kind, const CapturedRequest &request)
{
    if (kind == Endpoint::NeverAnswers)
        return {{}, true, false};
    if (kind == Endpoint::Html500)
        return {RawHttpServer::response(500, "Internal Server Error", {{"Content-Type", "text/html"}},
                                        "<!DOCTYPE html><html><body><h1>Server Error</h1></body></html>"),
                false, false};
    if (kind == Endpoint::RedirectsToLogin)
        return {RawHttpServer::response(302, "Found", {{"Location", "/login"}}), false, false};
    QString socketId, channel;
    if (request.header("Content-Type").startsWith("application/json")) {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        socketId = body.value("socket_id"_L1).toString();
        channel = body.value("channel_name"_L1).toString();
    } else {
        const QUrlQuery form(QString::fromUtf8(request.body));
        socketId = form.queryItemValue(u"socket_id"_s, QUrl::FullyDecoded);
        channel = form.queryItemValue(u"channel_name"_s, QUrl::FullyDecoded);
    }
    const QByteArray base = socketId.toUtf8() + ':' + channel.toUtf8();
    QJsonObject answer;
    if (!channel.startsWith(u"presence-"_s)) {
        answer.insert(u"auth"_s, QString::fromUtf8(Key + ':' + hmac(base)));
    } else if (kind == Endpoint::PresenceWithoutData) {
        answer.insert(u"auth"_s, QString::fromUtf8(Key + ':' + hmac(base)));
        answer.insert(u"channel_data"_s, QString::fromUtf8(Member));
    } else if (kind == Endpoint::ReserializesData) {
        // Signs the text, then answers it parsed and written again (with spaces).
        answer.insert(u"auth"_s, QString::fromUtf8(Key + ':' + hmac(base + ':' + Member)));
        answer.insert(u"channel_data"_s, QString::fromUtf8(QByteArray(Member).replace("\":", "\": ")));
    } else {
        answer.insert(u"auth"_s, QString::fromUtf8(Key + ':' + hmac(base + ':' + Member)));
        answer.insert(u"channel_data"_s, QString::fromUtf8(Member));
    }
    return {RawHttpServer::response(200, "OK", {{"Content-Type", "application/json"}},
                                    QJsonDocument(answer).toJson(QJsonDocument::Compact)),
            false, false};
}

AuthInspectInput keys()
{
    AuthInspectInput k;
    k.key = Key;
    k.secret = Secret;
    return k;
}

AuthEndpointResult runTest(HttpClient *client, const AuthEndpointRequest &request)
{
    AuthEndpointTest test(client, request, keys());
    QSignalSpy finished(&test, &AuthEndpointTest::finished);
    test.start();
    if (!finished.wait(request.timeoutMs + 5000))
        qWarning("the endpoint test never finished");
    return test.result();
}

QStringList codes(const CauseList &causes)
{
    QStringList out;
    for (const Cause &c : causes)
        out << c.code;
    return out;
}

} // namespace

class TestAuthEndpoint final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void endpoint_verdict_data();
    void endpoint_verdict();
    void jsonFormat_sendsWhatTheJsClientSends();
    void formFormat_sendsAFormAndExtraHeaders();
    void closedPort_isUnreachable();
    void selfSignedTls_isATlsFailure();
    void requestError_namesTheField_data();
    void requestError_namesTheField();
};

void TestAuthEndpoint::endpoint_verdict_data()
{
    QTest::addColumn<int>("endpoint");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("channel");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("reached");
    QTest::addColumn<QStringList>("causes");

    const auto row = [](const char *name, Endpoint e, const QString &format, const QByteArray &channel, bool valid,
                        bool reached, const QStringList &causes) {
        QTest::addRow("%s", name) << int(e) << format << channel << valid << reached << causes;
    };
    row("correct, JSON body, private", Endpoint::Correct, u"json"_s, "private-orders", true, true, {});
    row("correct, form body, private", Endpoint::Correct, u"form"_s, "private-orders", true, true, {});
    row("correct, JSON body, presence", Endpoint::Correct, u"json"_s, "presence-room", true, true, {});
    row("correct, form body, presence", Endpoint::Correct, u"form"_s, "presence-room", true, true, {});
    row("presence signed without channel data", Endpoint::PresenceWithoutData, u"json"_s, "presence-room", false, true,
        {u"signed_without_channel_data"_s});
    row("channel data re-serialized", Endpoint::ReserializesData, u"json"_s, "presence-room", false, true,
        {u"channel_data_reserialized"_s});
    row("HTML 500", Endpoint::Html500, u"json"_s, "private-orders", false, true,
        {u"endpoint_status"_s, u"endpoint_html"_s});
    row("redirect to a login page", Endpoint::RedirectsToLogin, u"json"_s, "private-orders", false, true,
        {u"endpoint_redirect"_s});
    row("never answers", Endpoint::NeverAnswers, u"json"_s, "private-orders", false, false, {u"endpoint_timeout"_s});
}

void TestAuthEndpoint::endpoint_verdict()
{
    QFETCH(int, endpoint);
    QFETCH(QString, format);
    QFETCH(QByteArray, channel);
    QFETCH(bool, valid);
    QFETCH(bool, reached);
    QFETCH(QStringList, causes);

    RawHttpServer server;
    QVERIFY(server.listen());
    server.setResponder([endpoint](const CapturedRequest &r) { return authEndpoint(Endpoint(endpoint), r); });
    HttpClient client;
    AuthEndpointRequest request;
    request.url = server.baseUrl() + "/pusher/auth";
    QVERIFY(parseAuthFormat(format, &request.format));
    request.socketId = "1234.5678";
    request.channelName = channel;
    request.timeoutMs = 800;
    QCOMPARE(request.error(), QString());

    const AuthEndpointResult result = runTest(&client, request);
    QCOMPARE(codes(result.causes()), causes);
    QCOMPARE(result.valid, valid);
    QCOMPARE(result.reached, reached);
    QCOMPARE(server.requests().size(), 1);
    if (valid)
        QCOMPARE(result.inspection.providedAuth, result.inspection.expectedAuth);
    if (reached)
        QVERIFY(result.elapsedMs >= 0);
}

void TestAuthEndpoint::jsonFormat_sendsWhatTheJsClientSends()
{
    RawHttpServer server;
    QVERIFY(server.listen());
    server.setResponder([](const CapturedRequest &r) { return authEndpoint(Endpoint::Correct, r); });
    HttpClient client;
    AuthEndpointRequest request;
    request.url = server.baseUrl() + "/auth";
    request.socketId = "1234.5678";
    request.channelName = "private-a";
    const AuthEndpointResult result = runTest(&client, request);
    QVERIFY(result.valid);
    const CapturedRequest &got = server.requests().first();
    QCOMPARE(got.method, "POST"_ba);
    QCOMPARE(got.target, "/auth"_ba);
    QCOMPARE(got.header("Content-Type"), "application/json"_ba);
    QCOMPARE(got.body, R"({"socket_id":"1234.5678","channel_name":"private-a"})"_ba);
}

void TestAuthEndpoint::formFormat_sendsAFormAndExtraHeaders()
{
    RawHttpServer server;
    QVERIFY(server.listen());
    server.setResponder([](const CapturedRequest &r) { return authEndpoint(Endpoint::Correct, r); });
    HttpClient client;
    AuthEndpointRequest request;
    request.url = server.baseUrl() + "/auth";
    request.format = AuthEndpointRequest::Format::Form;
    request.socketId = "1234.5678";
    request.channelName = "private-a.b_c";
    request.headers = {{"Cookie", "session=abc"}, {"Authorization", "Bearer t0k"}};
    const AuthEndpointResult result = runTest(&client, request);
    QVERIFY2(result.valid, qPrintable(codes(result.causes()).join(u',')));
    const CapturedRequest &got = server.requests().first();
    QCOMPARE(got.header("Content-Type"), "application/x-www-form-urlencoded"_ba);
    QCOMPARE(got.body, "socket_id=1234.5678&channel_name=private-a.b_c"_ba);
    QCOMPARE(got.header("Cookie"), "session=abc"_ba);
    QCOMPARE(got.header("Authorization"), "Bearer t0k"_ba);
}

void TestAuthEndpoint::closedPort_isUnreachable()
{
    HttpClient client;
    AuthEndpointRequest request;
    request.url = "http://127.0.0.1:" + QByteArray::number(TestSupport::closedPort()) + "/auth";
    request.socketId = "1.2";
    request.channelName = "private-a";
    const AuthEndpointResult result = runTest(&client, request);
    QVERIFY(!result.reached);
    QCOMPARE(codes(result.causes()), QStringList{u"endpoint_unreachable"_s});
    QVERIFY2(result.causes().first().message.contains(u"could not be reached"_s),
             qPrintable(result.causes().first().message));
}

void TestAuthEndpoint::selfSignedTls_isATlsFailure()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here");
    QSslServer tlsServer;
    tlsServer.setSslConfiguration(TestSupport::selfSignedServerConfiguration());
    QVERIFY(tlsServer.listen(QHostAddress::LocalHost, 0));
    HttpClient client;
    AuthEndpointRequest request;
    request.url = "https://127.0.0.1:" + QByteArray::number(tlsServer.serverPort()) + "/auth";
    request.socketId = "1.2";
    request.channelName = "private-a";
    const AuthEndpointResult result = runTest(&client, request);
    QCOMPARE(codes(result.causes()), QStringList{u"endpoint_tls"_s});
    QVERIFY2(result.causes().first().message.contains(u"certificate"_s), qPrintable(result.causes().first().message));
}

void TestAuthEndpoint::requestError_namesTheField_data()
{
    QTest::addColumn<QByteArray>("url");
    QTest::addColumn<QByteArray>("socketId");
    QTest::addColumn<QByteArray>("channel");
    QTest::addColumn<QString>("contains");
    QTest::addRow("empty url") << QByteArray() << "1.2"_ba << "private-a"_ba << u"URL is empty"_s;
    QTest::addRow("ftp url") << "ftp://x/"_ba << "1.2"_ba << "private-a"_ba << u"http://"_s;
    QTest::addRow("bad socket id") << "http://x/"_ba << "12"_ba << "private-a"_ba << u"ocket id"_s;
    QTest::addRow("public channel") << "http://x/"_ba << "1.2"_ba << "orders"_ba << u"public channel"_s;
}

void TestAuthEndpoint::requestError_namesTheField()
{
    QFETCH(QByteArray, url);
    QFETCH(QByteArray, socketId);
    QFETCH(QByteArray, channel);
    QFETCH(QString, contains);
    AuthEndpointRequest request;
    request.url = url;
    request.socketId = socketId;
    request.channelName = channel;
    QVERIFY2(request.error().contains(contains), qPrintable(request.error()));
}

QTEST_GUILESS_MAIN(TestAuthEndpoint)
#include "tst_authendpoint.moc"
