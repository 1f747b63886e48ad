// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl verify webhook | channel, run as a process.
#include <QJsonArray>
#include <QTemporaryFile>
#include <QTest>

#include "ctlprocess.h"
#include "testdata.h"

using namespace Qt::StringLiterals;

namespace {

const QByteArray WebhookSecret = "webhook-secret-1";
const QByteArray Body = "{\"event\":\"channel_occupied\",\"channel\":\"chat\"}";
constexpr qint64 Stamp = 1700000000;

QByteArray sign(qint64 timestamp, const QByteArray &body = Body, const QByteArray &secret = WebhookSecret)
{
    return CtlTest::hmacHex(secret, QByteArray::number(timestamp) + '.' + body);
}

// A webhook as captured on the wire; headers are "Name: value" lines.
QByteArray rawRequest(const QList<QByteArray> &headers, const QByteArray &body, const QByteArray &eol = "\r\n")
{
    QByteArray text = "POST /webhooks/apinator HTTP/1.1" + eol + "Host: example.com" + eol
        + "Content-Type: application/json" + eol + "Content-Length: " + QByteArray::number(body.size()) + eol;
    for (const QByteArray &h : headers)
        text += h + eol;
    return text + eol + body;
}

QStringList stringList(const QJsonValue &array)
{
    QStringList out;
    for (const QJsonValue &v : array.toArray())
        out.append(v.toString());
    return out;
}

} // namespace

class TestCtlVerify final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verifyWebhook_requestFile_verdict_data();
    void verifyWebhook_requestFile_verdict();
    void verifyWebhook_json_membersInContractOrder();
    void verifyWebhook_human_listsCausesSignaturesAndSdks();
    void verifyWebhook_headersAndBody_valid();
    void verifyWebhook_requestFromStdin_valid();
    void verifyWebhook_secretFallback_usedWithoutWebhookSecret();
    void verifyWebhook_malformedRequestFile_exit2();

    void verifyChannel_verdict_data();
    void verifyChannel_verdict();
    void verifyChannel_human_firstLineIsVerdict();
};

