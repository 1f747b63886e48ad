// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <apinator/requestsigner.h> // HeaderList

namespace Apinator {

// An HTTP request as a user pastes it: an optional request line, header lines,
// a blank line, the body. LF or CRLF line ends; the body is kept byte for byte.
struct RawHttpRequest
{
    QByteArray method; // empty when the request line was left out
    QByteArray target;
    QByteArray version;
    HeaderList headers;
    QByteArray body;
    QString error; // empty when the text parsed
};

RawHttpRequest parseRawHttpRequest(const QByteArray &text);

// "Name: value" as typed on a command line; false when there is no colon or no name.
bool parseHeaderLine(QByteArrayView line, QByteArray *name, QByteArray *value);

} // namespace Apinator
