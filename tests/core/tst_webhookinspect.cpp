// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// inspectWebhook: every cause built from the real mistake (the body actually re-encoded,
// the API secret actually used, a newline actually appended), and pastes of any shape.
#include <apinator/webhookinspect.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringEncoder>
#include <QTest>

#include "bytes.h"

using namespace Apinator;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Apinator::HeaderList)

namespace {
const QByteArray WebhookSecret = "webhook-secret-1"_ba;
const QByteArray ApiSecret = "test-secret-1"_ba;
const QByteArray StagingWebhookSecret = "staging-webhook-secret"_ba;
const QByteArray Body = R"({"event":"member_added","channel":"presence-lobby","user_id":"u-1"})"_ba;
constexpr qint64 Now = 1700000000;
const QByteArray NowText = QByteArray::number(Now);

QStringList codes(const CauseList &causes)
{
    QStringList out;
    for (const Cause &c : causes)
        out << c.code;
    return out;
}

HeaderList signedHeaders(const QByteArray &secret, const QByteArray &ts, const QByteArray &body)
{
    return {{"Content-Type"_ba, "application/json"_ba},
            {"X-Realtime-Timestamp"_ba, ts},
            {"X-Realtime-Signature"_ba, signWebhook(secret, ts, body)}};
}

WebhookInspectInput input(const HeaderList &headers, const QByteArray &body)
{
    WebhookInspectInput in;
    in.headers = headers;
    in.body = body;
    in.secret = WebhookSecret;
    in.candidates = {{WebhookCandidateSecret::Kind::ApiSecret, {}, ApiSecret},
                     {WebhookCandidateSecret::Kind::OtherProfileSecret, u"Staging"_s, "staging-secret"_ba},
                     {WebhookCandidateSecret::Kind::OtherProfileWebhookSecret, u"Staging"_s, StagingWebhookSecret}};
    in.options.nowSeconds = Now;
    return in;
}

HeaderList renamed(HeaderList headers, const QByteArray &from, const QByteArray &to)
{
    for (auto &h : headers)
        if (h.first == from)
            h.first = to;
    return headers;
}

HeaderList withSignature(HeaderList headers, const QByteArray &value)
{
    for (auto &h : headers)
        if (h.first == "X-Realtime-Signature")
            h.second = value;
    return headers;
}
} // namespace

