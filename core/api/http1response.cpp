// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/http1response.h>

#include "protocol/httptext.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Apinator {

namespace {

using Response = Http1Response;

using HttpText::equalsIgnoreCase;
using HttpText::findCrlf;
using HttpText::hasToken;
using HttpText::isTokenChar;
using HttpText::printable;

Response malformed(QString error, int status = 0)
{
    Response r;
    r.outcome = Response::Outcome::Malformed;
    r.status = status;
    r.error = std::move(error);
    return r;
}

// "HTTP/1.1 200 OK" (the reason may be empty or absent); false when malformed.
bool parseStatusLine(QByteArrayView line, Response &r, bool *http10)
{
    if (line.size() < 12 || !line.startsWith("HTTP/1.") || line[8] != ' ')
        return false;
    if (line[7] != '0' && line[7] != '1')
        return false;
    *http10 = line[7] == '0';
    int status = 0;
    for (qsizetype i = 9; i < 12; ++i) {
        if (line[i] < '0' || line[i] > '9')
            return false;
        status = status * 10 + (line[i] - '0');
    }
    if (status < 100 || (line.size() > 12 && line[12] != ' '))
        return false;
    r.status = status;
    r.reason = line.size() > 12 ? line.sliced(13) : QByteArrayView();
    return true;
}

} // namespace

Http1Response Http1Response::parse(QByteArrayView bytes, qsizetype maxHeadBytes, qsizetype maxBodyBytes)
{
    // A peer that is not HTTP at all is refused from its first bytes, not after a timeout.
    constexpr QByteArrayView Prefix = "HTTP/1.";
    const qsizetype probe = qMin(bytes.size(), Prefix.size());
    if (bytes.first(probe) != Prefix.first(probe))
        return malformed(u"the answer is not HTTP/1.x: it starts with \"%1\""_s.arg(printable(bytes.first(probe))));

    const qsizetype lineEnd = findCrlf(bytes, 0);
    if (lineEnd < 0) {
        if (bytes.size() > maxHeadBytes)
            return malformed(u"the status line is longer than %1 bytes"_s.arg(maxHeadBytes));
        return {};
    }
    Response r;
    bool http10 = false;
    const QByteArrayView statusLine = bytes.first(lineEnd);
    if (!parseStatusLine(statusLine, r, &http10))
        return malformed(u"malformed status line \"%1\": expected \"HTTP/1.1 200 OK\""_s.arg(printable(statusLine)));

    qint64 contentLength = -1;
    bool chunked = false;
    bool closeToken = false;
    bool keepAliveToken = false;
    qsizetype pos = lineEnd + 2;
    for (;;) {
        const qsizetype eol = findCrlf(bytes, pos);
        if (eol < 0) {
            if (bytes.size() > maxHeadBytes)
                return malformed(u"the response headers exceed %1 bytes"_s.arg(maxHeadBytes), r.status);
            return {};
        }
        if (eol > maxHeadBytes)
            return malformed(u"the response headers exceed %1 bytes"_s.arg(maxHeadBytes), r.status);
        const QByteArrayView line = bytes.sliced(pos, eol - pos);
        pos = eol + 2;
        if (line.isEmpty())
            break;
        const qsizetype colon = line.indexOf(':');
        const QByteArrayView name = colon < 0 ? line : line.first(colon);
        if (colon <= 0 || !std::all_of(name.begin(), name.end(), isTokenChar))
            return malformed(u"malformed header line \"%1\" in the response"_s.arg(printable(line)), r.status);
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (equalsIgnoreCase(name, "Content-Length")) {
            const bool digits = !value.isEmpty() && value.size() <= 18
                                && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
            const qint64 n = digits ? value.toLongLong() : -1;
            if (n < 0 || (contentLength >= 0 && n != contentLength))
                return malformed(u"bad or conflicting Content-Length \"%1\" in the response"_s.arg(printable(value)),
                                 r.status);
            contentLength = n;
        } else if (equalsIgnoreCase(name, "Transfer-Encoding")) {
            chunked = true;
        } else if (equalsIgnoreCase(name, "Connection")) {
            closeToken = closeToken || hasToken(value, "close");
            keepAliveToken = keepAliveToken || hasToken(value, "keep-alive");
        }
    }

    r.close = closeToken || (http10 && !keepAliveToken);
    // 1xx, 204 and 304 never carry a body, whatever the headers say (RFC 9112, 6.3).
    const bool bodiless = r.status < 200 || r.status == 204 || r.status == 304;
    if (!bodiless) {
        if (chunked)
            return malformed(u"the response has a Transfer-Encoding (chunked) body, which this client does not "
                             u"read; use the libcurl engine"_s,
                             r.status);
        if (contentLength < 0)
            return malformed(u"the response has no Content-Length (a body read until the connection closes), "
                             u"which this client does not read; use the libcurl engine"_s,
                             r.status);
        if (contentLength > maxBodyBytes)
            return malformed(u"the response body of %1 bytes exceeds the limit of %2 bytes"_s.arg(contentLength)
                                 .arg(maxBodyBytes),
                             r.status);
        if (bytes.size() - pos < contentLength)
            return {};
        r.body = bytes.sliced(pos, qsizetype(contentLength));
        pos += qsizetype(contentLength);
    }
    r.outcome = Outcome::Complete;
    r.length = pos;
    return r;
}

} // namespace Apinator
