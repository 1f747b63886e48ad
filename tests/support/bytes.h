// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

namespace TestData {

// 1 MiB of bytes (i * 7 + 3) mod 256: every byte value, not valid UTF-8. The
// expected digests in the tests were computed from the same bytes with Python's
// hashlib and hmac, an implementation independent of ours.
inline QByteArray mebibyteBody()
{
    QByteArray body(1 << 20, Qt::Uninitialized);
    for (int i = 0; i < body.size(); ++i)
        body[i] = char((i * 7 + 3) % 256);
    return body;
}

} // namespace TestData
