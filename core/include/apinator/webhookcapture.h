// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDateTime>

#include <apinator/requestsigner.h> // HeaderList

namespace Apinator {

// One request a webhook receiver took in, byte for byte. Plain data, apart from the
// receiver (webhookreceiver.h), so that code which stores or shows captures needs no Qt Network.
struct WebhookCapture
{
    qint64 id = 0;        // row id in the capture store; 0 before it is stored
    QDateTime received;   // UTC
    QByteArray method;
    QByteArray target;    // path and query as sent
    HeaderList headers;   // in order, as received
    QByteArray body;
    int responseStatus = 0; // what the receiver answered

    // Request line, headers, blank line and body with CRLF line ends: a paste for Inspect.
    QByteArray raw() const;
};

} // namespace Apinator
