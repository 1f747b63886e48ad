// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QString>

namespace Apinator {

// One HTTP/1.x response read from the front of a buffer, for a client that keeps its
// own sockets (BurstSender). Deliberately small: a status line, headers and a
// Content-Length body. A chunked or read-until-close body is Malformed with a message
// saying so, never misread. Views point into the parsed bytes.
struct Http1Response
{
    enum class Outcome { Incomplete, Complete, Malformed };

    Outcome outcome = Outcome::Incomplete;
    qsizetype length = 0;     // Complete: bytes of the whole response, head and body
    int status = 0;           // known once the status line is complete
    QByteArrayView reason;
    QByteArrayView body;
    bool close = false;       // the server closes the connection after this response
    QString error;            // Malformed: what is wrong, for people

    static constexpr qsizetype DefaultMaxHeadBytes = 64 * 1024;
    static constexpr qsizetype DefaultMaxBodyBytes = 16 * 1024 * 1024;

    // Incomplete until the whole response is in bytes; bytes past length belong to
    // the next response. 1xx responses are Complete too: the caller skips them.
    static Http1Response parse(QByteArrayView bytes, qsizetype maxHeadBytes = DefaultMaxHeadBytes,
                               qsizetype maxBodyBytes = DefaultMaxBodyBytes);
};

} // namespace Apinator
