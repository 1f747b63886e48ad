// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The low-level SHA256/MD5 functions are deprecated in OpenSSL 3 but are the same
// assembly as EVP without its per-call allocations: copying a SHA256_CTX is a plain
// struct copy, which is what lets a keyed HMAC cost ~200 ns (EVP_MD_CTX_copy_ex
// allocates a provider context on every copy).
#include "cryptoruntime.h"
#include "protocol/hexdigit.h"

#include <apinator/crypto.h>

#include <openssl/crypto.h>
#include <openssl/md5.h>

#include <cstring>

namespace Apinator::Crypto {

namespace {
constexpr int BlockSize = SHA256_CBLOCK; // 64
constexpr char HexDigits[] = "0123456789abcdef";

const CryptoRuntime::Api &ssl()
{
    return CryptoRuntime::api();
}

} // namespace

struct HmacSha256::State
{
    SHA256_CTX inner; // after absorbing key ^ ipad
    SHA256_CTX outer; // after absorbing key ^ opad
};

HmacSha256::HmacSha256(QByteArrayView key)
    : d(std::make_unique<State>())
{
    unsigned char block[BlockSize] = {};
    if (key.size() > BlockSize)
        ssl().sha256(reinterpret_cast<const unsigned char *>(key.data()), size_t(key.size()), block);
    else if (!key.isEmpty())
        std::memcpy(block, key.data(), size_t(key.size()));

    unsigned char pad[BlockSize];
    for (int i = 0; i < BlockSize; ++i)
        pad[i] = block[i] ^ 0x36;
    ssl().sha256Init(&d->inner);
    ssl().sha256Update(&d->inner, pad, BlockSize);
    for (int i = 0; i < BlockSize; ++i)
        pad[i] = block[i] ^ 0x5c;
    ssl().sha256Init(&d->outer);
    ssl().sha256Update(&d->outer, pad, BlockSize);
    ssl().cleanse(block, sizeof block);
    ssl().cleanse(pad, sizeof pad);
}

HmacSha256::~HmacSha256()
{
    if (d)
        ssl().cleanse(d.get(), sizeof(State));
}

HmacSha256::HmacSha256(HmacSha256 &&) noexcept = default;
HmacSha256 &HmacSha256::operator=(HmacSha256 &&) noexcept = default;

QByteArray HmacSha256::digest(QByteArrayView message) const
{
    return digest({message});
}

namespace {
void hexInto(char *out, const unsigned char *bytes, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        *out++ = HexDigits[bytes[i] >> 4];
        *out++ = HexDigits[bytes[i] & 0x0f];
    }
}
} // namespace

void HmacSha256::compute(std::initializer_list<QByteArrayView> parts, unsigned char *mac) const
{
    SHA256_CTX ctx = d->inner;
    for (QByteArrayView part : parts)
        ssl().sha256Update(&ctx, part.data(), size_t(part.size()));
    unsigned char innerHash[SHA256_DIGEST_LENGTH];
    ssl().sha256Final(innerHash, &ctx);

    ctx = d->outer;
    ssl().sha256Update(&ctx, innerHash, sizeof innerHash);
    ssl().sha256Final(mac, &ctx);
    ssl().cleanse(&ctx, sizeof ctx);
}

QByteArray HmacSha256::digest(std::initializer_list<QByteArrayView> parts) const
{
    QByteArray mac(SHA256_DIGEST_LENGTH, Qt::Uninitialized);
    compute(parts, reinterpret_cast<unsigned char *>(mac.data()));
    return mac;
}

QByteArray HmacSha256::hexDigest(QByteArrayView message) const
{
    return hexDigest({message});
}

QByteArray HmacSha256::hexDigest(std::initializer_list<QByteArrayView> parts) const
{
    unsigned char mac[SHA256_DIGEST_LENGTH];
    compute(parts, mac);
    QByteArray hex(2 * SHA256_DIGEST_LENGTH, Qt::Uninitialized);
    hexInto(hex.data(), mac, sizeof mac);
    return hex;
}

QByteArray hmacSha256Hex(QByteArrayView key, QByteArrayView message)
{
    return HmacSha256(key).hexDigest(message);
}

QByteArray md5Hex(QByteArrayView data)
{
    unsigned char hash[MD5_DIGEST_LENGTH];
    ssl().md5(reinterpret_cast<const unsigned char *>(data.data()), size_t(data.size()), hash);
    return toHex(QByteArrayView(reinterpret_cast<const char *>(hash), MD5_DIGEST_LENGTH));
}

QByteArray toHex(QByteArrayView bytes)
{
    QByteArray out(bytes.size() * 2, Qt::Uninitialized);
    char *p = out.data();
    for (char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        *p++ = HexDigits[b >> 4];
        *p++ = HexDigits[b & 0x0f];
    }
    return out;
}

bool isHex(QByteArrayView text)
{
    if (text.size() % 2 != 0)
        return false;
    for (char c : text)
        if (hexDigitValue(c) < 0)
            return false;
    return true;
}

QByteArray fromHex(QByteArrayView text, bool *ok)
{
    if (ok)
        *ok = false;
    if (!isHex(text))
        return {};
    QByteArray out(text.size() / 2, Qt::Uninitialized);
    for (qsizetype i = 0; i < out.size(); ++i)
        out[i] = char((hexDigitValue(text[2 * i]) << 4) | hexDigitValue(text[2 * i + 1]));
    if (ok)
        *ok = true;
    return out;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return ssl().memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

QString opensslVersion()
{
    return QString::fromLatin1(ssl().version(OPENSSL_VERSION));
}

} // namespace Apinator::Crypto
