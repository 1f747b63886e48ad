// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/rawhttp.h>
#include <apinator/webhook.h>

#include <QTest>

using namespace Apinator;
using namespace Qt::StringLiterals;

class TestRawHttp final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_lineEndings_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("body");
        QTest::addRow("crlf-with-request-line")
            << "POST /hooks HTTP/1.1\r\nHost: x\r\nX-Realtime-Timestamp: 1700000000\r\n\r\n{\"a\":1}"_ba << "POST"_ba
            << "{\"a\":1}"_ba;
        QTest::addRow("lf-without-request-line") << "Host: x\nX-Realtime-Timestamp: 1700000000\n\n{\"a\":1}"_ba
                                                 << QByteArray() << "{\"a\":1}"_ba;
        QTest::addRow("body-keeps-crlf-and-trailing-newline")
            << "POST / HTTP/1.1\r\nX-Realtime-Timestamp: 1700000000\r\n\r\n{\r\n\"a\":1}\n"_ba << "POST"_ba
            << "{\r\n\"a\":1}\n"_ba;
        QTest::addRow("leading-blank-lines") << "\n\nX-Realtime-Timestamp: 1700000000\n\n{}"_ba << QByteArray() << "{}"_ba;
        QTest::addRow("headers-only") << "X-Realtime-Timestamp: 1700000000"_ba << QByteArray() << QByteArray();
    }
    void parse_lineEndings()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, body);
        const RawHttpRequest r = parseRawHttpRequest(text);
        QCOMPARE(r.error, QString());
        QCOMPARE(r.method, method);
        QCOMPARE(r.body, body);
        QCOMPARE(headerValue(r.headers, "x-realtime-timestamp"), "1700000000"_ba);
    }

    void parse_headerValuesTrimmedAndOrdered()
    {
        const RawHttpRequest r = parseRawHttpRequest("A:   1  \r\nB:2\r\nA: 3\r\n\r\n"_ba);
        QCOMPARE(r.headers.size(), 3);
        QCOMPARE(r.headers[0], qMakePair("A"_ba, "1"_ba));
        QCOMPARE(r.headers[2], qMakePair("A"_ba, "3"_ba));
    }

    void parse_badLine_namesIt()
    {
        const RawHttpRequest r = parseRawHttpRequest("X-Realtime-Timestamp: 1\nthis is not a header\n\n{}"_ba);
        QVERIFY2(r.error.contains(u"line 2"_s), qPrintable(r.error));
    }

    void parse_empty_isAnError()
    {
        QVERIFY(!parseRawHttpRequest(QByteArray()).error.isEmpty());
    }

    void headerLine_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::addRow("simple") << "X-A: b"_ba << true << "X-A"_ba << "b"_ba;
        QTest::addRow("colon-in-value") << "Host: a:80"_ba << true << "Host"_ba << "a:80"_ba;
        QTest::addRow("no-colon") << "X-A b"_ba << false << QByteArray() << QByteArray();
        QTest::addRow("no-name") << ": b"_ba << false << QByteArray() << QByteArray();
        QTest::addRow("space-in-name") << "X A: b"_ba << false << QByteArray() << QByteArray();
    }
    void headerLine()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, ok);
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        QByteArray n, v;
        QCOMPARE(parseHeaderLine(line, &n, &v), ok);
        if (ok) {
            QCOMPARE(n, name);
            QCOMPARE(v, value);
        }
    }
};

QTEST_GUILESS_MAIN(TestRawHttp)
#include "tst_rawhttp.moc"
