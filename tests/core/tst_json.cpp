// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/json.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Apinator;
using namespace Qt::StringLiterals;

class TestJson final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quote_likeJsonStringify_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::addRow("plain") << "hi"_ba << "\"hi\""_ba;
        QTest::addRow("empty") << QByteArray() << "\"\""_ba;
        QTest::addRow("json-text") << "{\"text\":\"hi\"}"_ba << "\"{\\\"text\\\":\\\"hi\\\"}\""_ba;
        QTest::addRow("backslash") << "a\\b"_ba << "\"a\\\\b\""_ba;
        QTest::addRow("slash-kept") << "a/b"_ba << "\"a/b\""_ba;
        QTest::addRow("controls") << "\n\r\t\b\f"_ba << "\"\\n\\r\\t\\b\\f\""_ba;
        QTest::addRow("other-control") << QByteArray("\x01\x1f", 2) << "\"\\u0001\\u001f\""_ba;
        QTest::addRow("nul") << QByteArray("a\0b", 3) << "\"a\\u0000b\""_ba;
        QTest::addRow("utf8-kept") << "caf\xc3\xa9 \xf0\x9f\x9a\x80"_ba << "\"caf\xc3\xa9 \xf0\x9f\x9a\x80\""_ba;
        QTest::addRow("del-kept") << "\x7f"_ba << "\"\x7f\""_ba;
    }
    void quote_likeJsonStringify()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(Json::quote(input), expected);
        // Whatever we write, a JSON parser reads back the same text.
        const QJsonDocument doc = QJsonDocument::fromJson("[" + expected + "]");
        QCOMPARE(doc.array().first().toString().toUtf8(), input);
    }

    // The fast paths skip eight plain bytes at a time: put the byte that matters at
    // every position of runs longer than a word.
    void quote_escapeAtEveryPosition()
    {
        const QList<QPair<char, QByteArray>> escapes = {
            {'"', "\\\""_ba}, {'\\', "\\\\"_ba}, {'\n', "\\n"_ba}, {'\x01', "\\u0001"_ba}};
        for (int len = 1; len <= 40; ++len) {
            for (int pos = 0; pos < len; ++pos) {
                for (const auto &[c, escaped] : escapes) {
                    QByteArray text(len, 'a');
                    text[pos] = c;
                    const QByteArray expected = '"' + text.first(pos) + escaped + text.sliced(pos + 1) + '"';
                    QCOMPARE(Json::quote(text), expected);
                }
            }
        }
    }

    void utf8_badByteAtEveryPosition()
    {
        for (int len = 1; len <= 40; ++len) {
            for (int pos = 0; pos < len; ++pos) {
                QByteArray text(len, 'a');
                QVERIFY(Json::isValidUtf8(text));
                text[pos] = '\xff';
                QVERIFY2(!Json::isValidUtf8(text), qPrintable(QString::number(pos)));
                text[pos] = '\xc3'; // a lead byte: valid only with its continuation
                QCOMPARE(Json::isValidUtf8(QByteArray(text + "\xa9")), pos == len - 1);
            }
        }
    }

    void utf8Validation_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");
        QTest::addRow("ascii") << "hello"_ba << true;
        QTest::addRow("two-byte") << "\xc3\xa9"_ba << true;
        QTest::addRow("four-byte") << "\xf0\x9f\x9a\x80"_ba << true;
        QTest::addRow("lone-continuation") << "\x80"_ba << false;
        QTest::addRow("truncated") << "\xe2\x82"_ba << false;
        QTest::addRow("overlong-slash") << "\xc0\xaf"_ba << false;
        QTest::addRow("surrogate") << "\xed\xa0\x80"_ba << false;
        QTest::addRow("past-10ffff") << "\xf4\x90\x80\x80"_ba << false;
        QTest::addRow("latin1") << "caf\xe9"_ba << false;
    }
    void utf8Validation()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);
        QCOMPARE(Json::isValidUtf8(bytes), valid);
    }
};

QTEST_GUILESS_MAIN(TestJson)
#include "tst_json.moc"
