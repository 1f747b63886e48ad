// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "cryptoruntime.h"

#include <openssl/crypto.h>
#include <openssl/md5.h>

#include <QtGlobal>

#ifdef APINATOR_CRYPTO_DLOPEN
#include <QByteArray>

#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#endif

namespace Apinator::CryptoRuntime {

#ifndef APINATOR_CRYPTO_DLOPEN

const Api &api()
{
    static const Api linked{&SHA256_Init, &SHA256_Update, &SHA256_Final, &SHA256,
                            &MD5,         &CRYPTO_memcmp, &OPENSSL_cleanse, &OpenSSL_version};
    return linked;
}

#else

namespace {

[[noreturn]] void die(const QByteArray &name, const char *what)
{
    // Not qFatal: a message box or a core dump helps no one here; the package is missing.
    std::fprintf(stderr, "%s could not be loaded (%s): install the OpenSSL 3 library (Debian: libssl3)\n",
                 name.constData(), what);
    std::exit(127);
}

template<typename F>
void resolve(void *library, const QByteArray &name, const char *symbol, F &out)
{
    out = reinterpret_cast<F>(dlsym(library, symbol));
    if (!out)
        die(name, symbol);
}

Api load()
{
    QByteArray name = qgetenv("APINATOR_LIBCRYPTO");
    if (name.isEmpty())
        name = APINATOR_LIBCRYPTO_SONAME;
    // RTLD_LOCAL: nothing else in the process resolves symbols against this copy.
    void *library = dlopen(name.constData(), RTLD_NOW | RTLD_LOCAL);
    if (!library)
        die(name, dlerror());
    Api a{};
    resolve(library, name, "SHA256_Init", a.sha256Init);
    resolve(library, name, "SHA256_Update", a.sha256Update);
    resolve(library, name, "SHA256_Final", a.sha256Final);
    resolve(library, name, "SHA256", a.sha256);
    resolve(library, name, "MD5", a.md5);
    resolve(library, name, "CRYPTO_memcmp", a.memcmp);
    resolve(library, name, "OPENSSL_cleanse", a.cleanse);
    resolve(library, name, "OpenSSL_version", a.version);
    return a;
}

} // namespace

const Api &api()
{
    // A function-local static: thread-safe, loaded once, one test of a guard per call after.
    static const Api loaded = load();
    return loaded;
}

#endif

} // namespace Apinator::CryptoRuntime
