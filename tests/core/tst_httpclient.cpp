// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/httpclient.h>

#include "bytes.h"
#include "rawhttpserver.h"
#include "rawhttpservertls.h"

#include <QSignalSpy>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace Apinator;
using namespace Qt::StringLiterals;
using TestSupport::CapturedRequest;
using TestSupport::RawHttpServer;
using TestSupport::ScriptedResponse;

namespace {

using TestSupport::closedPort;

ScriptedResponse hang(const CapturedRequest &)
{
    return {{}, true, false};
}

QByteArray hostLine(const RawHttpServer &server)
{
    return "Host: 127.0.0.1:" + QByteArray::number(server.port()) + "\r\n";
}

} // namespace

class TestHttpClient final : public QObject
{
    Q_OBJECT

    std::unique_ptr<RawHttpServer> server;
    std::unique_ptr<HttpClient> client;

    HttpRequest request(const QByteArray &method, const QByteArray &target, QByteArray body = {},
                        HeaderList headers = {})
    {
        HttpRequest r;
        r.method = method;
        r.url = server->baseUrl() + target;
        r.body = std::move(body);
        r.headers = std::move(headers);
        r.timeoutMs = 10000;
        return r;
    }

    // Sends and waits for finished(); the caller checks isFinished().
    std::unique_ptr<HttpReply> sendAndWait(HttpRequest r, int waitMs = 10000)
    {
        std::unique_ptr<HttpReply> reply(client->send(std::move(r)));
        QSignalSpy finished(reply.get(), &HttpReply::finished);
        finished.wait(waitMs);
        return reply;
    }

private Q_SLOTS:
    void init()
    {
        server = std::make_unique<RawHttpServer>();
        QVERIFY(server->listen());
        client = std::make_unique<HttpClient>();
    }

    void cleanup()
    {
        client.reset();
        server.reset();
    }

    void get_sendsOnlyOurHeadersInOrder()
    {
        const HeaderList headers = {{"X-First", "1"}, {"x-second", "two words"}, {"X-Empty", ""},
                                    {"Accept", "application/json"}};
        auto reply = sendAndWait(request("GET", "/apps/1/channels?filter_by_prefix=private-", {}, headers));
        QVERIFY(reply->isFinished());
        QCOMPARE(reply->response().error, QString());
        QCOMPARE(server->requests().size(), 1);
        const QByteArray expected = "GET /apps/1/channels?filter_by_prefix=private- HTTP/1.1\r\n" + hostLine(*server)
            + "X-First: 1\r\nx-second: two words\r\nX-Empty:\r\nAccept: application/json\r\n\r\n";
        QCOMPARE(server->requests().first().raw, expected);
    }

