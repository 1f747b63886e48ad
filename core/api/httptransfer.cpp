// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "httpclient_p.h"

#include <QUrl>

#include <cerrno>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Apinator {

HttpTransfer::~HttpTransfer()
{
    if (easy)
        curl_easy_cleanup(easy);
    curl_slist_free_all(headers);
}

namespace {

// RFC 9110 tchar: what may stand in a method or a header name.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != '\0';
}

bool isToken(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return false;
    for (char c : bytes) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Optional whitespace around a header value is not part of it (RFC 9110, OWS).
QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r' || v.back() == '\n'))
        v.chop(1);
    return v;
}

// "HTTP/1.1 200 OK": a new response starts (after a 1xx one, too).
void parseStatusLine(HttpTransfer &t, QByteArrayView line)
{
    HttpResponse &r = t.response;
    r.headers.clear();
    r.body.clear();
    t.sawStatusLine = true;
    const qsizetype sp = line.indexOf(' ');
    r.httpVersion = (sp < 0 ? line : line.first(sp)).toByteArray();
    QByteArrayView rest = sp < 0 ? QByteArrayView() : trimmed(line.sliced(sp + 1));
    const qsizetype sp2 = rest.indexOf(' ');
    r.status = (sp2 < 0 ? rest : rest.first(sp2)).toInt();
    r.reasonPhrase = sp2 < 0 ? QByteArray() : trimmed(rest.sliced(sp2 + 1)).toByteArray();
}

// Messages name host:port only: a URL may carry user:password@ or a query.
QString hostAndPort(const QByteArray &url)
{
    const QUrl u = QUrl::fromEncoded(url);
    QString host = u.host();
    if (host.contains(u':'))
        host = u'[' + host + u']';
    const int defaultPort = u.scheme().compare(u"https", Qt::CaseInsensitive) == 0 ? 443 : 80;
    return host + u':' + QString::number(u.port(defaultPort));
}

bool isTlsError(CURLcode code)
{
    switch (code) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT:
        return true;
    default:
        return false;
    }
}

QString mebibytes(qint64 bytes)
{
    if (bytes % (1024 * 1024) == 0)
        return QString::number(bytes / (1024 * 1024)) + u" MiB"_s;
    return QString::number(bytes) + u" bytes"_s;
}

// A sentence for people; libcurl's own detail (the error buffer) where it is the precise part.
QString failureMessage(const HttpTransfer &t, const HttpRequest &request, CURLcode code, bool connected)
{
    const QString peer = hostAndPort(request.url);
    const QString detail = t.errorBuffer[0] ? QString::fromUtf8(t.errorBuffer)
                                            : QString::fromUtf8(curl_easy_strerror(code));
    long osErrno = 0;
    curl_easy_getinfo(t.easy, CURLINFO_OS_ERRNO, &osErrno);
    if (isTlsError(code))
        return u"TLS error with "_s + peer + u": "_s + detail;
    switch (code) {
    case CURLE_COULDNT_CONNECT:
        if (osErrno == ECONNREFUSED)
            return u"connection refused to "_s + peer + u": nothing is listening on that port"_s;
        if (osErrno != 0)
            return u"could not connect to "_s + peer + u": "_s + QString::fromLocal8Bit(std::strerror(int(osErrno)));
        return u"could not connect to "_s + peer + u": "_s + detail;
    case CURLE_OPERATION_TIMEDOUT: {
        const QString after = u"timed out after "_s + QString::number(request.timeoutMs) + u" ms "_s;
        if (!connected)
            return after + u"connecting to "_s + peer;
        if (!t.sawStatusLine)
            return after + u"waiting for a response from "_s + peer;
        return after + u"receiving the response from "_s + peer;
    }
    case CURLE_COULDNT_RESOLVE_HOST:
        return u"could not resolve the host name of "_s + peer + u": "_s + detail;
    case CURLE_COULDNT_RESOLVE_PROXY:
        return u"could not resolve the proxy: "_s + detail;
    case CURLE_GOT_NOTHING:
        return peer + u" closed the connection without sending a response"_s;
    case CURLE_SEND_ERROR:
        return u"the connection to "_s + peer + u" broke while sending the request: "_s + detail;
    case CURLE_RECV_ERROR:
        return u"the connection to "_s + peer + u" broke while receiving the response: "_s + detail;
    case CURLE_PARTIAL_FILE:
        return peer + u" closed the connection before the whole response arrived: "_s + detail;
    case CURLE_WEIRD_SERVER_REPLY:
        return peer + u" answered with something that is not HTTP: "_s + detail;
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return u"HTTP/2 error with "_s + peer + u": "_s + detail;
    case CURLE_UNSUPPORTED_PROTOCOL:
        return u"unsupported URL scheme; use http:// or https://"_s;
    case CURLE_URL_MALFORMAT:
        // The URL itself is not repeated: it could carry user:password@.
        return u"malformed URL: "_s + detail;
    case CURLE_WRITE_ERROR:
        if (t.bodyTooLarge)
            return u"the response body is larger than the "_s + mebibytes(t.maxBodyBytes)
                + u" limit; the transfer was stopped"_s;
        return detail;
    case CURLE_OUT_OF_MEMORY:
        return u"out of memory"_s;
    default:
        return detail;
    }
}

QByteArray versionName(long version)
{
    switch (version) {
    case CURL_HTTP_VERSION_1_0:
        return "HTTP/1.0"_ba;
    case CURL_HTTP_VERSION_1_1:
        return "HTTP/1.1"_ba;
    case CURL_HTTP_VERSION_2_0:
        return "HTTP/2"_ba;
    case CURL_HTTP_VERSION_3:
        return "HTTP/3"_ba;
    default:
        return {};
    }
}

} // namespace