void TestCtlVerify::verifyWebhook_requestFile_verdict_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QStringList>("extraArgs");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QStringList>("causes");
    QTest::addColumn<bool>("python");
    QTest::addColumn<bool>("node");
    QTest::addColumn<bool>("go");
    QTest::addColumn<QJsonValue>("providedSignature");
    QTest::addColumn<QJsonValue>("age"); // Undefined: not checked

    const QByteArray ts = "X-Realtime-Timestamp: " + QByteArray::number(Stamp);
    const QByteArray sig = sign(Stamp);
    const QStringList now10{u"--now"_s, QString::number(Stamp + 10)};
    const QJsonValue sigJson(QString::fromLatin1(sig));

    QTest::addRow("valid, CRLF") << rawRequest({ts, "X-Realtime-Signature: " + sig}, Body) << now10 << true
                                 << QStringList{} << true << true << true << sigJson << QJsonValue(10);
    QTest::addRow("valid, LF only") << rawRequest({ts, "X-Realtime-Signature: " + sig}, Body, "\n") << now10 << true
                                    << QStringList{} << true << true << true << sigJson << QJsonValue(10);
    QTest::addRow("header names in lower case")
        << rawRequest({"x-realtime-timestamp: " + QByteArray::number(Stamp), "x-realtime-signature: " + sig}, Body)
        << now10 << true << QStringList{} << true << true << true << sigJson << QJsonValue(10);
    QTest::addRow("sha256= prefix stripped") << rawRequest({ts, "X-Realtime-Signature: sha256=" + sig}, Body)
                                             << now10 << true << QStringList{} << true << true << true << sigJson
                                             << QJsonValue(10);
    // Python compares strings; Node and Go decode the hex.
    QTest::addRow("uppercase signature") << rawRequest({ts, "X-Realtime-Signature: " + sig.toUpper()}, Body)
                                         << now10 << false << QStringList{u"signature_uppercase"_s} << false << true
                                         << true << QJsonValue(QString::fromLatin1(sig.toUpper())) << QJsonValue(10);
    // Python accepts a timestamp from the future; Node and Go do not.
    QTest::addRow("timestamp in the future")
        << rawRequest({ts, "X-Realtime-Signature: " + sig}, Body) << QStringList{u"--now"_s, QString::number(Stamp - 60)}
        << false << QStringList{u"timestamp_in_future"_s} << true << false << false << sigJson << QJsonValue(-60);
    QTest::addRow("expired") << rawRequest({ts, "X-Realtime-Signature: " + sig}, Body)
                             << QStringList{u"--now"_s, QString::number(Stamp + 1000)} << false
                             << QStringList{u"timestamp_expired"_s} << false << false << false << sigJson
                             << QJsonValue(1000);
    QTest::addRow("expired but --max-age off")
        << rawRequest({ts, "X-Realtime-Signature: " + sig}, Body)
        << QStringList{u"--now"_s, QString::number(Stamp + 1000), u"--max-age"_s, u"off"_s} << true << QStringList{}
        << true << true << true << sigJson << QJsonValue(1000);
    QTest::addRow("within a wider --max-age")
        << rawRequest({ts, "X-Realtime-Signature: " + sig}, Body)
        << QStringList{u"--now"_s, QString::number(Stamp + 1000), u"--max-age"_s, u"3600"_s} << true << QStringList{}
        << true << true << true << sigJson << QJsonValue(1000);
    QTest::addRow("missing signature header") << rawRequest({ts}, Body) << now10 << false
                                              << QStringList{u"missing_signature_header"_s} << false << false << false
                                              << QJsonValue(QJsonValue::Null) << QJsonValue(QJsonValue::Undefined);
    QTest::addRow("missing both headers")
        << rawRequest({}, Body) << now10 << false
        << QStringList{u"missing_signature_header"_s, u"missing_timestamp_header"_s} << false << false << false
        << QJsonValue(QJsonValue::Null) << QJsonValue(QJsonValue::Null);
    QTest::addRow("body re-serialized") << rawRequest({ts, "X-Realtime-Signature: " + sig},
                                                      "{\"event\": \"channel_occupied\", \"channel\": \"chat\"}")
                                        << now10 << false << QStringList{u"body_json_reserialized"_s} << false
                                        << false << false << sigJson << QJsonValue(10);
    const QByteArray otherSig = sign(Stamp, Body, "another-secret");
    QTest::addRow("wrong secret") << rawRequest({ts, "X-Realtime-Signature: " + otherSig}, Body) << now10 << false
                                  << QStringList{u"signature_mismatch"_s} << false << false << false
                                  << QJsonValue(QString::fromLatin1(otherSig)) << QJsonValue(10);
}

void TestCtlVerify::verifyWebhook_requestFile_verdict()
{
    QFETCH(QByteArray, request);
    QFETCH(QStringList, extraArgs);
    QFETCH(bool, valid);
    QFETCH(QStringList, causes);
    QFETCH(bool, python);
    QFETCH(bool, node);
    QFETCH(bool, go);
    QFETCH(QJsonValue, providedSignature);
    QFETCH(QJsonValue, age);

    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(request);
    file.close();
    const CtlTest::Run r = CtlTest::run(QStringList{u"verify"_s, u"webhook"_s, u"--webhook-secret"_s,
                                                    QString::fromLatin1(WebhookSecret), u"--request-file"_s,
                                                    file.fileName(), u"--json"_s}
                                        + extraArgs);
    QVERIFY(r.finished);
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.exitCode, valid ? 0 : 1);

    const QJsonObject json = CtlTest::jsonObject(r.out);
    QCOMPARE(json[u"valid"].toBool(), valid);
    const QStringList got = stringList(json[u"causes"]);
    for (const QString &cause : causes)
        QVERIFY2(got.contains(cause), qPrintable(got.join(u',')));
    if (valid)
        QCOMPARE(got, QStringList());
    const QJsonObject sdk = json[u"sdk"].toObject();
    QCOMPARE(sdk[u"python"].toBool(), python);
    QCOMPARE(sdk[u"node"].toBool(), node);
    QCOMPARE(sdk[u"go"].toBool(), go);
    QCOMPARE(json[u"provided_signature"], providedSignature);
    if (!age.isUndefined()) // undefined: the contract leaves it open
        QCOMPARE(json[u"age_seconds"], age);
    if (!request.contains("imestamp: ")) { // no timestamp: nothing to sign with
        QVERIFY(json[u"timestamp"].isNull());
        QVERIFY(json[u"expected_signature"].isNull());
    } else {
        QCOMPARE(json[u"timestamp"].toString(), QString::number(Stamp));
        // What was signed is what follows the blank line.
        const qsizetype crlf = request.indexOf("\r\n\r\n");
        const QByteArray body = crlf >= 0 ? request.mid(crlf + 4) : request.mid(request.indexOf("\n\n") + 2);
        QCOMPARE(json[u"expected_signature"].toString().toUtf8(), sign(Stamp, body));
    }
    QCOMPARE(json[u"messages"].toArray().size(), got.size());
}