class TestWebhookInspect final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void causes_data()
    {
        QTest::addColumn<HeaderList>("headers");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("causes");
        QTest::addColumn<QString>("messageMentions");
        QTest::addColumn<bool>("valid");

        const HeaderList good = signedHeaders(WebhookSecret, NowText, Body);
        QTest::newRow("signed right: valid") << good << Body << QStringList{} << QString() << true;
        QTest::newRow("signature header dropped") << HeaderList{good[0], good[1]} << Body
                                                  << QStringList{u"missing_signature_header"_s} << u"X-Realtime-Signature"_s
                                                  << false;
        QTest::newRow("timestamp header dropped") << HeaderList{good[0], good[2]} << Body
                                                  << QStringList{u"missing_timestamp_header"_s} << u"Timestamp"_s << false;
        QTest::newRow("near name: X-Pusher-Signature")
            << renamed(good, "X-Realtime-Signature", "X-Pusher-Signature") << Body
            << QStringList{u"near_header_name"_s} << u"X-Pusher-Signature"_s << false;
        QTest::newRow("near name: typo Signiture")
            << renamed(good, "X-Realtime-Signature", "X-Realtime-Signiture") << Body
            << QStringList{u"near_header_name"_s} << u"X-Realtime-Signiture"_s << false;
        QTest::newRow("near name: bare Signature") << renamed(good, "X-Realtime-Signature", "Signature") << Body
                                                   << QStringList{u"near_header_name"_s} << u"\"Signature\""_s << false;
        QTest::newRow("near name: underscores (nginx)")
            << renamed(good, "X-Realtime-Timestamp", "X_Realtime_Timestamp") << Body
            << QStringList{u"near_header_name"_s} << u"nginx"_s << false;
        QTest::newRow("sha256= prefix: accepted") << withSignature(good, "sha256=" + good[2].second) << Body
                                                  << QStringList{} << QString() << true;
        QTest::newRow("signature not hex") << withSignature(good, "not-a-signature") << Body
                                           << QStringList{u"signature_not_hex"_s} << u"not-a-signature"_s << false;
        QTest::newRow("signature uppercase: Python rejects")
            << withSignature(good, good[2].second.toUpper()) << Body << QStringList{u"signature_uppercase"_s}
            << u"Python"_s << false;
        QTest::newRow("timestamp not numeric") << signedHeaders(WebhookSecret, "yesterday", Body) << Body
                                               << QStringList{u"timestamp_not_numeric"_s} << u"yesterday"_s << false;
        QTest::newRow("timestamp too old by 100 s")
            << signedHeaders(WebhookSecret, QByteArray::number(Now - 400), Body) << Body
            << QStringList{u"timestamp_expired"_s} << u"100 seconds past"_s << false;
        QTest::newRow("timestamp 60 s in the future: clock skew")
            << signedHeaders(WebhookSecret, QByteArray::number(Now + 60), Body) << Body
            << QStringList{u"timestamp_in_future"_s} << u"60 seconds in the future"_s << false;
        QTest::newRow("signed with the API secret") << signedHeaders(ApiSecret, NowText, Body) << Body
                                                    << QStringList{u"signed_with_api_secret"_s} << u"API secret"_s
                                                    << false;
        QTest::newRow("signed with another profile's webhook secret")
            << signedHeaders(StagingWebhookSecret, NowText, Body) << Body
            << QStringList{u"secret_of_other_profile"_s} << u"\"Staging\""_s << false;
        // A proxy or `curl --data-binary @file` adds the file's final newline.
        QTest::newRow("trailing newline added") << good << Body + "\n" << QStringList{u"body_trailing_newline_added"_s}
                                                << u"added"_s << false;
        QTest::newRow("trailing CRLF added") << good << Body + "\r\n" << QStringList{u"body_trailing_newline_added"_s}
                                             << u"CRLF"_s << false;
        // The sender signed a body ending in a newline; a framework trimmed it.
        const QByteArray withNewline = Body + "\n";
        QTest::newRow("trailing newline removed") << signedHeaders(WebhookSecret, NowText, withNewline) << Body
                                                  << QStringList{u"body_trailing_newline_removed"_s} << u"lost"_s << false;
        // Pretty JSON signed with LF, delivered through something that writes CRLF.
        const QByteArray pretty = QJsonDocument::fromJson(Body).toJson(QJsonDocument::Indented);
        QByteArray prettyCrlf = pretty;
        prettyCrlf.replace("\n", "\r\n");
        QTest::newRow("LF converted to CRLF") << signedHeaders(WebhookSecret, NowText, pretty) << prettyCrlf
                                              << QStringList{u"body_crlf_converted"_s} << u"arrived with CRLF"_s << false;
        QTest::newRow("CRLF converted to LF") << signedHeaders(WebhookSecret, NowText, prettyCrlf) << pretty
                                              << QStringList{u"body_crlf_converted"_s} << u"arrived with LF"_s << false;
        // A framework parsed the body and encoded it again: Qt sorts the keys.
        const QByteArray qtCompact = QJsonDocument::fromJson(Body).toJson(QJsonDocument::Compact);
        QTest::newRow("JSON re-encoded compact, keys sorted by the parser")
            << good << qtCompact << QStringList{u"body_json_reserialized"_s} << u"event, channel, user_id"_s << false;
        QTest::newRow("JSON re-encoded indented with a final newline")
            << good << pretty << QStringList{u"body_json_reserialized"_s} << u"compact"_s << false;
        const QByteArray pythonDumps = R"({"event": "member_added", "channel": "presence-lobby", "user_id": "u-1"})"_ba;
        QTest::newRow("JSON re-encoded by Python's json.dumps")
            << good << pythonDumps << QStringList{u"body_json_reserialized"_s} << u"keys in the order received"_s
            << false;
        QTest::newRow("signed spaced, received compact")
            << signedHeaders(WebhookSecret, NowText, pythonDumps) << Body << QStringList{u"body_json_reserialized"_s}
            << u"json.dumps"_s << false;
        QStringEncoder withBom(QStringEncoder::Utf8, QStringEncoder::Flag::WriteBom);
        const QByteArray bomBody = withBom(QString::fromUtf8(Body));
        QTest::newRow("BOM added by a text encoder") << good << bomBody << QStringList{u"body_bom_added"_s}
                                                     << u"EF BB BF"_s << false;
        QTest::newRow("unknown secret: plain mismatch") << signedHeaders("someone-else", NowText, Body) << Body
                                                        << QStringList{u"signature_mismatch"_s}
                                                        << QString::fromLatin1(signWebhook("someone-else", NowText, Body))
                                                        << false;
        QTest::newRow("old and signed with the API secret: both said, in order")
            << signedHeaders(ApiSecret, QByteArray::number(Now - 1000), Body) << Body
            << QStringList{u"timestamp_expired"_s, u"signed_with_api_secret"_s} << u"old"_s << false;
    }
    void causes()
    {
        QFETCH(HeaderList, headers);
        QFETCH(QByteArray, body);
        QFETCH(QStringList, causes);
        QFETCH(QString, messageMentions);
        QFETCH(bool, valid);
        const WebhookInspection result = inspectWebhook(input(headers, body));
        QCOMPARE(codes(result.causes), causes);
        QCOMPARE(result.valid, valid);
        if (!messageMentions.isEmpty()) {
            QString all;
            for (const Cause &c : result.causes)
                all += c.message + u'\n';
            QVERIFY2(all.contains(messageMentions), qPrintable(all));
        }
        for (const Cause &c : result.causes)
            QVERIFY2(!c.message.contains(QString::fromLatin1(WebhookSecret)), "a secret in a message");
    }

    void prefixedSignature_isANote()
    {
        HeaderList h = signedHeaders(WebhookSecret, NowText, Body);
        h[2].second.prepend("sha256=");
        const WebhookInspection r = inspectWebhook(input(h, Body));
        QCOMPARE(codes(r.notes), QStringList{u"signature_prefixed"_s});
    }

    void nearName_everySdkRejects_butTheValueIsChecked()
    {
        const HeaderList h = renamed(signedHeaders(WebhookSecret, NowText, Body), "X-Realtime-Signature",
                                     "X-Pusher-Signature");
        const WebhookInspection r = inspectWebhook(input(h, Body));
        QVERIFY(!r.sdk.python && !r.sdk.node && !r.sdk.go);
        QCOMPARE(r.signatureHeaderName, "X-Pusher-Signature"_ba);
        QCOMPARE(r.expectedSignature, r.providedSignature); // the value itself is right
    }

    void futureTimestamp_sdksDiffer()
    {
        const WebhookInspection r =
            inspectWebhook(input(signedHeaders(WebhookSecret, QByteArray::number(Now + 5), Body), Body));
        QVERIFY(r.sdk.python);
        QVERIFY(!r.sdk.node);
        QVERIFY(!r.sdk.go);
    }

    void mismatch_givesExpectedProvidedAndTheSignedBytes()
    {
        const HeaderList h = signedHeaders("someone-else", NowText, Body);
        const WebhookInspection r = inspectWebhook(input(h, Body));
        QCOMPARE(*r.expectedSignature, signWebhook(WebhookSecret, NowText, Body));
        QCOMPARE(*r.providedSignature, h[2].second);
        QCOMPARE(r.signedPayload, NowText + "." + Body);
    }

    void duplicateSignatureHeaders_firstIsUsedAndNoted()
    {
        HeaderList h = signedHeaders(WebhookSecret, NowText, Body);
        h.append({"x-realtime-signature"_ba, "0000"_ba});
        const WebhookInspection r = inspectWebhook(input(h, Body));
        QVERIFY(r.valid);
        QVERIFY(hasCause(r.notes, u"duplicate_header"));
    }

    void events_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("events"); // "event|channel|user_id|k=v;k=v"
        QTest::addColumn<bool>("batch");
        QTest::addColumn<QString>("error");
        QTest::newRow("one object") << Body << QStringList{u"member_added|presence-lobby|u-1|"_s} << false << QString();
        QTest::newRow("client event, every other field in order")
            // (no raw string: moc misreads a backslash-quote inside one)
            << "{\"event\":\"client_event\",\"channel\":\"private-a\",\"name\":\"client-typing\","
               "\"data\":\"{\\\"on\\\":true}\",\"socket_id\":\"1.2\"}"_ba
            << QStringList{uR"(client_event|private-a||name=client-typing;data={"on":true};socket_id=1.2)"_s} << false
            << QString();
        QTest::newRow("Pusher batch")
            << R"({"time_ms":1700000000123,"events":[{"name":"channel_occupied","channel":"a"},{"event":"channel_vacated","channel":"b","extra":{"x":[1,2]}}]})"_ba
            << QStringList{u"channel_occupied|a||"_s, uR"(channel_vacated|b||extra={"x":[1,2]})"_s} << true
            << QString();
        QTest::newRow("array") << R"([{"event":"channel_occupied","channel":"a"}, 5])"_ba
                               << QStringList{u"channel_occupied|a||"_s} << true << u"item 1 is the value 5"_s;
        QTest::newRow("not JSON") << "event=channel_occupied"_ba << QStringList{} << false << u"not JSON"_s;
        QTest::newRow("empty") << QByteArray() << QStringList{} << false << u"empty"_s;
        QTest::newRow("a string") << R"("hello")"_ba << QStringList{} << false << u"a string"_s;
        QTest::newRow("NUL inside") << QByteArray("{\"event\":\"a\0b\"}", 15) << QStringList{} << false
                                    << u"control character"_s;
    }
    void events()
    {
        QFETCH(QByteArray, body);
        QFETCH(QStringList, events);
        QFETCH(bool, batch);
        QFETCH(QString, error);
        const WebhookEvents parsed = parseWebhookEvents(body);
        QStringList got;
        for (const WebhookEvent &e : parsed.events) {
            QStringList fields;
            for (const auto &[k, v] : e.fields)
                fields << k + u'=' + v;
            got << e.event + u'|' + e.channel + u'|' + e.userId + u'|' + fields.join(u';');
        }
        QCOMPARE(got, events);
        QCOMPARE(parsed.batch, batch);
        if (error.isEmpty())
            QCOMPARE(parsed.error, QString());
        else
            QVERIFY2(parsed.error.contains(error), qPrintable(parsed.error));
    }

    void batchTimeMs_isRead()
    {
        QCOMPARE(parseWebhookEvents(R"({"time_ms":42,"events":[]})").timeMs, 42);
    }

    void rawPastes_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("error"); // empty: parsed
        const QByteArray sig = signWebhook(WebhookSecret, NowText, Body);
        const QByteArray head = "X-Realtime-Timestamp: " + NowText + "\nX-Realtime-Signature: " + sig + "\n";
        QTest::newRow("LF, no request line") << head + "\n" + Body << QString();
        QTest::newRow("CRLF with request line")
            << "POST /hooks HTTP/1.1\r\n" + QByteArray(head).replace("\n", "\r\n") + "\r\n" + Body << QString();
        QTest::newRow("header line without colon") << "X-Realtime-Timestamp " + NowText + "\n\n" + Body
                                                   << u"line 1 is not a header"_s;
        QTest::newRow("no blank line before the body") << head + Body << u"blank line"_s;
        QByteArray binary = TestData::mebibyteBody().left(4096);
        QTest::newRow("binary") << binary << u"not a header"_s;
        QTest::newRow("megabytes on one line") << QByteArray(3 << 20, 'a') << u"not a header"_s;
        QTest::newRow("nothing") << QByteArray() << u"no headers"_s;
    }
    void rawPastes()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, error);
        const WebhookInspection r = inspectRawWebhook(raw, input({}, {}));
        if (error.isEmpty()) {
            QCOMPARE(r.requestError, QString());
            QVERIFY2(r.valid, qPrintable(codes(r.causes).join(u',')));
        } else {
            QVERIFY2(r.requestError.contains(error), qPrintable(r.requestError));
            QVERIFY(!r.valid);
        }
    }

    void nulsAndMegabytesInTheBody_verify()
    {
        QByteArray body = TestData::mebibyteBody();
        body.append('\0').append("\n");
        const QByteArray raw = "X-Realtime-Timestamp: " + NowText + "\r\nX-Realtime-Signature: "
                               + signWebhook(WebhookSecret, NowText, body) + "\r\n\r\n" + body;
        const WebhookInspection r = inspectRawWebhook(raw, input({}, {}));
        QVERIFY(r.valid);
        QVERIFY(!r.events.error.isEmpty());
        // The same megabytes with a wrong signature: every transformation is tried, and it ends.
        const WebhookInspection bad = inspectWebhook(input(signedHeaders("other", NowText, body), body));
        QCOMPARE(codes(bad.causes), QStringList{u"signature_mismatch"_s});
    }
};

QTEST_GUILESS_MAIN(TestWebhookInspect)
#include "tst_webhookinspect.moc"
