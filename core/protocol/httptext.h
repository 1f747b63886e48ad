// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The few pieces of HTTP/1.x text handling (RFC 9110, 9112) that the sandbox's server
// and the burst client's parsers share.
#pragma once

#include <QByteArrayView>
#include <QString>

#include <cstring>

namespace Apinator::HttpText {

// "\r\n" from pos on, else -1. memchr for the '\r': QByteArrayView::indexOf of a
// two-byte needle sets up a general search for each of the ~20 lines of a message.
inline qsizetype findCrlf(QByteArrayView bytes, qsizetype pos)
{
    const char *data = bytes.data();
    const qsizetype size = bytes.size();
    while (pos + 1 < size) {
        const void *cr = std::memchr(data + pos, '\r', size_t(size - 1 - pos));
        if (!cr)
            return -1;
        pos = static_cast<const char *>(cr) - data;
        if (data[pos + 1] == '\n')
            return pos;
        ++pos;
    }
    return -1;
}

// RFC 9110 tchar: what may stand in a method, a header name or a token.
inline bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return c != '\0' && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

// ASCII case-insensitive comparison of header names and tokens.
inline bool equalsIgnoreCase(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c; };
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lower(b[i]))
            return false;
    }
    return true;
}

// True when a comma-separated header value lists the token (case-insensitive).
inline bool hasToken(QByteArrayView headerValue, QByteArrayView token)
{
    qsizetype start = 0;
    while (start <= headerValue.size()) {
        qsizetype end = headerValue.indexOf(',', start);
        if (end < 0)
            end = headerValue.size();
        if (equalsIgnoreCase(headerValue.sliced(start, end - start).trimmed(), token))
            return true;
        start = end + 1;
    }
    return false;
}

// Bytes of a message for an error text: printable ASCII kept, the rest as '?', bounded.
inline QString printable(QByteArrayView bytes, qsizetype max = 80)
{
    QString s;
    const qsizetype n = qMin(bytes.size(), max);
    for (qsizetype i = 0; i < n; ++i)
        s.append(bytes[i] >= 0x20 && bytes[i] < 0x7f ? QChar::fromLatin1(bytes[i]) : u'?');
    if (bytes.size() > n)
        s.append(u"...");
    return s;
}

} // namespace Apinator::HttpText
