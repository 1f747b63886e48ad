// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl sign request | channel | webhook, run as a process.
#include <QDateTime>
#include <QJsonArray>
#include <QTemporaryFile>
#include <QTest>

#include "ctlprocess.h"
#include "testdata.h"

using namespace Qt::StringLiterals;

class TestCtlSign final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signRequest_conformanceVector_printsSignature_data();
    void signRequest_conformanceVector_printsSignature();
    void signRequest_json_explainsTheSignature();
    void signRequest_queryString_notSigned();
    void signRequest_bodyFile_signsBytesExactly();
    void signRequest_bodyFromStdin_signsBytesExactly();
    void signRequest_lowercaseMethod_signedUppercase();

    void signChannel_conformanceVector_printsAuthResponse_data();
    void signChannel_conformanceVector_printsAuthResponse();
    void signChannel_channelData_signedByteForByte();

    void signWebhook_conformanceVector_printsHeaders_data();
    void signWebhook_conformanceVector_printsHeaders();
    void signWebhook_json_hasTimestampSignatureHeaders();
    void signWebhook_withoutTimestamp_signsNow();
    void signWebhook_webhookSecret_winsOverSecret();
    void signWebhook_onlySecret_signsWithSecret();
};

void TestCtlSign::signRequest_conformanceVector_printsSignature_data()
{
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("body");
    QTest::addColumn<qint64>("timestamp");
    QTest::addColumn<QByteArray>("expected");
    for (const QJsonValue &v : TestData::conformanceCases(u"hmac-request.v1.json"_s)) {
        const QJsonObject c = v.toObject();
        // raw_path carries the query string the signature must ignore.
        const QString path = c.contains(u"raw_path") ? c[u"raw_path"].toString() : c[u"path"].toString();
        QTest::addRow("%s", qPrintable(c[u"name"].toString()))
            << c[u"secret"].toString() << c[u"method"].toString() << path << c[u"body"].toString()
            << qint64(c[u"timestamp"].toDouble()) << c[u"expected_signature"].toString().toUtf8();
    }
}

void TestCtlSign::signRequest_conformanceVector_printsSignature()
{
    QFETCH(QString, secret);
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QString, body);
    QFETCH(qint64, timestamp);
    QFETCH(QByteArray, expected);

    const CtlTest::Run r = CtlTest::run({u"sign"_s, u"request"_s, u"--key"_s, u"app_key_1"_s, u"--secret"_s, secret,
                                         u"--method"_s, method, u"--path"_s, path, u"--body="_s + body,
                                         u"--timestamp"_s, QString::number(timestamp)});
    QVERIFY(r.finished);
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, expected + '\n');
}

