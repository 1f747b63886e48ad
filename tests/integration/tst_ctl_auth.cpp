// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl auth test against auth endpoints on 127.0.0.1, and verify channel --profile
// trying the other saved profiles, run as a process.
#include <apinator/profilestore.h>
#include <apinator/secretstore.h>

#include <QJsonArray>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QTest>

#include "ctlprocess.h"
#include "rawhttpserver.h"

using namespace Apinator;
using namespace Qt::StringLiterals;
using TestSupport::CapturedRequest;
using TestSupport::RawHttpServer;
using TestSupport::ScriptedResponse;

namespace {

const QByteArray Key = "app_key_1";
const QByteArray Secret = "ctl-auth-s3cret";
const QByteArray StagingSecret = "ctl-staging-s3cret";
const QByteArray Member = R"({"user_id":"u-1"})";

QStringList stringList(const QJsonValue &array)
{
    QStringList out;
    for (const QJsonValue &v : array.toArray())
        out.append(v.toString());
    return out;
}

ScriptedResponse json200(const QByteArray &body)
{
    return {RawHttpServer::response(200, "OK", {{"Content-Type", "application/json"}}, body), false, false};
}

// Reads the socket id and channel the way an endpoint does, whatever the body format.
QByteArray signedBase(const CapturedRequest &r)
{
    QString socketId, channel;
    if (r.header("Content-Type").startsWith("application/json")) {
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        socketId = o[u"socket_id"].toString();
        channel = o[u"channel_name"].toString();
    } else {
        const QUrlQuery form(QString::fromUtf8(r.body));
        socketId = form.queryItemValue(u"socket_id"_s, QUrl::FullyDecoded);
        channel = form.queryItemValue(u"channel_name"_s, QUrl::FullyDecoded);
    }
    return socketId.toUtf8() + ':' + channel.toUtf8();
}

QStringList credentials()
{
    return {u"--key"_s, QString::fromUtf8(Key), u"--secret"_s, QString::fromUtf8(Secret)};
}

} // namespace

class TestCtlAuth final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void authTest_correctEndpoint_exit0_json();
    void authTest_correctEndpoint_exit0_form();
    void authTest_presenceWithoutChannelData_exit1();
    void authTest_html500_exit1_human();
    void authTest_unreachable_exit4();
    void authTest_badFormat_exit2();
    void verifyChannel_profile_namesTheOtherProfilesSecret();
};

void TestCtlAuth::authTest_correctEndpoint_exit0_json()
{
    RawHttpServer server;
    QVERIFY(server.listen());
    server.setResponder([](const CapturedRequest &r) {
        const QByteArray base = signedBase(r) + ':' + Member;
        const QByteArray sig = CtlTest::hmacHex(Secret, base);
        QJsonObject o{{u"auth"_s, QString::fromUtf8(Key + ':' + sig)}, {u"channel_data"_s, QString::fromUtf8(Member)}};
        return json200(QJsonDocument(o).toJson(QJsonDocument::Compact));
    });
    const CtlTest::Run r = CtlTest::run(QStringList{u"auth"_s, u"test"_s, u"--url"_s,
                                                    QString::fromUtf8(server.baseUrl() + "/auth"), u"--socket-id"_s,
                                                    u"1234.5678"_s, u"--channel"_s, u"presence-room"_s,
                                                    u"--header"_s, u"Cookie: s=1"_s, u"--json"_s}
                                        + credentials());
    QVERIFY(r.finished);
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(CtlTest::membersInOrder(r.out, {"valid", "causes", "status", "response", "expected_auth"}), r.out.constData());
    const QJsonObject json = CtlTest::jsonObject(r.out);
    QCOMPARE(json[u"valid"].toBool(), true);
    QCOMPARE(json[u"status"].toInt(), 200);
    QCOMPARE(json[u"expected_auth"].toString().toUtf8(),
             Key + ':' + CtlTest::hmacHex(Secret, "1234.5678:presence-room:" + Member));
    QCOMPARE(json[u"response"].toObject()[u"channel_data"].toString().toUtf8(), Member);
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests().first().body, R"({"socket_id":"1234.5678","channel_name":"presence-room"})"_ba);
    QCOMPARE(server.requests().first().header("Cookie"), "s=1"_ba);
    QVERIFY(!r.out.contains(Secret));
}

