// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// Each snippet carries the same event, channels, data and socket id as the request the
// core sends, whatever the data holds (quotes, backslashes, newlines, non-ASCII, ' and $).
#include <apinator/json.h>
#include <apinator/snippets.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace Apinator;
using namespace Qt::StringLiterals;

namespace {

// The value of a JSON-style double-quoted literal that follows `prefix` in the text.
std::optional<QString> literalAfter(const QString &text, const QString &prefix)
{
    const qsizetype at = text.indexOf(prefix);
    if (at < 0)
        return std::nullopt;
    qsizetype i = at + prefix.size();
    if (i >= text.size() || text.at(i) != u'"')
        return std::nullopt;
    const qsizetype start = i++;
    while (i < text.size() && text.at(i) != u'"')
        i += text.at(i) == u'\\' ? 2 : 1;
    const QString literal = text.mid(start, i - start + 1);
    const QJsonDocument doc = QJsonDocument::fromJson(u"["_s.append(literal).append(u"]"_s).toUtf8());
    if (!doc.isArray())
        return std::nullopt;
    return doc.array().at(0).toString();
}

// PHP single-quoted literal after prefix.
std::optional<QString> phpLiteralAfter(const QString &text, const QString &prefix)
{
    const qsizetype at = text.indexOf(prefix);
    if (at < 0 || at + prefix.size() >= text.size() || text.at(at + prefix.size()) != u'\'')
        return std::nullopt;
    QString out;
    for (qsizetype i = at + prefix.size() + 1; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\' && i + 1 < text.size() && (text.at(i + 1) == u'\\' || text.at(i + 1) == u'\'')) {
            out += text.at(++i);
        } else if (c == u'\'') {
            return out;
        } else {
            out += c;
        }
    }
    return std::nullopt;
}

// The body in the curl snippet: body='...' with '\'' for each quote.
std::optional<QByteArray> shellBody(const QString &text)
{
    const qsizetype at = text.indexOf(u"\nbody='"_s);
    if (at < 0)
        return std::nullopt;
    QString out;
    qsizetype i = at + 7;
    while (i < text.size()) {
        if (text.mid(i, 4) == u"'\\''"_s) {
            out += u'\'';
            i += 4;
        } else if (text.at(i) == u'\'') {
            return out.toUtf8();
        } else {
            out += text.at(i++);
        }
    }
    return std::nullopt;
}

} // namespace