void TestCtlSign::signRequest_json_explainsTheSignature()
{
    const QJsonObject c = TestData::conformanceCases(u"hmac-request.v1.json"_s).at(0).toObject();
    const QByteArray body = c[u"body"].toString().toUtf8();
    const CtlTest::Run r = CtlTest::run({u"sign"_s, u"request"_s, u"--key"_s, u"app_key_1"_s, u"--secret"_s,
                                         c[u"secret"].toString(), u"--method"_s, u"POST"_s, u"--path"_s,
                                         c[u"path"].toString(), u"--body="_s + QString::fromUtf8(body),
                                         u"--timestamp"_s, u"1700000000"_s, u"--json"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.endsWith("}\n"));
    QVERIFY2(CtlTest::membersInOrder(r.out, {"string_to_sign", "body_md5", "signature", "headers", "X-Realtime-Key",
                                             "X-Realtime-Timestamp", "X-Realtime-Signature"}),
             r.out.constData());

    const QJsonObject json = CtlTest::jsonObject(r.out);
    const QByteArray md5 = CtlTest::md5Hex(body);
    QCOMPARE(json[u"body_md5"].toString().toUtf8(), md5);
    QCOMPARE(json[u"string_to_sign"].toString().toUtf8(), "1700000000\nPOST\n/apps/123/events\n" + md5);
    const QString expected = c[u"expected_signature"].toString();
    QCOMPARE(json[u"signature"].toString(), expected);
    const QJsonObject headers = json[u"headers"].toObject();
    QCOMPARE(headers.size(), 3);
    QCOMPARE(headers[u"X-Realtime-Key"].toString(), u"app_key_1"_s);
    QCOMPARE(headers[u"X-Realtime-Timestamp"].toString(), u"1700000000"_s);
    QCOMPARE(headers[u"X-Realtime-Signature"].toString(), expected);
}

void TestCtlSign::signRequest_queryString_notSigned()
{
    const CtlTest::Run r = CtlTest::run({u"sign"_s, u"request"_s, u"--key"_s, u"k"_s, u"--secret"_s, u"s"_s,
                                         u"--method"_s, u"GET"_s, u"--path"_s,
                                         u"/apps/123/channels?filter_by_prefix=private-"_s, u"--timestamp"_s,
                                         u"1700000200"_s, u"--json"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject json = CtlTest::jsonObject(r.out);
    // An empty body signs as the empty string, not the MD5 of nothing.
    QCOMPARE(json[u"body_md5"].toString(), QString());
    QCOMPARE(json[u"string_to_sign"].toString(), u"1700000200\nGET\n/apps/123/channels\n"_s);
    QCOMPARE(json[u"signature"].toString().toUtf8(), CtlTest::hmacHex("s", "1700000200\nGET\n/apps/123/channels\n"));
}

void TestCtlSign::signRequest_bodyFile_signsBytesExactly()
{
    // CRLF, a trailing newline and non-ASCII must all reach the MD5 untouched.
    const QByteArray body = "{\"name\":\"e\",\r\n\"data\":\"caf\xc3\xa9\"}\n";
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(body);
    file.close();
    const CtlTest::Run r = CtlTest::run({u"sign"_s, u"request"_s, u"--key"_s, u"k"_s, u"--secret"_s, u"s3"_s,
                                         u"--method"_s, u"POST"_s, u"--path"_s, u"/apps/1/events"_s,
                                         u"--body-file"_s, file.fileName(), u"--timestamp"_s, u"42"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, CtlTest::hmacHex("s3", "42\nPOST\n/apps/1/events\n" + CtlTest::md5Hex(body)) + '\n');
}

void TestCtlSign::signRequest_bodyFromStdin_signsBytesExactly()
{
    const QByteArray body = "line one\r\nline two\n\n";
    const CtlTest::Run r = CtlTest::run({u"sign"_s, u"request"_s, u"--key"_s, u"k"_s, u"--secret"_s, u"s3"_s,
                                         u"--method"_s, u"POST"_s, u"--path"_s, u"/apps/1/events"_s,
                                         u"--body-file"_s, u"-"_s, u"--timestamp"_s, u"42"_s},
                                        body);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, CtlTest::hmacHex("s3", "42\nPOST\n/apps/1/events\n" + CtlTest::md5Hex(body)) + '\n');
}

void TestCtlSign::signRequest_lowercaseMethod_signedUppercase()
{
    const CtlTest::Run r = CtlTest::run({u"sign"_s, u"request"_s, u"--key"_s, u"k"_s, u"--secret"_s, u"s"_s,
                                         u"--method"_s, u"get"_s, u"--path"_s, u"/apps/1/channels"_s,
                                         u"--timestamp"_s, u"7"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, CtlTest::hmacHex("s", "7\nGET\n/apps/1/channels\n") + '\n');
}

void TestCtlSign::signChannel_conformanceVector_printsAuthResponse_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("socketId");
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("channelData"); // empty: none
    QTest::addColumn<QByteArray>("expected");
    for (const QJsonValue &v : TestData::conformanceCases(u"channel-auth.v1.json"_s)) {
        const QJsonObject c = v.toObject();
        // {"auth":...} then "channel_data"; QJsonDocument writes members sorted, which is that order.
        QJsonObject response{{u"auth"_s, c[u"expected_auth"]}};
        if (c.contains(u"channel_data"))
            response.insert(u"channel_data"_s, c[u"channel_data"]);
        QTest::addRow("%s", qPrintable(c[u"name"].toString()))
            << c[u"key"].toString() << c[u"secret"].toString() << c[u"socket_id"].toString()
            << c[u"channel_name"].toString() << c[u"channel_data"].toString()
            << QJsonDocument(response).toJson(QJsonDocument::Compact);
    }
}

void TestCtlSign::signChannel_conformanceVector_printsAuthResponse()
{
    QFETCH(QString, key);
    QFETCH(QString, secret);
    QFETCH(QString, socketId);
    QFETCH(QString, channel);
    QFETCH(QString, channelData);
    QFETCH(QByteArray, expected);

    QStringList args{u"sign"_s, u"channel"_s, u"--key"_s, key, u"--secret"_s, secret,
                     u"--socket-id"_s, socketId, u"--channel"_s, channel};
    if (!channelData.isEmpty())
        args << u"--channel-data="_s + channelData;
    const CtlTest::Run r = CtlTest::run(args);
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, expected + '\n');
}

void TestCtlSign::signChannel_channelData_signedByteForByte()
{
    // Spaces and key order are part of what is signed: re-serializing would change the signature.
    const QByteArray data = "{ \"user_info\": {\"name\": \"Al\"},  \"user_id\": \"u-9\" }";
    const CtlTest::Run r = CtlTest::run({u"sign"_s, u"channel"_s, u"--key"_s, u"kk"_s, u"--secret"_s, u"ss"_s,
                                         u"--socket-id"_s, u"1.2"_s, u"--channel"_s, u"presence-x"_s,
                                         u"--channel-data="_s + QString::fromUtf8(data)});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject json = CtlTest::jsonObject(r.out);
    QCOMPARE(json[u"auth"].toString().toUtf8(), "kk:" + CtlTest::hmacHex("ss", "1.2:presence-x:" + data));
    QCOMPARE(json[u"channel_data"].toString().toUtf8(), data);
    // Compact, as an auth endpoint answers.
    QVERIFY2(r.out.startsWith("{\"auth\":\"kk:") && r.out.contains("\",\"channel_data\":\"{ \\\"user_info"),
             r.out.constData());
}

void TestCtlSign::signWebhook_conformanceVector_printsHeaders_data()
{
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("timestamp");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QByteArray>("expected");
    for (const QJsonValue &v : TestData::conformanceCases(u"webhook-signature.v1.json"_s)) {
        const QJsonObject c = v.toObject();
        QTest::addRow("%s", qPrintable(c[u"name"].toString()))
            << c[u"secret"].toString() << c[u"timestamp"].toString() << c[u"body"].toString()
            << c[u"expected_signature"].toString().toUtf8();
    }
}

void TestCtlSign::signWebhook_conformanceVector_printsHeaders()
{
    QFETCH(QString, secret);
    QFETCH(QString, timestamp);
    QFETCH(QString, body);
    QFETCH(QByteArray, expected);

    const CtlTest::Run r = CtlTest::run({u"sign"_s, u"webhook"_s, u"--webhook-secret"_s, secret,
                                         u"--body="_s + body, u"--timestamp"_s, timestamp});
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, "X-Realtime-Timestamp: " + timestamp.toUtf8() + "\nX-Realtime-Signature: " + expected + '\n');
}

void TestCtlSign::signWebhook_json_hasTimestampSignatureHeaders()
{
    const QJsonObject c = TestData::conformanceCases(u"webhook-signature.v1.json"_s).at(0).toObject();
    const CtlTest::Run r = CtlTest::run({u"sign"_s, u"webhook"_s, u"--webhook-secret"_s, c[u"secret"].toString(),
                                         u"--body="_s + c[u"body"].toString(), u"--timestamp"_s,
                                         c[u"timestamp"].toString(), u"--json"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(CtlTest::membersInOrder(r.out, {"timestamp", "signature", "headers", "X-Realtime-Timestamp",
                                             "X-Realtime-Signature"}),
             r.out.constData());
    const QJsonObject json = CtlTest::jsonObject(r.out);
    QVERIFY(json[u"timestamp"].isString()); // a string, as the header carries it
    QCOMPARE(json[u"timestamp"].toString(), c[u"timestamp"].toString());
    QCOMPARE(json[u"signature"].toString(), c[u"expected_signature"].toString());
    const QJsonObject headers = json[u"headers"].toObject();
    QCOMPARE(headers[u"X-Realtime-Timestamp"].toString(), c[u"timestamp"].toString());
    QCOMPARE(headers[u"X-Realtime-Signature"].toString(), c[u"expected_signature"].toString());
}

void TestCtlSign::signWebhook_withoutTimestamp_signsNow()
{
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const CtlTest::Run r =
        CtlTest::run({u"sign"_s, u"webhook"_s, u"--webhook-secret"_s, u"w"_s, u"--body={}"_s, u"--json"_s});
    const qint64 after = QDateTime::currentSecsSinceEpoch();
    QCOMPARE(r.exitCode, 0);
    const QJsonObject json = CtlTest::jsonObject(r.out);
    const QByteArray timestamp = json[u"timestamp"].toString().toUtf8();
    QVERIFY(timestamp.toLongLong() >= before && timestamp.toLongLong() <= after);
    QCOMPARE(json[u"signature"].toString().toUtf8(), CtlTest::hmacHex("w", timestamp + ".{}"));
}

void TestCtlSign::signWebhook_webhookSecret_winsOverSecret()
{
    const CtlTest::Run r = CtlTest::run({u"sign"_s, u"webhook"_s, u"--secret"_s, u"app-secret"_s,
                                         u"--webhook-secret"_s, u"hook-secret"_s, u"--body={}"_s,
                                         u"--timestamp"_s, u"100"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.endsWith(QByteArray("X-Realtime-Signature: " + CtlTest::hmacHex("hook-secret", "100.{}") + '\n')));
}

void TestCtlSign::signWebhook_onlySecret_signsWithSecret()
{
    const CtlTest::Run r = CtlTest::run(
        {u"sign"_s, u"webhook"_s, u"--secret"_s, u"app-secret"_s, u"--body={}"_s, u"--timestamp"_s, u"100"_s});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.endsWith(QByteArray("X-Realtime-Signature: " + CtlTest::hmacHex("app-secret", "100.{}") + '\n')));
}

QTEST_GUILESS_MAIN(TestCtlSign)
#include "tst_ctl_sign.moc"
