// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/httptext.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>
#include <QVarLengthArray>

#include <utility>

namespace Apinator::Sandbox {

// One parsed HTTP/1.x request. The views point into the connection's buffer and
// live only while the handler runs.
struct ServerRequest
{
    QByteArrayView method;
    QByteArrayView target; // path and query, as sent
    QByteArrayView path;   // target without query or fragment
    QByteArrayView query;  // after '?', may be empty
    QVarLengthArray<std::pair<QByteArrayView, QByteArrayView>, 16> headers;
    QByteArray body;
    bool http10 = false;

    // First value of a header, name compared case-insensitively; null view when absent.
    QByteArrayView header(QByteArrayView name) const;
};

struct ServerResponse
{
    int status = 200;
    QByteArray contentType;  // empty: no Content-Type (and no body expected)
    QByteArray body;
    QByteArray extraHeaders; // preformatted "Name: value\r\n" lines
    bool close = false;      // close the connection after this response
};

// JSON with Content-Type application/json.
ServerResponse jsonResponse(int status, QByteArray body);

// An RFC 7807 problem document (application/problem+json). type is derived from
// the code; extensions follow the standard members.
ServerResponse problemResponse(int status, const QString &code, const QString &detail,
                               const QJsonObject &extensions = {});

// The Date header value (IMF-fixdate) of a unix time, formatted once per second.
class HttpDate final
{
public:
    const QByteArray &format(qint64 unixSeconds);

private:
    qint64 m_seconds = -1;
    QByteArray m_text;
};

// Status line, Date, Content-Type, Content-Length, Connection, extra headers, body.
void appendResponse(QByteArray &out, const ServerResponse &response, QByteArrayView date, bool close,
                    bool http10KeepAlive);

using HttpText::equalsIgnoreCase;
using HttpText::hasToken;

} // namespace Apinator::Sandbox
