// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace Apinator::Crypto {

// HMAC-SHA256 with a key set once: the keyed state is computed at construction
// and reused for every message, which is what makes a signature cost ~200 ns.
// Not thread-safe: give each thread its own instance.
class HmacSha256 final
{
public:
    explicit HmacSha256(QByteArrayView key);
    ~HmacSha256();
    HmacSha256(const HmacSha256 &) = delete;
    HmacSha256 &operator=(const HmacSha256 &) = delete;
    HmacSha256(HmacSha256 &&) noexcept;
    HmacSha256 &operator=(HmacSha256 &&) noexcept;

    // The 32-byte MAC of the concatenation of the parts.
    QByteArray digest(QByteArrayView message) const;
    QByteArray digest(std::initializer_list<QByteArrayView> parts) const;
    // The same, as 64 lowercase hex characters.
    QByteArray hexDigest(QByteArrayView message) const;
    QByteArray hexDigest(std::initializer_list<QByteArrayView> parts) const;

private:
    void compute(std::initializer_list<QByteArrayView> parts, unsigned char *mac) const;
    struct State;
    std::unique_ptr<State> d;
};

// One-shot helpers for code that signs once per key.
QByteArray hmacSha256Hex(QByteArrayView key, QByteArrayView message);
// Lowercase hex MD5 of the bytes.
QByteArray md5Hex(QByteArrayView data);

// Lowercase hex, fast.
QByteArray toHex(QByteArrayView bytes);
// True when every character is 0-9, a-f or A-F and the length is even.
bool isHex(QByteArrayView text);
// Decodes hex in either case; empty result with ok=false on bad input.
QByteArray fromHex(QByteArrayView text, bool *ok = nullptr);

// Constant-time equality (CRYPTO_memcmp); unequal lengths compare false at once,
// which leaks only the length, never the content.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

// The OpenSSL library in use at run time ("OpenSSL 3.0.15 3 Sep 2024"), for About boxes
// and bug reports; callers need no OpenSSL header.
QString opensslVersion();

} // namespace Apinator::Crypto