namespace HttpTransferIo {

size_t onHeader(char *data, size_t size, size_t count, void *transfer)
{
    auto &t = *static_cast<HttpTransfer *>(transfer);
    const size_t length = size * count;
    QByteArrayView line(data, qsizetype(length));
    while (!line.isEmpty() && (line.back() == '\n' || line.back() == '\r'))
        line.chop(1);
    HttpResponse &r = t.response;
    if (line.startsWith("HTTP/")) {
        parseStatusLine(t, line);
    } else if (line.isEmpty()) {
        // End of a header block.
    } else if ((line.front() == ' ' || line.front() == '\t') && !r.headers.isEmpty()) {
        // Obsolete line folding: the value goes on.
        r.headers.last().second += ' ' + trimmed(line).toByteArray();
    } else {
        const qsizetype colon = line.indexOf(':');
        QByteArrayView name = colon < 0 ? line : line.first(colon);
        QByteArrayView value = colon < 0 ? QByteArrayView() : trimmed(line.sliced(colon + 1));
        r.headers.append({name.toByteArray(), value.toByteArray()});
        if (r.status >= 200 && name.compare("content-length", Qt::CaseInsensitive) == 0) {
            const qint64 announced = value.toLongLong();
            if (announced > t.maxBodyBytes) {
                t.bodyTooLarge = true;
                return 0; // stops the transfer with CURLE_WRITE_ERROR
            }
            r.body.reserve(qsizetype(announced));
        }
    }
    return length;
}

size_t onBody(char *data, size_t size, size_t count, void *transfer)
{
    auto &t = *static_cast<HttpTransfer *>(transfer);
    const size_t length = size * count;
    if (t.response.body.size() + qint64(length) > t.maxBodyBytes) {
        t.bodyTooLarge = true;
        return 0;
    }
    t.response.body.append(data, qsizetype(length));
    return length;
}

QString requestError(const HttpRequest &request)
{
    if (!isToken(request.method))
        return u"invalid HTTP method \""_s + QString::fromUtf8(request.method) + u"\": use a token such as GET or POST"_s;
    const QByteArray scheme = request.url.left(request.url.indexOf(':')).toLower();
    if (scheme != "http" && scheme != "https")
        return u"unsupported URL scheme; use http:// or https://"_s;
    for (const auto &[name, value] : request.headers) {
        if (!isToken(name))
            return u"invalid header name \""_s + QString::fromUtf8(name)
                + u"\": letters, digits and !#$%&'*+-.^_`|~ only"_s;
        for (char c : value) {
            if (c == '\r' || c == '\n' || c == '\0')
                return u"header "_s + QString::fromUtf8(name) + u" has a line break or NUL byte in its value"_s;
        }
    }
    if (request.timeoutMs < 0)
        return u"timeout must not be negative"_s;
    return {};
}

void collectInfo(HttpTransfer &t, const HttpRequest &request, CURLcode code)
{
    HttpResponse &r = t.response;
    CURL *easy = t.easy;
    const auto ms = [easy](CURLINFO info) {
        curl_off_t us = 0;
        curl_easy_getinfo(easy, info, &us);
        return double(us) / 1000.0;
    };
    r.timings.dns = ms(CURLINFO_NAMELOOKUP_TIME_T);
    r.timings.connect = ms(CURLINFO_CONNECT_TIME_T);
    r.timings.tls = ms(CURLINFO_APPCONNECT_TIME_T);
    r.timings.firstByte = ms(CURLINFO_STARTTRANSFER_TIME_T);
    r.timings.total = ms(CURLINFO_TOTAL_TIME_T);
    // libcurl reports 0 for a phase that did not happen; the API says -1 (a phase
    // that did happen lasts at least a microsecond, even on loopback).
    const bool https = request.url.startsWith("https:") || request.url.startsWith("HTTPS:");
    if (r.timings.tls == 0 && !https)
        r.timings.tls = -1;
    if (r.timings.firstByte == 0)
        r.timings.firstByte = -1;

    char *ip = nullptr;
    curl_easy_getinfo(easy, CURLINFO_PRIMARY_IP, &ip);
    r.primaryIp = ip ? QByteArray(ip) : QByteArray();
    long port = 0;
    curl_easy_getinfo(easy, CURLINFO_PRIMARY_PORT, &port);
    r.primaryPort = int(port);
    long connects = 0;
    curl_easy_getinfo(easy, CURLINFO_NUM_CONNECTS, &connects);
    // NUM_CONNECTS is 0 on a reused connection, and also when none could be made.
    const bool reachedPeer = code != CURLE_COULDNT_CONNECT && code != CURLE_COULDNT_RESOLVE_HOST
        && code != CURLE_COULDNT_RESOLVE_PROXY && !r.primaryIp.isEmpty();
    r.connectionReused = connects == 0 && reachedPeer;
    if (r.httpVersion.isEmpty()) {
        long version = 0;
        curl_easy_getinfo(easy, CURLINFO_HTTP_VERSION, &version);
        r.httpVersion = versionName(version);
    }

    r.curlCode = int(code);
    if (code == CURLE_OK) {
        long status = 0;
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
        if (r.status == 0)
            r.status = int(status);
        return;
    }
    // No complete HTTP answer: status 0, and what arrived stays for diagnosis.
    r.status = 0;
    r.timedOut = code == CURLE_OPERATION_TIMEDOUT;
    // With libcurl 7.88 CONNECT_TIME stays 0 until TLS is up too: "connecting" covers both.
    const bool connected = r.connectionReused || (connects > 0 && r.timings.connect > 0);
    r.error = failureMessage(t, request, code, connected);
}

} // namespace HttpTransferIo
} // namespace Apinator