void TestCtlAuth::authTest_correctEndpoint_exit0_form()
{
    RawHttpServer server;
    QVERIFY(server.listen());
    server.setResponder([](const CapturedRequest &r) {
        // An old-style endpoint: reads only a form.
        if (!r.header("Content-Type").startsWith("application/x-www-form-urlencoded"))
            return ScriptedResponse{RawHttpServer::response(400, "Bad Request"), false, false};
        return json200(R"({"auth":")" + Key + ':' + CtlTest::hmacHex(Secret, signedBase(r)) + "\"}");
    });
    const CtlTest::Run r = CtlTest::run(QStringList{u"auth"_s, u"test"_s, u"--url"_s,
                                                    QString::fromUtf8(server.baseUrl() + "/auth"), u"--socket-id"_s,
                                                    u"1.2"_s, u"--channel"_s, u"private-orders"_s, u"--format"_s,
                                                    u"form"_s}
                                        + credentials());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("valid\nPOST "), r.out.constData());
    QVERIFY(r.out.contains("HTTP 200 OK ("));
}

void TestCtlAuth::authTest_presenceWithoutChannelData_exit1()
{
    RawHttpServer server;
    QVERIFY(server.listen());
    server.setResponder([](const CapturedRequest &r) {
        // The private-channel formula for a presence channel, channel_data still answered.
        QJsonObject o{{u"auth"_s, QString::fromUtf8(Key + ':' + CtlTest::hmacHex(Secret, signedBase(r)))},
                      {u"channel_data"_s, QString::fromUtf8(Member)}};
        return json200(QJsonDocument(o).toJson(QJsonDocument::Compact));
    });
    const CtlTest::Run r = CtlTest::run(QStringList{u"auth"_s, u"test"_s, u"--url"_s,
                                                    QString::fromUtf8(server.baseUrl() + "/auth"), u"--socket-id"_s,
                                                    u"1.2"_s, u"--channel"_s, u"presence-room"_s, u"--json"_s}
                                        + credentials());
    QCOMPARE(r.exitCode, 1);
    const QJsonObject json = CtlTest::jsonObject(r.out);
    QCOMPARE(stringList(json[u"causes"]), QStringList{u"signed_without_channel_data"_s});
    QCOMPARE(json[u"valid"].toBool(), false);
}

void TestCtlAuth::authTest_html500_exit1_human()
{
    RawHttpServer server;
    QVERIFY(server.listen());
    server.setResponder([](const CapturedRequest &) {
        return ScriptedResponse{RawHttpServer::response(500, "Internal Server Error", {{"Content-Type", "text/html"}},
                                                        "<html><body>Whoops</body></html>"),
                                false, false};
    });
    const CtlTest::Run r = CtlTest::run(QStringList{u"auth"_s, u"test"_s, u"--url"_s,
                                                    QString::fromUtf8(server.baseUrl() + "/auth"), u"--socket-id"_s,
                                                    u"1.2"_s, u"--channel"_s, u"private-a"_s}
                                        + credentials());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.startsWith("invalid\n"), r.out.constData());
    QVERIFY(r.out.contains("HTTP 500 Internal Server Error"));
    QVERIFY(r.out.contains("[endpoint_status]"));
    QVERIFY(r.out.contains("[endpoint_html]"));
}

