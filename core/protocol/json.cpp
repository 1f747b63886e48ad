// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/json.h>

#include "swar.h"

namespace Apinator::Json {

void appendQuoted(QByteArray &out, QByteArrayView utf8)
{
    static constexpr char Hex[] = "0123456789abcdef";
    out.reserve(out.size() + utf8.size() + 2);
    out.append('"');
    qsizetype runStart = 0;
    const qsizetype n = utf8.size();
    for (qsizetype i = 0; i < n; ++i) {
        while (i + 8 <= n && !Swar::needsJsonLook(Swar::load8(utf8.data() + i)))
            i += 8;
        if (i == n)
            break;
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(utf8.sliced(runStart, i - runStart));
        runStart = i + 1;
        switch (c) {
        case '"': out.append("\\\"", 2); break;
        case '\\': out.append("\\\\", 2); break;
        case '\n': out.append("\\n", 2); break;
        case '\r': out.append("\\r", 2); break;
        case '\t': out.append("\\t", 2); break;
        case '\b': out.append("\\b", 2); break;
        case '\f': out.append("\\f", 2); break;
        default: {
            const char esc[] = {'\\', 'u', '0', '0', Hex[c >> 4], Hex[c & 0xf]};
            out.append(esc, sizeof esc);
        }
        }
    }
    out.append(utf8.sliced(runStart));
    out.append('"');
}

QByteArray quote(QByteArrayView utf8)
{
    QByteArray out;
    appendQuoted(out, utf8);
    return out;
}

bool isValidUtf8(QByteArrayView bytes)
{
    // Strict: rejects overlongs, surrogates and code points past U+10FFFF.
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *end = p + bytes.size();
    while (p < end) {
        if (end - p >= 8 && Swar::isAsciiWord(Swar::load8(reinterpret_cast<const char *>(p)))) {
            p += 8;
            continue;
        }
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra;
        char32_t cp;
        if ((c & 0xe0) == 0xc0) {
            extra = 1;
            cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            extra = 2;
            cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3f);
        }
        static constexpr char32_t MinForLength[] = {0, 0x80, 0x800, 0x10000};
        if (cp < MinForLength[extra] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        p += extra + 1;
    }
    return true;
}

} // namespace Apinator::Json
