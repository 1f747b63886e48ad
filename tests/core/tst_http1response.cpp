// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// Http1Response::parse: the lean engine's response reader, on bytes as they arrive.
#include <apinator/http1response.h>

#include <QTest>

using namespace Qt::StringLiterals;
using Apinator::Http1Response;
using Outcome = Http1Response::Outcome;

namespace {

const QByteArray Ok = "HTTP/1.1 200 OK\r\nDate: Sat, 28 Nov 2026 08:00:00 GMT\r\n"
                      "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
const QByteArray Problem = "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/problem+json\r\n"
                           "Content-Length: 27\r\n\r\n{\"detail\":\"bad signature\"}\n";

} // namespace

class TestHttp1Response final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_completeResponse_givesStatusBodyAndLength_data();
    void parse_completeResponse_givesStatusBodyAndLength();
    void parse_everyPrefix_isIncompleteUntilTheLastByte();
    void parse_severalResponsesInOneRead_takesThemInTurn();
    void parse_malformed_saysWhat_data();
    void parse_malformed_saysWhat();
    void parse_connectionClose_isReported_data();
    void parse_connectionClose_isReported();
    void parse_headBeyondLimit_isMalformedNotIncomplete();
};

void TestHttp1Response::parse_completeResponse_givesStatusBodyAndLength_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<QByteArray>("body");

    QTest::addRow("200 with a body") << Ok << 200 << "OK"_ba << "{}"_ba;
    QTest::addRow("401 problem") << Problem << 401 << "Unauthorized"_ba << "{\"detail\":\"bad signature\"}\n"_ba;
    QTest::addRow("no reason phrase") << "HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n"_ba << 200 << ""_ba << ""_ba;
    QTest::addRow("empty reason phrase") << "HTTP/1.1 500 \r\nContent-Length: 1\r\n\r\nx"_ba << 500 << ""_ba << "x"_ba;
    QTest::addRow("204 ignores a stray length") << "HTTP/1.1 204 No Content\r\nContent-Length: 9\r\n\r\n"_ba << 204
                                                << "No Content"_ba << ""_ba;
    QTest::addRow("100 Continue is a whole response") << "HTTP/1.1 100 Continue\r\n\r\n"_ba << 100 << "Continue"_ba
                                                      << ""_ba;
    QTest::addRow("header names in any case, spaces around values")
        << "HTTP/1.1 200 OK\r\ncontent-LENGTH:   3  \r\n\r\nabc"_ba << 200 << "OK"_ba << "abc"_ba;
    QTest::addRow("same length twice") << "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nz"_ba << 200
                                       << "OK"_ba << "z"_ba;
}

void TestHttp1Response::parse_completeResponse_givesStatusBodyAndLength()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    QFETCH(QByteArray, reason);
    QFETCH(QByteArray, body);
    const Http1Response r = Http1Response::parse(bytes);
    QVERIFY2(r.outcome == Outcome::Complete, qPrintable(r.error));
    QCOMPARE(r.status, status);
    QCOMPARE(r.reason.toByteArray(), reason);
    QCOMPARE(r.body.toByteArray(), body);
    QCOMPARE(r.length, bytes.size());
    QVERIFY(!r.close);
}

void TestHttp1Response::parse_everyPrefix_isIncompleteUntilTheLastByte()
{
    // Reads split anywhere: in the status line, a header, the blank line, the body.
    for (const QByteArray &bytes : {Ok, Problem}) {
        for (qsizetype n = 0; n < bytes.size(); ++n) {
            const Http1Response r = Http1Response::parse(bytes.first(n));
            QVERIFY2(r.outcome == Outcome::Incomplete, qPrintable(u"prefix of %1 bytes: "_s.arg(n) + r.error));
        }
        QCOMPARE(Http1Response::parse(bytes).outcome, Outcome::Complete);
    }
}

void TestHttp1Response::parse_severalResponsesInOneRead_takesThemInTurn()
{
    const QByteArray partOfThird = Ok.first(20);
    const QByteArray bytes = Ok + Problem + partOfThird;
    QByteArrayView rest = bytes;

    const Http1Response first = Http1Response::parse(rest);
    QCOMPARE(first.outcome, Outcome::Complete);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.length, Ok.size());
    rest = rest.sliced(first.length);

    const Http1Response second = Http1Response::parse(rest);
    QCOMPARE(second.outcome, Outcome::Complete);
    QCOMPARE(second.status, 401);
    QCOMPARE(second.body.toByteArray(), "{\"detail\":\"bad signature\"}\n"_ba);
    rest = rest.sliced(second.length);

    QCOMPARE(rest.toByteArray(), partOfThird);
    QCOMPARE(Http1Response::parse(rest).outcome, Outcome::Incomplete);
}

