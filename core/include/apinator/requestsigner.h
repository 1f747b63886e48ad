// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

#include <apinator/crypto.h>

namespace Apinator {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// Everything that went into one REST request signature, for display and for sending.
struct RequestSignature
{
    QByteArray timestamp;    // decimal unix seconds
    QByteArray method;       // upper case
    QByteArray path;         // without the query string
    QByteArray bodyMd5;      // empty for an empty body
    QByteArray stringToSign; // timestamp \n METHOD \n path \n body_md5
    QByteArray signature;    // lowercase hex HMAC-SHA256
    // X-Realtime-Key, X-Realtime-Timestamp, X-Realtime-Signature, in that order.
    HeaderList headers(QByteArrayView key) const;
};

// Signs REST requests with one app's secret (PROTOCOL.md, "REST requests").
// The keyed HMAC state is reused across calls.
class RequestSigner final
{
public:
    RequestSigner(QByteArray key, QByteArrayView secret);

    RequestSignature sign(QByteArrayView method, QByteArrayView pathOrTarget, QByteArrayView body,
                          qint64 timestamp) const;
    const QByteArray &key() const { return m_key; }

    // "/apps/1/channels?x=y" -> "/apps/1/channels"; also drops a fragment.
    static QByteArrayView pathWithoutQuery(QByteArrayView target);
    // MD5 hex of the body, or the empty string for an empty body.
    static QByteArray bodyMd5(QByteArrayView body);
    static QByteArray stringToSign(QByteArrayView timestamp, QByteArrayView method, QByteArrayView path,
                                   QByteArrayView bodyMd5);

private:
    QByteArray m_key;
    Crypto::HmacSha256 m_hmac;
};

} // namespace Apinator