void TestCtlVerify::verifyWebhook_json_membersInContractOrder()
{
    const CtlTest::Run r = CtlTest::run({u"verify"_s, u"webhook"_s, u"--webhook-secret"_s, u"w"_s, u"--header"_s,
                                         u"X-Realtime-Timestamp: 5"_s, u"--header"_s, u"X-Realtime-Signature: 00"_s,
                                         u"--body"_s, u"{}"_s, u"--now"_s, u"5"_s, u"--json"_s});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(CtlTest::membersInOrder(r.out, {"valid", "causes", "expected_signature", "provided_signature",
                                             "timestamp", "age_seconds", "sdk", "python", "node", "go"}),
             r.out.constData());
    QVERIFY(r.out.startsWith("{\"valid\": false, "));
    QVERIFY(r.out.endsWith("}\n"));
    QCOMPARE(r.out.count('\n'), 1);
}

void TestCtlVerify::verifyWebhook_human_listsCausesSignaturesAndSdks()
{
    const QByteArray sig = sign(Stamp);
    const CtlTest::Run r = CtlTest::run({u"verify"_s, u"webhook"_s, u"--webhook-secret"_s,
                                         QString::fromLatin1(WebhookSecret), u"--header"_s,
                                         u"X-Realtime-Timestamp: "_s + QString::number(Stamp), u"--header"_s,
                                         u"X-Realtime-Signature: "_s + QString::fromLatin1(sig.toUpper()),
                                         u"--body="_s + QString::fromUtf8(Body), u"--now"_s,
                                         QString::number(Stamp + 3)});
    QCOMPARE(r.exitCode, 1);
    const QList<QByteArray> lines = r.out.split('\n');
    QCOMPARE(lines.first(), "invalid"_ba);
    QVERIFY2(lines.at(1).startsWith("  - ") && lines.at(1).endsWith(" [signature_uppercase]"), r.out.constData());
    QVERIFY(lines.contains("expected signature: " + sig));
    QVERIFY(lines.contains("provided signature: " + sig.toUpper()));
    QVERIFY(lines.contains("timestamp: " + QByteArray::number(Stamp) + " (age 3 s)"));
    QVERIFY2(lines.contains("sdk: python rejects, node accepts, go accepts"), r.out.constData());
}

void TestCtlVerify::verifyWebhook_headersAndBody_valid()
{
    const CtlTest::Run r = CtlTest::run({u"verify"_s, u"webhook"_s, u"--webhook-secret"_s,
                                         QString::fromLatin1(WebhookSecret), u"--header"_s,
                                         u"X-Realtime-Timestamp: "_s + QString::number(Stamp), u"--header"_s,
                                         u"X-Realtime-Signature: "_s + QString::fromLatin1(sign(Stamp)),
                                         u"--body="_s + QString::fromUtf8(Body), u"--now"_s,
                                         QString::number(Stamp + 1)});
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("valid\n"));
    QVERIFY(r.out.contains("\nsdk: python accepts, node accepts, go accepts\n"));
}

void TestCtlVerify::verifyWebhook_requestFromStdin_valid()
{
    const QByteArray request = rawRequest(
        {"X-Realtime-Timestamp: " + QByteArray::number(Stamp), "X-Realtime-Signature: " + sign(Stamp)}, Body);
    const CtlTest::Run r = CtlTest::run({u"verify"_s, u"webhook"_s, u"--webhook-secret"_s,
                                         QString::fromLatin1(WebhookSecret), u"--request-file"_s, u"-"_s,
                                         u"--now"_s, QString::number(Stamp + 1), u"--json"_s},
                                        request);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(CtlTest::jsonObject(r.out)[u"valid"].toBool(), true);
}