class TestSnippets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void snippet_carriesTheCoreRequest_data()
    {
        QTest::addColumn<int>("language");
        QTest::addColumn<QByteArray>("data");
        const QList<QByteArray> datas = {R"({"text":"hi"})", "it's \"quoted\" \\ back\nslash $HOME `x` é 😀",
                                         "{\n  \"a\": [1, 2]\n}"};
        for (SnippetLanguage l : snippetLanguages()) {
            for (int i = 0; i < datas.size(); ++i)
                QTest::addRow("%s data %d", qPrintable(snippetLanguageName(l)), i) << int(l) << datas.at(i);
        }
    }
    void snippet_carriesTheCoreRequest()
    {
        QFETCH(int, language);
        QFETCH(QByteArray, data);
        const auto lang = SnippetLanguage(language);
        SnippetInput input;
        input.request.event = u"order-shipped"_s;
        input.request.channels = {u"private-orders"_s, u"chat"_s};
        input.request.data = data;
        input.request.socketId = u"123.456"_s;
        input.baseUrl = u"http://127.0.0.1:6001/"_s;
        QVERIFY(input.request.error().isEmpty());
        const QString s = generateSnippet(lang, input);
        QVERIFY(s.contains(u"APINATOR_APP_ID"_s));
        QVERIFY(!s.contains(u"local-secret"_s));
        const QString d = QString::fromUtf8(data);
        switch (lang) {
        case SnippetLanguage::Curl:
            QCOMPARE(shellBody(s).value_or("<none>"), input.request.body());
            QVERIFY(s.contains(u"${APINATOR_BASE_URL:-http://127.0.0.1:6001}"_s));
            QVERIFY(s.contains(u"openssl dgst -sha256 -hmac \"$APINATOR_SECRET\""_s));
            break;
        case SnippetLanguage::Http: {
            const QByteArray body = input.request.body();
            QVERIFY(s.contains(u"\n\n"_s + QString::fromUtf8(body) + u"\n\n"_s));
            QVERIFY(s.contains(u"Content-Length: "_s + QString::number(body.size())));
            QVERIFY(s.startsWith(u"POST /apps/{APINATOR_APP_ID}/events HTTP/1.1\nHost: 127.0.0.1:6001\n"_s));
            break;
        }
        case SnippetLanguage::Python:
            QCOMPARE(literalAfter(s, u"data = "_s).value_or(u"<none>"_s), d);
            QCOMPARE(literalAfter(s, u"event_name="_s).value_or(QString()), input.request.event);
            QVERIFY(s.contains(u"channels=[\"private-orders\", \"chat\"]"_s));
            QCOMPARE(literalAfter(s, u"socket_id="_s).value_or(QString()), input.request.socketId);
            QVERIFY(s.contains(u"client.host = os.environ.get(\"APINATOR_BASE_URL\", \"http://127.0.0.1:6001\")"_s));
            break;
        case SnippetLanguage::Node:
            QCOMPARE(literalAfter(s, u"const data = "_s).value_or(u"<none>"_s), d);
            QVERIFY(s.contains(u"client.trigger([\"private-orders\", \"chat\"], \"order-shipped\", data, { socketId: \"123.456\" })"_s));
            QVERIFY(s.contains(u"cannot reach a custom base URL"_s));
            break;
        case SnippetLanguage::Go:
            QCOMPARE(literalAfter(s, u"data := "_s).value_or(u"<none>"_s), d);
            QCOMPARE(literalAfter(s, u"Name:     "_s).value_or(QString()), input.request.event);
            QVERIFY(s.contains(u"[]string{\"private-orders\", \"chat\"}"_s));
            QCOMPARE(literalAfter(s, u"SocketID: "_s).value_or(QString()), input.request.socketId);
            QVERIFY(s.contains(u"cannot reach a custom base URL"_s));
            break;
        case SnippetLanguage::Php:
            QCOMPARE(phpLiteralAfter(s, u"$data = "_s).value_or(u"<none>"_s), d);
            QVERIFY(s.contains(u"$client->trigger(['private-orders', 'chat'], 'order-shipped', $data, ['socket_id' => '123.456']);"_s));
            QVERIFY(s.contains(u"cannot reach a custom base URL"_s));
            break;
        }
    }

    void snippet_withoutBaseUrl_usesClusterAndNoComment()
    {
        SnippetInput input;
        input.request.event = u"e"_s;
        input.request.channels = {u"chat"_s};
        input.request.data = "{}";
        input.cluster = u"us"_s;
        QVERIFY(generateSnippet(SnippetLanguage::Curl, input).contains(u"${APINATOR_BASE_URL:-https://ws-us.apinator.io}"_s));
        QVERIFY(!generateSnippet(SnippetLanguage::Python, input).contains(u"client.host"_s));
        QVERIFY(!generateSnippet(SnippetLanguage::Node, input).contains(u"custom base URL"_s));
        // One channel: the SDK call still takes a list; the body uses "channel".
        QVERIFY(generateSnippet(SnippetLanguage::Http, input).contains(u"\"channel\":\"chat\""_s));
    }

    void languageNames_roundTrip()
    {
        for (SnippetLanguage l : snippetLanguages())
            QCOMPARE(snippetLanguageFromName(snippetLanguageName(l)), l);
        QCOMPARE(snippetLanguageFromName(u"PYTHON"), SnippetLanguage::Python);
        QVERIFY(!snippetLanguageFromName(u"ruby"));
    }
};

QTEST_GUILESS_MAIN(TestSnippets)
#include "tst_snippets.moc"
