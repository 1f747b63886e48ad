// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include <cstddef>

namespace Apinator::CryptoRuntime {

// The libcrypto functions crypto.cpp calls, and nothing else calls libcrypto. With
// APINATOR_CRYPTO_DLOPEN (the default on Linux) libcrypto is not linked but loaded on the
// first hash: its relocations and data cost the console about 1.6 MB of resident memory
// and a millisecond at start-up, for signatures that may never be computed in a session.
// Without it the table points at the linked functions.
struct Api
{
    int (*sha256Init)(SHA256_CTX *);
    int (*sha256Update)(SHA256_CTX *, const void *, size_t);
    int (*sha256Final)(unsigned char *, SHA256_CTX *);
    unsigned char *(*sha256)(const unsigned char *, size_t, unsigned char *);
    unsigned char *(*md5)(const unsigned char *, size_t, unsigned char *);
    int (*memcmp)(const void *, const void *, size_t);
    void (*cleanse)(void *, size_t);
    const char *(*version)(int);
};

// Loads libcrypto on the first call ($APINATOR_LIBCRYPTO names another build). A process
// that cannot compute a hash cannot do its job: when the library or one of its functions
// is missing this ends the process with a message naming the library and the package.
const Api &api();

} // namespace Apinator::CryptoRuntime