void TestCtlVerify::verifyWebhook_secretFallback_usedWithoutWebhookSecret()
{
    QProcessEnvironment env = CtlTest::cleanEnvironment();
    env.insert(u"APINATOR_SECRET"_s, QString::fromLatin1(WebhookSecret));
    const CtlTest::Run r = CtlTest::run({u"verify"_s, u"webhook"_s, u"--header"_s,
                                         u"X-Realtime-Timestamp: "_s + QString::number(Stamp), u"--header"_s,
                                         u"X-Realtime-Signature: "_s + QString::fromLatin1(sign(Stamp)),
                                         u"--body="_s + QString::fromUtf8(Body), u"--now"_s,
                                         QString::number(Stamp + 1)},
                                        {}, env);
    QCOMPARE(r.exitCode, 0);
}

void TestCtlVerify::verifyWebhook_malformedRequestFile_exit2()
{
    // A header line without a colon: the parser refuses, which is an input error, not a verdict.
    const CtlTest::Run r = CtlTest::run({u"verify"_s, u"webhook"_s, u"--webhook-secret"_s, u"w"_s,
                                         u"--request-file"_s, u"-"_s},
                                        "POST / HTTP/1.1\r\nthis is not a header\r\n\r\n{}");
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith("apinatorctl: --request-file: ") && CtlTest::isOneErrorLine(r.err), r.err.constData());
}

void TestCtlVerify::verifyChannel_verdict_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("cause");
    QTest::addColumn<QString>("expectedAuth");

    const QJsonArray cases = TestData::conformanceCases(u"channel-auth.v1.json"_s);
    const QJsonObject priv = cases.at(0).toObject();
    const QJsonObject pres = cases.at(1).toObject();
    const QStringList privBase{u"--key"_s, priv[u"key"].toString(), u"--secret"_s, priv[u"secret"].toString(),
                               u"--socket-id"_s, priv[u"socket_id"].toString(), u"--channel"_s,
                               priv[u"channel_name"].toString()};
    const QStringList presBase{u"--key"_s, pres[u"key"].toString(), u"--secret"_s, pres[u"secret"].toString(),
                               u"--socket-id"_s, pres[u"socket_id"].toString(), u"--channel"_s,
                               pres[u"channel_name"].toString()};
    const QString privAuth = priv[u"expected_auth"].toString();
    const QString presAuth = pres[u"expected_auth"].toString();
    const QString presData = pres[u"channel_data"].toString();
    const auto response = [](const QString &auth, const QString &data = {}) -> QString {
        QJsonObject o{{u"auth"_s, auth}};
        if (!data.isEmpty())
            o.insert(u"channel_data"_s, data);
        return u"--response="_s + QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    };

    QTest::addRow("private token valid") << privBase + QStringList{u"--auth"_s, privAuth} << true << QString()
                                         << privAuth;
    QTest::addRow("private response valid") << privBase + QStringList{response(privAuth)} << true << QString()
                                            << privAuth;
    QTest::addRow("presence response valid, data from response")
        << presBase + QStringList{response(presAuth, presData)} << true << QString() << presAuth;
    QTest::addRow("presence token valid with --channel-data")
        << presBase + QStringList{u"--channel-data="_s + presData, u"--auth"_s, presAuth} << true << QString()
        << presAuth;

    QString wrongSig = privAuth;
    wrongSig[wrongSig.size() - 1] = wrongSig.endsWith(u'0') ? u'1' : u'0';
    QTest::addRow("wrong signature") << privBase + QStringList{u"--auth"_s, wrongSig} << false
                                     << u"signature_mismatch"_s << privAuth;
    QTest::addRow("other key") << privBase + QStringList{u"--auth"_s, u"other_key:"_s + privAuth.section(u':', 1)}
                               << false << u"key_mismatch"_s << privAuth;
    QTest::addRow("no colon") << privBase + QStringList{u"--auth"_s, u"garbage"_s} << false << u"malformed_auth"_s
                              << privAuth;
    QTest::addRow("response not JSON") << privBase + QStringList{u"--response"_s, u"auth=abc"_s} << false
                                       << u"response_not_json"_s << QString();
    QTest::addRow("response without auth") << privBase + QStringList{u"--response={\"token\":\"x\"}"_s} << false
                                           << u"missing_auth_field"_s << QString();
    QTest::addRow("presence without channel data") << presBase + QStringList{response(presAuth)} << false
                                                   << u"missing_channel_data"_s << QString();
    // Signed over the text given, answered with that text re-serialized.
    const QString signedData = u"{\"user_id\": \"u-1\"}"_s;
    const QString signedAuth = pres[u"key"].toString() + u':'
        + QString::fromLatin1(CtlTest::hmacHex(pres[u"secret"].toString().toUtf8(),
                                               (pres[u"socket_id"].toString() + u':' + pres[u"channel_name"].toString()
                                                + u':' + signedData)
                                                   .toUtf8()));
    QTest::addRow("presence data re-serialized")
        << presBase + QStringList{u"--channel-data="_s + signedData, response(signedAuth, u"{\"user_id\":\"u-1\"}"_s)}
        << false << u"channel_data_reserialized"_s << QString();
    QTest::addRow("private channel with channel data")
        << privBase + QStringList{u"--channel-data={\"user_id\":\"u\"}"_s, u"--auth"_s, privAuth} << false
        << u"unexpected_channel_data"_s << QString();
    QTest::addRow("bad socket id") << QStringList{u"--key"_s, u"k"_s, u"--secret"_s, u"s"_s, u"--socket-id"_s,
                                                  u"nope"_s, u"--channel"_s, u"private-a"_s, u"--auth"_s, u"k:00"_s}
                                   << false << u"invalid_socket_id"_s << QString();
}

