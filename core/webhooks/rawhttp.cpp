// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/rawhttp.h>

using namespace Qt::StringLiterals;

namespace Apinator {

bool parseHeaderLine(QByteArrayView line, QByteArray *name, QByteArray *value)
{
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return false;
    const QByteArrayView n = line.first(colon).trimmed();
    if (n.isEmpty() || n.contains(' ') || n.contains('\t'))
        return false;
    *name = n.toByteArray();
    *value = line.sliced(colon + 1).trimmed().toByteArray();
    return true;
}

namespace {
bool looksLikeRequestLine(QByteArrayView line, RawHttpRequest *out)
{
    // "POST /webhooks HTTP/1.1": a token, a target, and an HTTP version.
    const QList<QByteArray> parts = line.toByteArray().split(' ');
    if (parts.size() != 3 || !parts[2].startsWith("HTTP/") || parts[0].isEmpty())
        return false;
    for (char c : parts[0])
        if (c < 'A' || c > 'Z')
            return false;
    out->method = parts[0];
    out->target = parts[1];
    out->version = parts[2];
    return true;
}
} // namespace

RawHttpRequest parseRawHttpRequest(const QByteArray &text)
{
    RawHttpRequest req;
    qsizetype pos = 0;
    // Pasted text often starts with blank lines; skip them, but not inside the head.
    while (pos < text.size() && (text[pos] == '\n' || text[pos] == '\r'))
        ++pos;
    bool first = true;
    int lineNumber = 0;
    while (true) {
        const qsizetype eol = text.indexOf('\n', pos);
        if (eol < 0) {
            // No blank line: the whole text is headers, the body is empty.
            QByteArrayView line = QByteArrayView(text).sliced(pos);
            if (line.endsWith('\r'))
                line.chop(1);
            if (!line.trimmed().isEmpty()) {
                ++lineNumber;
                QByteArray name, value;
                if (!(first && looksLikeRequestLine(line, &req))) {
                    if (!parseHeaderLine(line, &name, &value)) {
                        req.error = u"line %1 is not a header (\"Name: value\"): %2"_s.arg(lineNumber).arg(
                            QString::fromUtf8(line.first(std::min<qsizetype>(line.size(), 60))));
                        return req;
                    }
                    req.headers.append({name, value});
                }
            }
            pos = text.size();
            break;
        }
        QByteArrayView line = QByteArrayView(text).sliced(pos, eol - pos);
        pos = eol + 1;
        ++lineNumber;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            break; // the blank line: everything after it is the body, byte for byte
        if (first && looksLikeRequestLine(line, &req)) {
            first = false;
            continue;
        }
        first = false;
        QByteArray name, value;
        if (!parseHeaderLine(line, &name, &value)) {
            req.error = u"line %1 is not a header (\"Name: value\"): %2"_s.arg(lineNumber).arg(
                QString::fromUtf8(line.first(std::min<qsizetype>(line.size(), 60))));
            return req;
        }
        req.headers.append({name, value});
    }
    req.body = text.sliced(pos);
    if (req.headers.isEmpty() && req.method.isEmpty())
        req.error = u"the request has no headers"_s;
    return req;
}

} // namespace Apinator
