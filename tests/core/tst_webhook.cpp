// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/webhook.h>

#include <QJsonObject>
#include <QTest>

#include "bytes.h"
#include "testdata.h"

using namespace Apinator;
using namespace Qt::StringLiterals;

namespace {
const QByteArray Secret = "webhook-secret-1"_ba;
const QByteArray Body = R"({"event":"channel_occupied","channel":"chat"})"_ba;
const QByteArray GoodSig = "96f105a746abcc4bcf70c7a73ef99fb3b3f1cc196d88948b83e93a885b355695"_ba;
constexpr qint64 Ts = 1700000000;

QStringList codes(const CauseList &causes)
{
    QStringList out;
    for (const Cause &c : causes)
        out << c.code;
    return out;
}

HeaderList headers(const QByteArray &ts, const QByteArray &sig)
{
    return {{"X-Realtime-Timestamp"_ba, ts}, {"X-Realtime-Signature"_ba, sig}};
}
} // namespace

class TestWebhook final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void conformanceVectors_data()
    {
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QByteArray>("timestamp");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("expected");
        for (const QJsonValue &v : TestData::conformanceCases(u"webhook-signature.v1.json"_s)) {
            const QJsonObject c = v.toObject();
            QTest::addRow("%s", qPrintable(c.value("name"_L1).toString()))
                << c.value("secret"_L1).toString().toUtf8() << c.value("timestamp"_L1).toString().toUtf8()
                << c.value("body"_L1).toString().toUtf8() << c.value("expected_signature"_L1).toString().toUtf8();
        }
    }
    void conformanceVectors()
    {
        QFETCH(QByteArray, secret);
        QFETCH(QByteArray, timestamp);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, expected);
        QCOMPARE(signWebhook(secret, timestamp, body), expected);
        const WebhookVerdict v = verifyWebhook(headers(timestamp, expected), body, secret,
                                               {DefaultWebhookMaxAgeSeconds, timestamp.toLongLong() + 10});
        QVERIFY2(v.valid, qPrintable(codes(v.causes).join(u',')));
        QCOMPARE(v.expectedSignature, expected);
        QCOMPARE(webhookSignedPayload(timestamp, body), timestamp + '.' + body);
    }

    void mebibyteBody_matchesReference()
    {
        const QByteArray body = TestData::mebibyteBody();
        QCOMPARE(signWebhook("whsec", "1700000000", body),
                 "63ee43fc31865f046a47f8401670c303271e39c67dfd4086118a9b131c196095"_ba);
    }

    // Each row: what the console says, and what each official SDK would answer.
    void verdicts_data()
    {
        QTest::addColumn<HeaderList>("hdrs");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<qint64>("maxAge"); // -1: off
        QTest::addColumn<qint64>("now");
        QTest::addColumn<QStringList>("causes");
        QTest::addColumn<bool>("python");
        QTest::addColumn<bool>("node");
        QTest::addColumn<bool>("go");

        const QByteArray ts = QByteArray::number(Ts);
        QTest::addRow("valid") << headers(ts, GoodSig) << Body << 300LL << Ts + 5 << QStringList{} << true << true << true;
        QTest::addRow("header-names-any-case")
            << HeaderList{{"x-realtime-timestamp"_ba, ts}, {"X-REALTIME-SIGNATURE"_ba, GoodSig}} << Body << 300LL << Ts
            << QStringList{} << true << true << true;
        QTest::addRow("sha256-prefix") << headers(ts, "sha256=" + GoodSig) << Body << 300LL << Ts << QStringList{}
                                       << true << true << true;
        QTest::addRow("uppercase") << headers(ts, GoodSig.toUpper()) << Body << 300LL << Ts
                                   << QStringList{u"signature_uppercase"_s} << false << true << true;
        QTest::addRow("not-hex") << headers(ts, "zz" + GoodSig.sliced(2)) << Body << 300LL << Ts
                                 << QStringList{u"signature_not_hex"_s} << false << false << false;
        QTest::addRow("body-changed") << headers(ts, GoodSig) << Body + '\n' << 300LL << Ts
                                      << QStringList{u"signature_mismatch"_s} << false << false << false;
        QTest::addRow("expired") << headers(ts, GoodSig) << Body << 300LL << Ts + 301
                                 << QStringList{u"timestamp_expired"_s} << false << false << false;
        QTest::addRow("exactly-max-age") << headers(ts, GoodSig) << Body << 300LL << Ts + 300 << QStringList{}
                                         << true << true << true;
        QTest::addRow("future") << headers(ts, GoodSig) << Body << 300LL << Ts - 20
                                << QStringList{u"timestamp_in_future"_s} << true << false << false;
        QTest::addRow("max-age-0-same-second") << headers(ts, GoodSig) << Body << 0LL << Ts << QStringList{}
                                               << true << true << true;
        QTest::addRow("max-age-0-one-second-old") << headers(ts, GoodSig) << Body << 0LL << Ts + 1
                                                  << QStringList{u"timestamp_expired"_s} << false << false << true;
        QTest::addRow("max-age-0-future") << headers(ts, GoodSig) << Body << 0LL << Ts - 1
                                          << QStringList{u"timestamp_in_future"_s} << true << false << true;
        QTest::addRow("max-age-off-old") << headers(ts, GoodSig) << Body << -1LL << Ts + 100000 << QStringList{}
                                         << true << true << true;
        const QByteArray oddTs = "17e8"_ba;
        QTest::addRow("not-numeric") << headers(oddTs, signWebhook(Secret, oddTs, Body)) << Body << 300LL << Ts
                                     << QStringList{u"timestamp_not_numeric"_s} << false << false << false;
        QTest::addRow("not-numeric-max-age-off") << headers(oddTs, signWebhook(Secret, oddTs, Body)) << Body << -1LL
                                                 << Ts << QStringList{} << true << true << true;
        QTest::addRow("no-signature") << HeaderList{{"X-Realtime-Timestamp"_ba, ts}} << Body << 300LL << Ts
                                      << QStringList{u"missing_signature_header"_s} << false << false << false;
        QTest::addRow("no-timestamp") << HeaderList{{"X-Realtime-Signature"_ba, GoodSig}} << Body << 300LL << Ts
                                      << QStringList{u"missing_timestamp_header"_s} << false << false << false;
        QTest::addRow("no-headers") << HeaderList{} << Body << 300LL << Ts
                                    << QStringList{u"missing_signature_header"_s, u"missing_timestamp_header"_s} << false
                                    << false << false;
        QTest::addRow("uppercase-and-expired") << headers(ts, GoodSig.toUpper()) << Body << 300LL << Ts + 1000
                                               << QStringList{u"signature_uppercase"_s, u"timestamp_expired"_s}
                                               << false << false << false;
    }
    void verdicts()
    {
        QFETCH(HeaderList, hdrs);
        QFETCH(QByteArray, body);
        QFETCH(qint64, maxAge);
        QFETCH(qint64, now);
        QFETCH(QStringList, causes);
        QFETCH(bool, python);
        QFETCH(bool, node);
        QFETCH(bool, go);
        WebhookVerifyOptions options;
        options.maxAgeSeconds = maxAge < 0 ? std::nullopt : std::optional(maxAge);
        options.nowSeconds = now;
        const WebhookVerdict v = verifyWebhook(hdrs, body, Secret, options);
        QCOMPARE(codes(v.causes), causes);
        QCOMPARE(v.sdk.python, python);
        QCOMPARE(v.sdk.node, node);
        QCOMPARE(v.sdk.go, go);
        QCOMPARE(v.valid, causes.isEmpty());
        for (const Cause &c : v.causes)
            QVERIFY(!c.message.contains(QString::fromUtf8(Secret)));
    }

    void prefix_isStrippedAndNoted()
    {
        const WebhookVerdict v = verifyWebhook(headers("1700000000", "sha256=" + GoodSig), Body, Secret, {300, Ts});
        QCOMPARE(v.providedSignature, GoodSig);
        QCOMPARE(codes(v.notes), QStringList{u"signature_prefixed"_s});
    }

    void age_isReported()
    {
        const WebhookVerdict v = verifyWebhook(headers("1700000000", GoodSig), Body, Secret, {300, Ts + 42});
        QCOMPARE(v.ageSeconds, 42);
        QCOMPARE(v.timestamp, "1700000000"_ba);
    }

    void expiredMessage_saysByHowMuch()
    {
        const WebhookVerdict v = verifyWebhook(headers("1700000000", GoodSig), Body, Secret, {300, Ts + 400});
        QCOMPARE(v.causes.size(), 1);
        QVERIFY2(v.causes[0].message.contains(u"400 seconds old"_s), qPrintable(v.causes[0].message));
        QVERIFY2(v.causes[0].message.contains(u"100 seconds past"_s), qPrintable(v.causes[0].message));
    }
};

QTEST_GUILESS_MAIN(TestWebhook)
#include "tst_webhook.moc"