void TestCtlVerify::verifyChannel_verdict()
{
    QFETCH(QStringList, args);
    QFETCH(bool, valid);
    QFETCH(QString, cause);
    QFETCH(QString, expectedAuth);

    const CtlTest::Run r = CtlTest::run(QStringList{u"verify"_s, u"channel"_s, u"--json"_s} + args);
    QVERIFY(r.finished);
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.exitCode, valid ? 0 : 1);
    QVERIFY2(CtlTest::membersInOrder(r.out, {"valid", "causes", "expected_auth"}), r.out.constData());
    const QJsonObject json = CtlTest::jsonObject(r.out);
    QCOMPARE(json[u"valid"].toBool(), valid);
    const QStringList causes = stringList(json[u"causes"]);
    if (valid)
        QCOMPARE(causes, QStringList());
    else
        QVERIFY2(causes.contains(cause), qPrintable(causes.join(u',')));
    if (!expectedAuth.isEmpty())
        QCOMPARE(json[u"expected_auth"].toString(), expectedAuth);
}

void TestCtlVerify::verifyChannel_human_firstLineIsVerdict()
{
    const QJsonObject priv = TestData::conformanceCases(u"channel-auth.v1.json"_s).at(0).toObject();
    const QStringList base{u"verify"_s, u"channel"_s, u"--key"_s, priv[u"key"].toString(), u"--secret"_s,
                           priv[u"secret"].toString(), u"--socket-id"_s, priv[u"socket_id"].toString(),
                           u"--channel"_s, priv[u"channel_name"].toString()};
    const CtlTest::Run ok = CtlTest::run(base + QStringList{u"--auth"_s, priv[u"expected_auth"].toString()});
    QCOMPARE(ok.exitCode, 0);
    QVERIFY(ok.out.startsWith("valid\n"));
    QVERIFY(ok.out.contains(QByteArray("expected auth: " + priv[u"expected_auth"].toString().toUtf8() + '\n')));

    const CtlTest::Run bad = CtlTest::run(base + QStringList{u"--auth"_s, u"app_key_1:00"_s});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(bad.out.startsWith("invalid\n  - "));
    QVERIFY(bad.out.contains("provided auth: app_key_1:00\n"));
}

QTEST_GUILESS_MAIN(TestCtlVerify)
#include "tst_ctl_verify.moc"