void TestHttp1Response::parse_malformed_saysWhat_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("mentions");

    QTest::addRow("not HTTP at all") << "SSH-2.0-OpenSSH_9.2\r\n"_ba << u"not HTTP/1.x"_s;
    QTest::addRow("not HTTP, seen from the first bytes") << "<ht"_ba << u"not HTTP/1.x"_s;
    QTest::addRow("HTTP/2 status line") << "HTTP/2 200\r\n\r\n"_ba << u"not HTTP/1.x"_s;
    QTest::addRow("status not three digits") << "HTTP/1.1 2000 OK\r\nContent-Length: 0\r\n\r\n"_ba
                                             << u"malformed status line"_s;
    QTest::addRow("status letters") << "HTTP/1.1 abc OK\r\nContent-Length: 0\r\n\r\n"_ba << u"malformed status line"_s;
    QTest::addRow("no space after version") << "HTTP/1.1200 OK\r\n\r\n"_ba << u"malformed status line"_s;
    QTest::addRow("unknown minor version") << "HTTP/1.2 200 OK\r\n\r\n"_ba << u"malformed status line"_s;
    QTest::addRow("header without colon") << "HTTP/1.1 200 OK\r\nContent-Length 2\r\n\r\n{}"_ba
                                          << u"malformed header line"_s;
    QTest::addRow("obsolete line folding") << "HTTP/1.1 200 OK\r\nX-A: 1\r\n  2\r\nContent-Length: 0\r\n\r\n"_ba
                                           << u"malformed header line"_s;
    QTest::addRow("chunked body") << "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"_ba
                                  << u"chunked"_s;
    QTest::addRow("no Content-Length") << "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nhello"_ba
                                       << u"no Content-Length"_s;
    QTest::addRow("negative length") << "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n"_ba << u"Content-Length"_s;
    QTest::addRow("conflicting lengths") << "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab"_ba
                                         << u"conflicting"_s;
    QTest::addRow("body over the limit") << "HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\n\r\n"_ba
                                         << u"exceeds"_s;
}

void TestHttp1Response::parse_malformed_saysWhat()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, mentions);
    const Http1Response r = Http1Response::parse(bytes);
    QCOMPARE(r.outcome, Outcome::Malformed);
    QVERIFY2(r.error.contains(mentions), qPrintable(r.error));
}

void TestHttp1Response::parse_connectionClose_isReported_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("close");

    QTest::addRow("HTTP/1.1 default: kept alive") << "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"_ba << false;
    QTest::addRow("Connection: close") << "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"_ba
                                       << true;
    QTest::addRow("close among other tokens") << "HTTP/1.1 200 OK\r\nconnection: Upgrade, Close\r\nContent-Length: 0\r\n\r\n"_ba
                                              << true;
    QTest::addRow("HTTP/1.0 default: closed") << "HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n"_ba << true;
    QTest::addRow("HTTP/1.0 keep-alive") << "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n"_ba
                                         << false;
}

void TestHttp1Response::parse_connectionClose_isReported()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, close);
    const Http1Response r = Http1Response::parse(bytes);
    QVERIFY2(r.outcome == Outcome::Complete, qPrintable(r.error));
    QCOMPARE(r.close, close);
}

void TestHttp1Response::parse_headBeyondLimit_isMalformedNotIncomplete()
{
    // An endless header must not make the client wait and buffer for ever.
    const QByteArray endless = "HTTP/1.1 200 OK\r\nX-Filler: " + QByteArray(300, 'a');
    QCOMPARE(Http1Response::parse(endless, 256).outcome, Outcome::Malformed);
    QCOMPARE(Http1Response::parse(endless, 4096).outcome, Outcome::Incomplete);
    const QByteArray longStatus = "HTTP/1.1 200 " + QByteArray(300, 'b');
    QCOMPARE(Http1Response::parse(longStatus, 256).outcome, Outcome::Malformed);
}

QTEST_GUILESS_MAIN(TestHttp1Response)
#include "tst_http1response.moc"
