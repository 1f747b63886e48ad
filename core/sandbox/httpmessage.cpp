// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "httpmessage.h"

#include <apinator/problem.h>

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Apinator::Sandbox {

namespace {

QByteArrayView statusText(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 426: return "Upgrade Required";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    }
    return "Unknown";
}

} // namespace

QByteArrayView ServerRequest::header(QByteArrayView name) const
{
    for (const auto &[n, v] : headers)
        if (equalsIgnoreCase(n, name))
            return v;
    return {};
}

ServerResponse jsonResponse(int status, QByteArray body)
{
    ServerResponse r;
    r.status = status;
    r.contentType = "application/json"_ba;
    r.body = std::move(body);
    return r;
}

ServerResponse problemResponse(int status, const QString &code, const QString &detail,
                               const QJsonObject &extensions)
{
    Problem p;
    p.type = u"https://docs.apinator.io/problems/"_s + QString(code).replace(u'_', u'-');
    p.title = QString::fromLatin1(statusText(status));
    p.status = status;
    p.detail = detail;
    p.code = code;
    p.document = extensions;
    ServerResponse r;
    r.status = status;
    r.contentType = "application/problem+json"_ba;
    r.body = p.toJson();
    return r;
}

const QByteArray &HttpDate::format(qint64 unixSeconds)
{
    if (unixSeconds != m_seconds) {
        m_seconds = unixSeconds;
        // RFC 9110 IMF-fixdate; English names regardless of the locale.
        static constexpr const char *Days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        static constexpr const char *Months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        const QDateTime t = QDateTime::fromSecsSinceEpoch(unixSeconds).toUTC();
        const QDate d = t.date();
        const QTime tm = t.time();
        m_text = QByteArray(Days[d.dayOfWeek() - 1]) + ", "
                 + QByteArray::number(d.day()).rightJustified(2, '0') + ' ' + Months[d.month() - 1] + ' '
                 + QByteArray::number(d.year()) + ' ' + QByteArray::number(tm.hour()).rightJustified(2, '0') + ':'
                 + QByteArray::number(tm.minute()).rightJustified(2, '0') + ':'
                 + QByteArray::number(tm.second()).rightJustified(2, '0') + " GMT";
    }
    return m_text;
}

void appendResponse(QByteArray &out, const ServerResponse &response, QByteArrayView date, bool close,
                    bool http10KeepAlive)
{
    out.reserve(out.size() + 160 + response.body.size() + response.extraHeaders.size());
    out.append("HTTP/1.1 ").append(QByteArray::number(response.status)).append(' ');
    out.append(statusText(response.status)).append("\r\nDate: ").append(date).append("\r\n");
    if (!response.contentType.isEmpty())
        out.append("Content-Type: ").append(response.contentType).append("\r\n");
    out.append("Content-Length: ").append(QByteArray::number(response.body.size())).append("\r\n");
    if (close)
        out.append("Connection: close\r\n");
    else if (http10KeepAlive)
        out.append("Connection: keep-alive\r\n");
    out.append(response.extraHeaders).append("\r\n").append(response.body);
}

} // namespace Apinator::Sandbox
