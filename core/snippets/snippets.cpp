// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "snippets/snippets_p.h"

#include <apinator/crypto.h>
#include <apinator/json.h>

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Apinator {

namespace Snippets {

QString defaultBaseUrl(const SnippetInput &input)
{
    if (!input.baseUrl.isEmpty()) {
        QString url = input.baseUrl;
        while (url.endsWith(u'/'))
            url.chop(1);
        return url;
    }
    return u"https://ws-"_s + (input.cluster.isEmpty() ? u"eu"_s : input.cluster) + u".apinator.io"_s;
}

QString quoted(const QByteArray &utf8)
{
    return QString::fromUtf8(Json::quote(utf8));
}

QString quoted(const QString &text)
{
    return quoted(text.toUtf8());
}

namespace {

// A single-quoted shell word: everything literal, a ' written as '\''.
QString shellQuoted(const QString &text)
{
    QString out = text;
    out.replace(u'\'', u"'\\''"_s);
    return u'\'' + out + u'\'';
}

QString curl(const SnippetInput &input)
{
    const QString body = QString::fromUtf8(input.request.body());
    QString s;
    s += u"#!/usr/bin/env bash\n"_s
         u"# POST /apps/{app_id}/events, signed the way the SDKs sign it.\n"_s
         u"# Needs APINATOR_APP_ID, APINATOR_KEY and APINATOR_SECRET in the environment,\n"_s
         u"# and bash, curl and openssl.\n"_s
         u"set -euo pipefail\n"_s;
    s += u"base_url=\"${APINATOR_BASE_URL:-"_s + defaultBaseUrl(input) + u"}\"\n"_s;
    s += u"path=\"/apps/${APINATOR_APP_ID}/events\"\n"_s;
    s += u"body="_s + shellQuoted(body) + u'\n';
    s += u"timestamp=\"$(date +%s)\"\n"_s
         // The MD5 and HMAC cover the exact bytes sent: printf '%s' adds no newline.
         u"body_md5=\"$(printf '%s' \"$body\" | openssl dgst -md5 -r | cut -d' ' -f1)\"\n"_s
         u"signature=\"$(printf '%s\\n%s\\n%s\\n%s' \"$timestamp\" POST \"$path\" \"$body_md5\" \\\n"_s
         u"  | openssl dgst -sha256 -hmac \"$APINATOR_SECRET\" -r | cut -d' ' -f1)\"\n"_s
         u"curl -sS --fail-with-body -X POST \"${base_url}${path}\" \\\n"_s
         u"  -H 'Content-Type: application/json' \\\n"_s
         u"  -H \"X-Realtime-Key: ${APINATOR_KEY}\" \\\n"_s
         u"  -H \"X-Realtime-Timestamp: ${timestamp}\" \\\n"_s
         u"  -H \"X-Realtime-Signature: ${signature}\" \\\n"_s
         u"  --data-binary \"$body\"\n"_s;
    return s;
}

QString http(const SnippetInput &input)
{
    const QByteArray body = input.request.body();
    const QUrl base(defaultBaseUrl(input));
    QString host = base.host();
    const int defaultPort = base.scheme() == u"https"_s ? 443 : 80;
    if (base.port(defaultPort) != defaultPort)
        host += u':' + QString::number(base.port());
    QString s;
    s += u"POST "_s + base.path() + u"/apps/{APINATOR_APP_ID}/events HTTP/1.1\n"_s;
    s += u"Host: "_s + host + u'\n';
    s += u"Content-Type: application/json\n"_s
         u"Content-Length: "_s + QString::number(body.size()) + u'\n';
    s += u"X-Realtime-Key: {APINATOR_KEY}\n"_s
         u"X-Realtime-Timestamp: {TIMESTAMP}\n"_s
         u"X-Realtime-Signature: {SIGNATURE}\n"_s
         u"\n"_s;
    s += QString::fromUtf8(body) + u"\n\n"_s;
    s += u"# {TIMESTAMP}: unix seconds now.\n"_s
         u"# {SIGNATURE}: lowercase hex HMAC-SHA256(APINATOR_SECRET,\n"_s
         u"#   TIMESTAMP + \"\\n\" + \"POST\" + \"\\n\" + \"/apps/{APINATOR_APP_ID}/events\" + \"\\n\" + BODY_MD5)\n"_s
         u"# BODY_MD5: lowercase hex MD5 of the body above, byte for byte: "_s
         + QString::fromLatin1(Crypto::md5Hex(body)) + u'\n';
    return s;
}

} // namespace
} // namespace Snippets

QList<SnippetLanguage> snippetLanguages()
{
    return {SnippetLanguage::Curl, SnippetLanguage::Python, SnippetLanguage::Node,
            SnippetLanguage::Go,   SnippetLanguage::Php,    SnippetLanguage::Http};
}

QString snippetLanguageName(SnippetLanguage language)
{
    switch (language) {
    case SnippetLanguage::Curl:
        return u"curl"_s;
    case SnippetLanguage::Python:
        return u"python"_s;
    case SnippetLanguage::Node:
        return u"node"_s;
    case SnippetLanguage::Go:
        return u"go"_s;
    case SnippetLanguage::Php:
        return u"php"_s;
    case SnippetLanguage::Http:
        break;
    }
    return u"http"_s;
}

QString snippetLanguageTitle(SnippetLanguage language)
{
    switch (language) {
    case SnippetLanguage::Curl:
        return u"curl (bash + openssl)"_s;
    case SnippetLanguage::Python:
        return u"Python (apinator-server)"_s;
    case SnippetLanguage::Node:
        return u"Node (@apinator/server)"_s;
    case SnippetLanguage::Go:
        return u"Go SDK"_s;
    case SnippetLanguage::Php:
        return u"PHP SDK"_s;
    case SnippetLanguage::Http:
        break;
    }
    return u"Raw HTTP"_s;
}

std::optional<SnippetLanguage> snippetLanguageFromName(QStringView name)
{
    for (SnippetLanguage l : snippetLanguages()) {
        if (name.compare(snippetLanguageName(l), Qt::CaseInsensitive) == 0)
            return l;
    }
    return std::nullopt;
}

QString generateSnippet(SnippetLanguage language, const SnippetInput &input)
{
    switch (language) {
    case SnippetLanguage::Curl:
        return Snippets::curl(input);
    case SnippetLanguage::Python:
        return Snippets::python(input);
    case SnippetLanguage::Node:
        return Snippets::node(input);
    case SnippetLanguage::Go:
        return Snippets::go(input);
    case SnippetLanguage::Php:
        return Snippets::php(input);
    case SnippetLanguage::Http:
        break;
    }
    return Snippets::http(input);
}

} // namespace Apinator