void TestCtlAuth::authTest_unreachable_exit4()
{
    const CtlTest::Run r = CtlTest::run(
        QStringList{u"auth"_s, u"test"_s, u"--url"_s,
                    u"http://127.0.0.1:%1/auth"_s.arg(TestSupport::closedPort()), u"--socket-id"_s, u"1.2"_s,
                    u"--channel"_s, u"private-a"_s, u"--json"_s}
        + credentials());
    QCOMPARE(r.exitCode, 4);
    const QJsonObject json = CtlTest::jsonObject(r.out);
    QCOMPARE(stringList(json[u"causes"]), QStringList{u"endpoint_unreachable"_s});
    QCOMPARE(json[u"status"].toInt(), 0);
    QVERIFY(json[u"response"].isNull());
    QVERIFY(CtlTest::isOneErrorLine(r.err));
}

void TestCtlAuth::authTest_badFormat_exit2()
{
    const CtlTest::Run r = CtlTest::run(QStringList{u"auth"_s, u"test"_s, u"--url"_s, u"http://127.0.0.1:1/"_s,
                                                    u"--socket-id"_s, u"1.2"_s, u"--channel"_s, u"private-a"_s,
                                                    u"--format"_s, u"xml"_s}
                                        + credentials());
    QCOMPARE(r.exitCode, 2);
    QVERIFY(CtlTest::isOneErrorLine(r.err));
    QVERIFY2(r.err.contains("--format"), r.err.constData());
}

void TestCtlAuth::verifyChannel_profile_namesTheOtherProfilesSecret()
{
    // Two saved profiles, secrets in the opted-in file; no session bus, so the file is used.
    QTemporaryDir config;
    QVERIFY(config.isValid());
    ProfileStore store(config.filePath(u"profiles.json"_s));
    Profile dev = Profile::create();
    dev.name = u"Dev"_s;
    dev.appId = u"1"_s;
    dev.key = QString::fromUtf8(Key);
    dev.cluster = u"eu"_s;
    Profile staging = dev;
    staging.id = Profile::newId();
    staging.name = u"Staging"_s;
    staging.key = u"app_key_2"_s;
    QVERIFY(store.add(dev).ok());
    QVERIFY(store.add(staging).ok());
    FileSecretStore file(config.filePath(u"secrets.json"_s));
    QCOMPARE(file.writeAll({{dev.id, SecretKind::Secret, Secret}, {staging.id, SecretKind::Secret, StagingSecret}}),
             QString());
    QProcessEnvironment env = CtlTest::cleanEnvironment();
    env.insert(u"APINATOR_CONFIG_DIR"_s, config.path());
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/apinator-no-bus"_s);

    // The endpoint signed with Staging's secret but Dev's key.
    const QByteArray auth = Key + ':' + CtlTest::hmacHex(StagingSecret, "1.2:private-orders");
    const CtlTest::Run r = CtlTest::run({u"verify"_s, u"channel"_s, u"--profile"_s, u"Dev"_s, u"--socket-id"_s,
                                         u"1.2"_s, u"--channel"_s, u"private-orders"_s, u"--auth"_s,
                                         QString::fromUtf8(auth), u"--json"_s},
                                        {}, env);
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.exitCode, 1);
    const QJsonObject json = CtlTest::jsonObject(r.out);
    QCOMPARE(stringList(json[u"causes"]), QStringList{u"secret_of_other_profile"_s});
    QCOMPARE(json[u"signed_with_profile"].toString(), u"Staging"_s);
    QVERIFY(!r.out.contains(StagingSecret) && !r.out.contains(Secret));

    // Without --profile the same token is only a mismatch.
    const CtlTest::Run plain = CtlTest::run(QStringList{u"verify"_s, u"channel"_s, u"--socket-id"_s, u"1.2"_s,
                                                        u"--channel"_s, u"private-orders"_s, u"--auth"_s,
                                                        QString::fromUtf8(auth), u"--json"_s}
                                            + credentials());
    QCOMPARE(stringList(CtlTest::jsonObject(plain.out)[u"causes"]), QStringList{u"signature_mismatch"_s});
}

QTEST_GUILESS_MAIN(TestCtlAuth)
#include "tst_ctl_auth.moc"
