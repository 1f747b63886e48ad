// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/crypto.h>

#include <QTest>

#include "bytes.h"

using namespace Apinator;

class TestCrypto final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hmac_matchesReference_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("expected");
        // RFC 4231 test case 2.
        QTest::addRow("rfc4231-2") << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
                                   << QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        QTest::addRow("key-longer-than-block") << QByteArray(100, 'k') << QByteArray("hello")
                                               << QByteArray("3fd578d761a4f6703009e92d2e8a0aea22ab9ab50d4ad250dc95d8c369dec3f5");
        QTest::addRow("empty-key") << QByteArray() << QByteArray("hello")
                                   << QByteArray("4352b26e33fe0d769a8922a6ba29004109f01688e26acc9e6cb347e5a5afc4da");
    }
    void hmac_matchesReference()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, expected);
        QCOMPARE(Crypto::hmacSha256Hex(key, message), expected);
        // The keyed state is reused: a second message through the same instance is still right.
        Crypto::HmacSha256 hmac(key);
        hmac.hexDigest("something else");
        QCOMPARE(hmac.hexDigest(message), expected);
        QCOMPARE(Crypto::toHex(hmac.digest(message)), expected);
    }

    void hmac_partsEqualConcatenation()
    {
        Crypto::HmacSha256 hmac("secret");
        QCOMPARE(hmac.hexDigest({"1700000000", ".", "{}"}), hmac.hexDigest("1700000000.{}"));
    }

    void hmac_movedInstanceStillSigns()
    {
        Crypto::HmacSha256 a("Jefe");
        Crypto::HmacSha256 b(std::move(a));
        QCOMPARE(b.hexDigest("what do ya want for nothing?"),
                 QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }

    void md5_matchesReference()
    {
        QCOMPARE(Crypto::md5Hex("hello"), QByteArray("5d41402abc4b2a76b9719d911017c592"));
        QCOMPARE(Crypto::md5Hex(""), QByteArray("d41d8cd98f00b204e9800998ecf8427e"));
        QCOMPARE(Crypto::md5Hex(TestData::mebibyteBody()), QByteArray("d8a469bb35fb5fad7156842ba2242434"));
    }

    void hex_roundTripsEveryByte()
    {
        QByteArray all(256, Qt::Uninitialized);
        for (int i = 0; i < 256; ++i)
            all[i] = char(i);
        const QByteArray hex = Crypto::toHex(all);
        QCOMPARE(hex, all.toHex());
        bool ok = false;
        QCOMPARE(Crypto::fromHex(hex, &ok), all);
        QVERIFY(ok);
        QCOMPARE(Crypto::fromHex(hex.toUpper(), &ok), all);
        QVERIFY(ok);
    }

    void isHex_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("expected");
        QTest::addRow("lower") << QByteArray("0a1b") << true;
        QTest::addRow("upper") << QByteArray("0A1B") << true;
        QTest::addRow("empty") << QByteArray() << true;
        QTest::addRow("odd-length") << QByteArray("abc") << false;
        QTest::addRow("g") << QByteArray("0g") << false;
        QTest::addRow("space") << QByteArray("0a 1") << false;
    }
    void isHex()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, expected);
        QCOMPARE(Crypto::isHex(text), expected);
        bool ok = !expected;
        Crypto::fromHex(text, &ok);
        QCOMPARE(ok, expected);
    }

    void constantTimeEquals_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("expected");
        QTest::addRow("same") << QByteArray("abcdef") << QByteArray("abcdef") << true;
        QTest::addRow("last-byte") << QByteArray("abcdef") << QByteArray("abcdeg") << false;
        QTest::addRow("first-byte") << QByteArray("abcdef") << QByteArray("bbcdef") << false;
        QTest::addRow("prefix") << QByteArray("abc") << QByteArray("abcdef") << false;
        QTest::addRow("both-empty") << QByteArray() << QByteArray() << true;
        QTest::addRow("case") << QByteArray("ab") << QByteArray("AB") << false;
    }
    void constantTimeEquals()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, expected);
        QCOMPARE(Crypto::constantTimeEquals(a, b), expected);
        QCOMPARE(Crypto::constantTimeEquals(b, a), expected);
    }
};

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
