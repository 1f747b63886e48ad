// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// Clients that send garbage, too much, too slowly or half a request: the sandbox
// answers them within its caps and keeps serving everyone else.
#include "sandboxtesting.h"

#include <apinator/sandboxserver.h>

#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Apinator;
using namespace SandboxTesting;

class TestSandboxMisbehaving final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        SandboxConfig config;
        config.requestTimeoutMs = 400;
        config.idleTimeoutMs = 600;
        config.maxHeaderBytes = 4096;
        m_server = startSandbox(config);
        QVERIFY(m_server);
    }
    void cleanup() { m_server.reset(); }

    void slowloris_isCutOffWith408_othersAreServedMeanwhile()
    {
        SandboxConfig config;
        config.requestTimeoutMs = 1500;
        auto server = startSandbox(config);
        QVERIFY(server);
        RawHttpClient slow;
        QVERIFY(slow.connectTo(server->port()));
        slow.send("POST /apps/local/events HTTP/1.1\r\nHost: x\r\n"_ba);
        // One header byte every 50 ms: never done, always almost.
        QTimer drip;
        connect(&drip, &QTimer::timeout, this, [&slow] {
            if (slow.isOpen())
                slow.send("X"_ba);
        });
        drip.start(50);
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(trigger(server->port(), {}, "e", "chat", "x").status, 200);
        // Served while the slow client was still being waited for.
        QVERIFY(clock.elapsed() < 1500);
        QVERIFY(slow.isOpen());
        const RawResponse cut = slow.readResponse(5000);
        QCOMPARE(cut.status, 408);
        QCOMPARE(cut.json().value("code"_L1).toString(), u"request_timeout"_s);
        QVERIFY(clock.elapsed() >= 1400);
        QVERIFY(slow.waitForClosed(3000));
    }

    void slowBody_isCutOffWith408()
    {
        RawHttpClient slow;
        QVERIFY(slow.connectTo(m_server->port()));
        const QByteArray request = signedRequest({}, "POST", "/apps/local/events", triggerBody("e", "c", "x"), nowSeconds());
        slow.send(request.first(request.size() - 5)); // the body stops short
        const RawResponse cut = slow.readResponse(3000);
        QCOMPARE(cut.status, 408);
        QVERIFY(slow.waitForClosed(3000));
    }

    void silentConnection_isClosedAfterIdleTimeout()
    {
        RawHttpClient idle;
        QVERIFY(idle.connectTo(m_server->port()));
        QVERIFY(idle.waitForClosed(3000));
        QCOMPARE(trigger(m_server->port(), {}, "e", "chat", "x").status, 200);
    }

    void hugeContentLength_gets413AtOnce_withoutTheBody()
    {
        RawHttpClient client;
        QVERIFY(client.connectTo(m_server->port()));
        // 100 MB announced, nothing sent: the answer must not wait for it.
        client.send("POST /apps/local/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    "Content-Length: 104857600\r\n\r\n"_ba);
        const RawResponse r = client.readResponse(2000);
        // Waiting for the body would have ended in a 408 after 400 ms.
        QCOMPARE(r.status, 413);
        QCOMPARE(r.json().value("code"_L1).toString(), u"payload_too_large"_s);
        QVERIFY(r.json().value("detail"_L1).toString().contains(u"104857600 bytes exceeds the limit of 1048576"_s));
        QVERIFY(client.waitForClosed(3000));
        QCOMPARE(trigger(m_server->port(), {}, "e", "chat", "x").status, 200);
    }

    void bodyPouringIn_past413_isDrainedSoTheAnswerArrives()
    {
        RawHttpClient client;
        QVERIFY(client.connectTo(m_server->port()));
        client.send("POST /apps/local/events HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\n"_ba);
        // The client keeps writing regardless; 8 MiB of it.
        const QByteArray chunk(1024 * 1024, 'a');
        for (int i = 0; i < 8; ++i)
            client.socket().write(chunk);
        const RawResponse r = client.readResponse(3000);
        QCOMPARE(r.status, 413);
        QVERIFY(client.waitForClosed(4000));
        QCOMPARE(trigger(m_server->port(), {}, "e", "chat", "x").status, 200);
    }

    void endlessHeader_gets431()
    {
        RawHttpClient client;
        QVERIFY(client.connectTo(m_server->port()));
        client.send("GET /apps/local/channels HTTP/1.1\r\nX-Endless: "_ba + QByteArray(8192, 'a'));
        const RawResponse r = client.readResponse(2000);
        QCOMPARE(r.status, 431);
        QCOMPARE(r.json().value("code"_L1).toString(), u"headers_too_large"_s);
        QVERIFY(client.waitForClosed(3000));
    }

    void tooManyHeaderFields_gets431()
    {
        QByteArray request = "GET /apps/local/channels HTTP/1.1\r\n"_ba;
        for (int i = 0; i < 120; ++i)
            request += "X-" + QByteArray::number(i) + ": 1\r\n";
        const RawResponse r = exchange(m_server->port(), request + "\r\n");
        QCOMPARE(r.status, 431);
    }

    void garbage_gets400_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("detailPart");
        QTest::addRow("binary") << "\x00\x01\x02\xff\xfe"_ba << u"not an HTTP request"_s;
        QTest::addRow("tls client hello") << "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"_ba << u"looks like TLS"_s;
        QTest::addRow("bad request line") << "HELLO\r\n"_ba << u"malformed request line"_s;
        QTest::addRow("absolute target") << "GET http://x/apps HTTP/1.1\r\n\r\n"_ba << u"starting with '/'"_s;
        QTest::addRow("bare LF") << "GET /apps/local/channels HTTP/1.1\nHost: x\n\n"_ba << u"CRLF"_s;
        QTest::addRow("header without colon") << "GET / HTTP/1.1\r\nHost x\r\n\r\n"_ba << u"malformed header line"_s;
        QTest::addRow("folded header") << "GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n"_ba << u"line folding"_s;
        QTest::addRow("bad content length") << "POST /apps/local/events HTTP/1.1\r\nContent-Length: 12a\r\n\r\n"_ba
                                            << u"Content-Length \"12a\""_s;
        QTest::addRow("conflicting lengths")
            << "POST /apps/local/events HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}"_ba
            << u"conflicting Content-Length"_s;
    }
    void garbage_gets400()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, detailPart);
        RawHttpClient client;
        QVERIFY(client.connectTo(m_server->port()));
        client.send(bytes);
        const RawResponse r = client.readResponse(2000);
        QCOMPARE(r.status, 400);
        QVERIFY2(r.json().value("detail"_L1).toString().contains(detailPart), r.body.constData());
        QVERIFY(client.waitForClosed(3000));
        QCOMPARE(trigger(m_server->port(), {}, "e", "chat", "x").status, 200);
    }

    void unsupportedVersion_gets505()
    {
        QCOMPARE(exchange(m_server->port(), "GET / HTTP/2.0\r\n\r\n"_ba).status, 505);
    }

    void chunkedBody_gets411()
    {
        const RawResponse r = exchange(m_server->port(),
                                       "POST /apps/local/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                                       "2\r\n{}\r\n0\r\n\r\n"_ba);
        QCOMPARE(r.status, 411);
        QCOMPARE(r.json().value("code"_L1).toString(), u"length_required"_s);
    }

    void truncatedRequest_thenHangUp_costsNothing()
    {
        for (int i = 0; i < 20; ++i) {
            RawHttpClient client;
            QVERIFY(client.connectTo(m_server->port()));
            client.send("POST /apps/local/events HTTP/1.1\r\nContent-Le"_ba);
            client.socket().abort();
        }
        QCOMPARE(trigger(m_server->port(), {}, "e", "chat", "x").status, 200);
    }

    void invalidUtf8Body_gets400WithOffset()
    {
        // "caf" then a broken two-byte sequence (moc in Qt 6.4 misreads some raw strings: plain literals here).
        const QByteArray body = "{\"name\":\"e\",\"channel\":\"chat\",\"data\":\"caf\xc3\x28\"}"_ba;
        const RawResponse r = exchange(m_server->port(), signedRequest({}, "POST", "/apps/local/events", body, nowSeconds()));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value("code"_L1).toString(), u"invalid_json"_s);
        const QString detail = r.json().value("detail"_L1).toString();
        QVERIFY2(detail.contains(u"not valid UTF-8: byte 0xc3 at offset 40"_s), qPrintable(detail));
    }

    void webSocketFrameNotJson_getsErrorOthersUnaffected()
    {
        WsTestClient rude, fine;
        QVERIFY(rude.open(m_server->websocketUrl(u"local-key"_s)));
        QVERIFY(fine.open(m_server->websocketUrl(u"local-key"_s)));
        QVERIFY(fine.subscribe(u"chat"_s));
        rude.sendText(u"\u0000{{{ not json"_s);
        const auto error = rude.waitFor(u"realtime:error"_s);
        QVERIFY(error);
        QCOMPARE(WsTestClient::data(*error).value("code"_L1).toInt(), 4300);
        QVERIFY(!rude.isClosed());
        QCOMPARE(trigger(m_server->port(), {}, "still", "chat", "here").status, 200);
        QVERIFY(fine.waitFor(u"still"_s, u"chat"_s));
    }

    void webSocketMessageOverCap_closesThatClientOnly()
    {
        SandboxConfig config;
        config.maxBodyBytes = 64 * 1024;
        auto server = startSandbox(config);
        QVERIFY(server);
        WsTestClient big, fine;
        QVERIFY(big.open(server->websocketUrl(u"local-key"_s)));
        QVERIFY(fine.open(server->websocketUrl(u"local-key"_s)));
        QVERIFY(fine.subscribe(u"chat"_s));
        big.sendText(QString(100 * 1024, u'x'));
        QTRY_VERIFY(big.isClosed());
        QVERIFY(!fine.isClosed());
        QCOMPARE(trigger(server->port(), {}, "still", "chat", "here").status, 200);
        QVERIFY(fine.waitFor(u"still"_s, u"chat"_s));
    }

    void webSocketUpgrade_elsewhere_gets404()
    {
        const RawResponse r = exchange(m_server->port(),
                                       "GET /socket HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                       "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"_ba);
        QCOMPARE(r.status, 404);
    }

    void connectionCap_refusesTheExtra()
    {
        SandboxConfig config;
        config.maxConnections = 3;
        auto server = startSandbox(config);
        QVERIFY(server);
        RawHttpClient c[3];
        for (RawHttpClient &client : c)
            QVERIFY(client.connectTo(server->port()));
        QTest::qWait(50);
        RawHttpClient extra;
        QVERIFY(extra.connectTo(server->port())); // the kernel accepts; the sandbox then closes it
        QVERIFY(extra.waitForClosed(2000));
        // A freed slot is taken again once the server has seen the close.
        c[0].socket().abort();
        QTRY_COMPARE(trigger(server->port(), {}, "e", "chat", "x").status, 200);
    }

private:
    std::unique_ptr<SandboxServer> m_server;
};

QTEST_GUILESS_MAIN(TestSandboxMisbehaving)
#include "tst_sandbox_misbehaving.moc"
