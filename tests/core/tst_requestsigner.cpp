// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/requestsigner.h>

#include <QJsonObject>
#include <QTest>

#include "bytes.h"
#include "testdata.h"

using namespace Apinator;

class TestRequestSigner final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void conformanceVectors_data()
    {
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<qint64>("timestamp");
        QTest::addColumn<QByteArray>("expected");
        for (const QJsonValue &v : TestData::conformanceCases(QStringLiteral("hmac-request.v1.json"))) {
            const QJsonObject c = v.toObject();
            // Sign the raw path (with its query) where the vector has one: the query must not count.
            const QString target = c.value(QLatin1String("raw_path")).toString(c.value(QLatin1String("path")).toString());
            QTest::addRow("%s", qPrintable(c.value(QLatin1String("name")).toString()))
                << c.value(QLatin1String("secret")).toString().toUtf8()
                << c.value(QLatin1String("method")).toString().toUtf8() << target.toUtf8()
                << c.value(QLatin1String("body")).toString().toUtf8()
                << qint64(c.value(QLatin1String("timestamp")).toInteger())
                << c.value(QLatin1String("expected_signature")).toString().toUtf8();
        }
    }
    void conformanceVectors()
    {
        QFETCH(QByteArray, secret);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, body);
        QFETCH(qint64, timestamp);
        QFETCH(QByteArray, expected);
        const RequestSigner signer("app_key", secret);
        QCOMPARE(signer.sign(method, target, body, timestamp).signature, expected);
    }

    void emptyBody_signsEmptyStringNotMd5OfNothing()
    {
        const RequestSignature sig = RequestSigner("k", "s").sign("GET", "/apps/1/channels", {}, 1700000100);
        QCOMPARE(sig.bodyMd5, QByteArray());
        QCOMPARE(sig.stringToSign, QByteArray("1700000100\nGET\n/apps/1/channels\n"));
    }

    void stringToSign_hasFourLines()
    {
        const RequestSignature sig = RequestSigner("k", "s").sign("post", "/apps/1/events", "hello", 1700000000);
        QCOMPARE(sig.method, QByteArray("POST"));
        QCOMPARE(sig.stringToSign, QByteArray("1700000000\nPOST\n/apps/1/events\n5d41402abc4b2a76b9719d911017c592"));
    }

    void queryAndFragment_areNotSigned_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addRow("query") << QByteArray("/apps/1/channels?filter_by_prefix=private-");
        QTest::addRow("empty-query") << QByteArray("/apps/1/channels?");
        QTest::addRow("fragment") << QByteArray("/apps/1/channels#x");
        QTest::addRow("query-and-fragment") << QByteArray("/apps/1/channels?a=b#x");
    }
    void queryAndFragment_areNotSigned()
    {
        QFETCH(QByteArray, target);
        const RequestSigner signer("k", "s");
        const RequestSignature sig = signer.sign("GET", target, {}, 1);
        QCOMPARE(sig.path, QByteArray("/apps/1/channels"));
        QCOMPARE(sig.signature, signer.sign("GET", "/apps/1/channels", {}, 1).signature);
    }

    void mebibyteBody_matchesReference()
    {
        const RequestSignature sig = RequestSigner("k", "sec").sign("POST", "/apps/1/events", TestData::mebibyteBody(), 1700000000);
        QCOMPARE(sig.bodyMd5, QByteArray("d8a469bb35fb5fad7156842ba2242434"));
        QCOMPARE(sig.signature, QByteArray("869252f094e3c15bce5a18d7a54110db682c5749e00f20256185d09ca01a284a"));
    }

    void headers_inProtocolOrder()
    {
        const RequestSignature sig = RequestSigner("app_key_1", "s").sign("GET", "/apps/1/channels", {}, 42);
        const HeaderList headers = sig.headers("app_key_1");
        QCOMPARE(headers.size(), 3);
        QCOMPARE(headers[0], qMakePair(QByteArray("X-Realtime-Key"), QByteArray("app_key_1")));
        QCOMPARE(headers[1], qMakePair(QByteArray("X-Realtime-Timestamp"), QByteArray("42")));
        QCOMPARE(headers[2], qMakePair(QByteArray("X-Realtime-Signature"), sig.signature));
    }
};

QTEST_GUILESS_MAIN(TestRequestSigner)
#include "tst_requestsigner.moc"
