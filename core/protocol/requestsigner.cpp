// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/requestsigner.h>

namespace Apinator {

HeaderList RequestSignature::headers(QByteArrayView key) const
{
    return {{QByteArrayLiteral("X-Realtime-Key"), key.toByteArray()},
            {QByteArrayLiteral("X-Realtime-Timestamp"), timestamp},
            {QByteArrayLiteral("X-Realtime-Signature"), signature}};
}

RequestSigner::RequestSigner(QByteArray key, QByteArrayView secret)
    : m_key(std::move(key))
    , m_hmac(secret)
{
}

QByteArrayView RequestSigner::pathWithoutQuery(QByteArrayView target)
{
    for (qsizetype i = 0; i < target.size(); ++i)
        if (target[i] == '?' || target[i] == '#')
            return target.first(i);
    return target;
}

QByteArray RequestSigner::bodyMd5(QByteArrayView body)
{
    // The protocol signs the EMPTY string for an empty body, not the MD5 of nothing.
    return body.isEmpty() ? QByteArray() : Crypto::md5Hex(body);
}

QByteArray RequestSigner::stringToSign(QByteArrayView timestamp, QByteArrayView method, QByteArrayView path,
                                       QByteArrayView bodyMd5)
{
    QByteArray s;
    s.reserve(timestamp.size() + method.size() + path.size() + bodyMd5.size() + 3);
    s.append(timestamp).append('\n').append(method).append('\n').append(path).append('\n').append(bodyMd5);
    return s;
}

RequestSignature RequestSigner::sign(QByteArrayView method, QByteArrayView pathOrTarget, QByteArrayView body,
                                     qint64 timestamp) const
{
    RequestSignature sig;
    sig.timestamp = QByteArray::number(timestamp);
    sig.method = method.toByteArray().toUpper();
    sig.path = pathWithoutQuery(pathOrTarget).toByteArray();
    sig.bodyMd5 = bodyMd5(body);
    sig.stringToSign = stringToSign(sig.timestamp, sig.method, sig.path, sig.bodyMd5);
    sig.signature = m_hmac.hexDigest(sig.stringToSign);
    return sig;
}

} // namespace Apinator