    void post_sendsBodyByteForByte_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("withContentType");
        QTest::addRow("json") << "{\"name\":\"greet\",\"data\":\"{\\\"t\\\":1}\",\"channel\":\"chat\"}"_ba << true;
        QTest::addRow("empty body") << QByteArray() << true;
        QTest::addRow("utf-8") << u"{\"data\":\"h\u00e9llo \u2603 \U0001F600\"}"_s.toUtf8() << true;
        QTest::addRow("binary with NUL and CRLFCRLF") << QByteArray("\0\r\n\r\n\xff\xfe\x80 tail", 13) << true;
        QTest::addRow("one MiB, no content type") << TestData::mebibyteBody() << false;
    }

    void post_sendsBodyByteForByte()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, withContentType);
        HeaderList headers = {{"X-Order", "1"}};
        if (withContentType)
            headers.append({"Content-Type"_ba, "application/json"_ba});
        auto reply = sendAndWait(request("POST", "/apps/1/events", body, headers));
        QVERIFY(reply->isFinished());
        QCOMPARE(reply->response().status, 200);
        QCOMPARE(server->requests().size(), 1);
        const CapturedRequest &got = server->requests().first();
        QByteArray head = "POST /apps/1/events HTTP/1.1\r\n" + hostLine(*server) + "X-Order: 1\r\n";
        if (withContentType)
            head += "Content-Type: application/json\r\n";
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
        QCOMPARE(got.raw.left(head.size()), head);
        QVERIFY(got.body == body); // QCOMPARE would print a MiB on failure
        QCOMPARE(got.raw.size(), head.size() + body.size());
    }

    void methods_useTheGivenVerb_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("body");
        QTest::addRow("PUT with body") << "PUT"_ba << "{}"_ba;
        QTest::addRow("PATCH with body") << "PATCH"_ba << "{\"a\":1}"_ba;
        QTest::addRow("DELETE without body") << "DELETE"_ba << QByteArray();
        QTest::addRow("OPTIONS without body") << "OPTIONS"_ba << QByteArray();
    }

    void methods_useTheGivenVerb()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, body);
        auto reply = sendAndWait(request(method, "/x", body));
        QVERIFY(reply->isFinished());
        QCOMPARE(reply->response().status, 200);
        const CapturedRequest &got = server->requests().first();
        QCOMPARE(got.method, method);
        QCOMPARE(got.body, body);
        QCOMPARE(got.header("Content-Type"), QByteArray()); // none of curl's own
        QCOMPARE(got.header("Content-Length").isNull(), body.isEmpty());
    }

    void head_returnsHeadersWithoutBody()
    {
        server->setResponder([](const CapturedRequest &) {
            return ScriptedResponse{"HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n", false, false};
        });
        auto reply = sendAndWait(request("HEAD", "/x"));
        QVERIFY(reply->isFinished());
        QCOMPARE(reply->response().status, 200);
        QCOMPARE(server->requests().first().raw, "HEAD /x HTTP/1.1\r\n" + hostLine(*server) + "\r\n");
        QVERIFY(reply->response().body.isEmpty());
    }

    void response_keepsStatusReasonHeadersInOrderAndBody()
    {
        server->setResponder([](const CapturedRequest &) {
            return ScriptedResponse{RawHttpServer::response(422, "Unprocessable Entity",
                                                            {{"Content-Type", "application/problem+json"},
                                                             {"Set-Cookie", "a=1"},
                                                             {"set-cookie", "b=2"},
                                                             {"X-Spaces", "  padded value  "}},
                                                            R"({"detail":"bad"})"),
                                    false, false};
        });
        auto reply = sendAndWait(request("GET", "/"));
        QVERIFY(reply->isFinished());
        const HttpResponse &r = reply->response();
        QCOMPARE(r.status, 422);
        QCOMPARE(r.reasonPhrase, "Unprocessable Entity"_ba);
        QCOMPARE(r.httpVersion, "HTTP/1.1"_ba);
        const HeaderList expected = {{"Content-Type", "application/problem+json"}, {"Set-Cookie", "a=1"},
                                     {"set-cookie", "b=2"}, {"X-Spaces", "padded value"}, {"Content-Length", "16"}};
        QCOMPARE(r.headers, expected);
        QCOMPARE(r.body, R"({"detail":"bad"})"_ba);
        QCOMPARE(r.error, QString());
        QCOMPARE(r.curlCode, 0);
        QCOMPARE(r.primaryIp, "127.0.0.1"_ba);
        QCOMPARE(r.primaryPort, int(server->port()));
    }

    void interimResponse_headersAreThoseOfTheFinalOne()
    {
        server->setResponder([](const CapturedRequest &) {
            return ScriptedResponse{"HTTP/1.1 100 Continue\r\nX-Interim: yes\r\n\r\n"
                                        + RawHttpServer::response(201, "Created", {{"X-Final", "yes"}}, "done"),
                                    false, false};
        });
        auto reply = sendAndWait(request("POST", "/", "{}"));
        QVERIFY(reply->isFinished());
        QCOMPARE(reply->response().status, 201);
        QCOMPARE(reply->response().reasonPhrase, "Created"_ba);
        const HeaderList expected = {{"X-Final", "yes"}, {"Content-Length", "4"}};
        QCOMPARE(reply->response().headers, expected);
        QCOMPARE(reply->response().body, "done"_ba);
    }

    void chunkedResponse_isReassembled()
    {
        server->setResponder([](const CapturedRequest &) {
            return ScriptedResponse{RawHttpServer::chunkedResponse(200, "OK", {"{\"channels\":", "[]", "}"}), false,
                                    false};
        });
        auto reply = sendAndWait(request("GET", "/"));
        QVERIFY(reply->isFinished());
        QCOMPARE(reply->response().status, 200);
        QCOMPARE(reply->response().body, "{\"channels\":[]}"_ba);
    }

    void sequentialRequests_reuseOneConnection()
    {
        auto first = sendAndWait(request("GET", "/one"));
        QVERIFY(first->isFinished());
        auto second = sendAndWait(request("POST", "/two", "{}"));
        QVERIFY(second->isFinished());
        QCOMPARE(second->response().status, 200);
        QCOMPARE(server->connectionCount(), 1);
        QCOMPARE(server->requests().size(), 2);
        QCOMPARE(server->requests().at(1).connection, 0);
        QVERIFY(!first->response().connectionReused);
        QVERIFY(second->response().connectionReused);
    }

    void concurrentRequests_allComplete()
    {
        constexpr int Count = 16;
        std::vector<std::unique_ptr<HttpReply>> replies;
        int finished = 0;
        for (int i = 0; i < Count; ++i) {
            replies.emplace_back(client->send(request("POST", "/n/" + QByteArray::number(i), QByteArray::number(i))));
            connect(replies.back().get(), &HttpReply::finished, this, [&finished] { ++finished; });
        }
        QCOMPARE(client->inFlight(), Count);
        QTRY_COMPARE_WITH_TIMEOUT(finished, Count, 10000);
        QCOMPARE(client->inFlight(), 0);
        for (const auto &reply : replies)
            QCOMPARE(reply->response().status, 200);
        QCOMPARE(server->requests().size(), Count);
        QCOMPARE(server->connectionCount(), Count); // in parallel, not one after the other
        QSet<QByteArray> bodies;
        for (const CapturedRequest &r : server->requests())
            bodies.insert(r.body);
        QCOMPARE(bodies.size(), Count);
    }

    void maxConnectionsPerHost_capsParallelConnections()
    {
        client->setMaxConnectionsPerHost(2);
        std::vector<std::unique_ptr<HttpReply>> replies;
        int finished = 0;
        for (int i = 0; i < 8; ++i) {
            replies.emplace_back(client->send(request("GET", "/" + QByteArray::number(i))));
            connect(replies.back().get(), &HttpReply::finished, this, [&finished] { ++finished; });
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished, 8, 10000);
        for (const auto &reply : replies)
            QCOMPARE(reply->response().status, 200);
        QCOMPARE(server->connectionCount(), 2);
    }

    void connectionRefused_statusZeroAndSaysRefused()
    {
        HttpRequest r;
        r.url = "http://127.0.0.1:" + QByteArray::number(closedPort()) + "/";
        auto reply = sendAndWait(r);
        QVERIFY(reply->isFinished());
        const HttpResponse &response = reply->response();
        QCOMPARE(response.status, 0);
        QVERIFY2(response.error.contains(u"connection refused"_s), qPrintable(response.error));
        QVERIFY2(response.error.contains(u"127.0.0.1:"_s), qPrintable(response.error));
        QVERIFY(response.curlCode != 0);
        QVERIFY(!response.timedOut);
        QVERIFY(!response.connectionReused);
    }

    void serverNeverAnswers_timesOut()
    {
        server->setResponder(&hang);
        HttpRequest r = request("GET", "/slow");
        r.timeoutMs = 300;
        auto reply = sendAndWait(r, 5000);
        QVERIFY(reply->isFinished());
        const HttpResponse &response = reply->response();
        QCOMPARE(response.status, 0);
        QVERIFY(response.timedOut);
        QCOMPARE(response.error,
                 u"timed out after 300 ms waiting for a response from 127.0.0.1:"_s + QString::number(server->port()));
        QVERIFY(response.timings.total >= 300);
    }

    void serverClosesWithoutAnswer_saysSo()
    {
        server->setResponder([](const CapturedRequest &) { return ScriptedResponse{{}, false, true}; });
        auto reply = sendAndWait(request("GET", "/"));
        QVERIFY(reply->isFinished());
        QCOMPARE(reply->response().status, 0);
        QVERIFY2(reply->response().error.contains(u"closed the connection"_s), qPrintable(reply->response().error));
    }

    void abort_finishesOnceAsCancelled()
    {
        server->setResponder(&hang);
        std::unique_ptr<HttpReply> reply(client->send(request("GET", "/")));
        QSignalSpy finished(reply.get(), &HttpReply::finished);
        QSignalSpy received(server.get(), &RawHttpServer::requestReceived);
        QVERIFY(received.wait(5000));
        reply->abort();
        QCOMPARE(finished.size(), 1);
        QVERIFY(reply->isFinished());
        QVERIFY(reply->response().cancelled);
        QCOMPARE(reply->response().status, 0);
        reply->abort(); // a second abort is a no-op
        QTest::qWait(50);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(client->inFlight(), 0);
    }

    void deleteReplyInFlight_cancelsAndClosesConnection()
    {
        server->setResponder(&hang);
        auto *reply = client->send(request("GET", "/"));
        QSignalSpy finished(reply, &HttpReply::finished);
        QSignalSpy received(server.get(), &RawHttpServer::requestReceived);
        QVERIFY(received.wait(5000));
        QSignalSpy closed(server.get(), &RawHttpServer::connectionClosed);
        delete reply;
        QCOMPARE(client->inFlight(), 0);
        QVERIFY(closed.wait(5000)); // the half-done connection is not kept
        QCOMPARE(finished.size(), 0);
        // The client still works afterwards.
        server->setResponder([](const CapturedRequest &) {
            return ScriptedResponse{RawHttpServer::response(200, "OK", {}, "again"), false, false};
        });
        auto next = sendAndWait(request("GET", "/"));
        QCOMPARE(next->response().body, "again"_ba);
    }

    void destroyClientInFlight_repliesFinishCancelled()
    {
        server->setResponder(&hang);
        std::unique_ptr<HttpReply> a(client->send(request("GET", "/a")));
        std::unique_ptr<HttpReply> b(client->send(request("POST", "/b", "{}")));
        QSignalSpy finishedA(a.get(), &HttpReply::finished);
        QSignalSpy finishedB(b.get(), &HttpReply::finished);
        QTRY_COMPARE_WITH_TIMEOUT(server->requests().size(), 2, 5000);
        client.reset();
        QVERIFY(finishedA.wait(5000));
        QTRY_COMPARE(finishedB.size(), 1);
        QVERIFY(a->response().cancelled);
        QVERIFY(b->response().cancelled);
        a->abort(); // the client is gone: a no-op, not a crash
        QTRY_COMPARE_WITH_TIMEOUT(server->openConnections(), 0, 5000);
    }

    void destroyClientInsideFinishedHandler_isSafe()
    {
        server->setResponder([](const CapturedRequest &got) {
            if (got.target == "/slow")
                return ScriptedResponse{{}, true, false};
            return ScriptedResponse{RawHttpServer::response(200, "OK"), false, false};
        });
        std::unique_ptr<HttpReply> slow(client->send(request("GET", "/slow")));
        std::unique_ptr<HttpReply> fast(client->send(request("GET", "/fast")));
        QSignalSpy slowFinished(slow.get(), &HttpReply::finished);
        connect(fast.get(), &HttpReply::finished, this, [this] { client.reset(); });
        QVERIFY(slowFinished.wait(5000));
        QVERIFY(!client);
        QCOMPARE(fast->response().status, 200);
        QVERIFY(slow->response().cancelled);
    }

    void timings_nonNegativeAndOrdered()
    {
        auto reply = sendAndWait(request("POST", "/t", QByteArray(64 * 1024, 'x')));
        QVERIFY(reply->isFinished());
        const HttpTimings &t = reply->response().timings;
        QVERIFY(t.dns >= 0);
        QVERIFY(t.connect >= t.dns);
        QCOMPARE(t.tls, -1.0); // plain http: no TLS phase
        QVERIFY(t.firstByte >= t.connect);
        QVERIFY(t.total >= t.firstByte);
        QVERIFY(t.total > 0);
    }

    void responseLargerThanLimit_stopsWithClearError_data()
    {
        QTest::addColumn<bool>("chunked");
        QTest::addRow("announced by Content-Length") << false;
        QTest::addRow("chunked, length unknown") << true;
    }

    void responseLargerThanLimit_stopsWithClearError()
    {
        QFETCH(bool, chunked);
        client->setMaxResponseBodyBytes(1024);
        server->setResponder([chunked](const CapturedRequest &) {
            const QByteArray part(700, 'z');
            return ScriptedResponse{chunked ? RawHttpServer::chunkedResponse(200, "OK", {part, part})
                                            : RawHttpServer::response(200, "OK", {}, QByteArray(part + part)),
                                    false, false};
        });
        auto reply = sendAndWait(request("GET", "/big"));
        QVERIFY(reply->isFinished());
        QCOMPARE(reply->response().status, 0);
        QVERIFY2(reply->response().error.contains(u"larger than the 1024 bytes limit"_s),
                 qPrintable(reply->response().error));
        QVERIFY(reply->response().body.size() <= 1024);
    }

    void defaultResponseLimit_is64MiB()
    {
        QCOMPARE(client->maxResponseBodyBytes(), qint64(64) * 1024 * 1024);
    }

    void https_toPlainServer_reportsCurlsTlsMessage()
    {
        server->setGreeting("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        HttpRequest r;
        r.url = "https://127.0.0.1:" + QByteArray::number(server->port()) + "/";
        auto reply = sendAndWait(r);
        QVERIFY(reply->isFinished());
        const HttpResponse &response = reply->response();
        QCOMPARE(response.status, 0);
        QVERIFY2(response.error.startsWith(u"TLS error with 127.0.0.1:"_s), qPrintable(response.error));
        // libcurl's own detail follows, as precise as OpenSSL put it.
        QVERIFY2(response.error.contains(u"SSL"_s, Qt::CaseInsensitive), qPrintable(response.error));
    }

    void https_selfSignedCertificate_isRejectedWithCurlsMessage()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend here");
        QSslServer tlsServer;
        tlsServer.setSslConfiguration(TestSupport::selfSignedServerConfiguration());
        QVERIFY(tlsServer.listen(QHostAddress::LocalHost, 0));
        HttpRequest r;
        r.url = "https://127.0.0.1:" + QByteArray::number(tlsServer.serverPort()) + "/";
        auto reply = sendAndWait(r);
        QVERIFY(reply->isFinished());
        const HttpResponse &response = reply->response();
        QCOMPARE(response.status, 0);
        QVERIFY2(response.error.startsWith(u"TLS error with 127.0.0.1:"_s), qPrintable(response.error));
        // Verification stays on: libcurl names the certificate problem.
        QVERIFY2(response.error.contains(u"SSL certificate problem"_s), qPrintable(response.error));
    }

    void badRequest_failsWithoutConnecting_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("url");
        QTest::addColumn<QByteArray>("headerName");
        QTest::addColumn<QByteArray>("headerValue");
        QTest::addColumn<QString>("errorContains");
        QTest::addRow("line break in a value") << "GET"_ba << QByteArray() << "X-A"_ba << "1\r\nX-Injected: 1"_ba
                                               << u"line break"_s;
        QTest::addRow("space in a name") << "GET"_ba << QByteArray() << "X A"_ba << "1"_ba << u"header name"_s;
        QTest::addRow("space in the method") << "GE T"_ba << QByteArray() << "X-A"_ba << "1"_ba << u"method"_s;
        QTest::addRow("ftp scheme") << "GET"_ba << "ftp://127.0.0.1/"_ba << "X-A"_ba << "1"_ba << u"scheme"_s;
    }

    void badRequest_failsWithoutConnecting()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, url);
        QFETCH(QByteArray, headerName);
        QFETCH(QByteArray, headerValue);
        QFETCH(QString, errorContains);
        HttpRequest r = request(method, "/", {}, {{headerName, headerValue}});
        if (!url.isEmpty())
            r.url = url;
        std::unique_ptr<HttpReply> reply(client->send(r));
        QSignalSpy finished(reply.get(), &HttpReply::finished);
        QCOMPARE(finished.size(), 0); // never from inside send()
        QVERIFY(finished.wait(5000));
        QCOMPARE(reply->response().status, 0);
        QVERIFY2(reply->response().error.contains(errorContains), qPrintable(reply->response().error));
        QTest::qWait(50);
        QCOMPARE(server->connectionCount(), 0);
    }

    void deleteReplyInFinishedHandler_isSafe()
    {
        HttpReply *reply = client->send(request("GET", "/"));
        bool handled = false;
        connect(reply, &HttpReply::finished, this, [reply, &handled] {
            handled = true;
            delete reply;
        });
        QTRY_VERIFY_WITH_TIMEOUT(handled, 5000);
        QCOMPARE(client->inFlight(), 0);
    }

    void curlVersion_namesLibcurl()
    {
        QVERIFY(HttpClient::curlVersion().startsWith(u"libcurl/"_s));
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
