// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "curlruntime.h"

#ifndef APINATOR_CURL_DLOPEN

QString Apinator::CurlRuntime::loadError()
{
    return {};
}

#else

// The definitions below must not meet curl.h's type-checking macros of the same names.
#define CURL_DISABLE_TYPECHECK
#include <curl/curl.h>

#include <cstdarg>
#include <dlfcn.h>
#include <mutex>

using namespace Qt::StringLiterals;

namespace {

constexpr auto LibraryName = "libcurl.so.4";

// Every libcurl entry point the core uses. Add one here when the core starts using it:
// the link fails with "undefined reference" until then.
struct Api
{
    CURLcode (*global_init)(long);
    char *(*version)();
    CURL *(*easy_init)();
    void (*easy_cleanup)(CURL *);
    void (*easy_reset)(CURL *);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    const char *(*easy_strerror)(CURLcode);
    curl_slist *(*slist_append)(curl_slist *, const char *);
    void (*slist_free_all)(curl_slist *);
    CURLM *(*multi_init)();
    CURLMcode (*multi_cleanup)(CURLM *);
    CURLMcode (*multi_setopt)(CURLM *, CURLMoption, ...);
    CURLMcode (*multi_add_handle)(CURLM *, CURL *);
    CURLMcode (*multi_remove_handle)(CURLM *, CURL *);
    CURLMcode (*multi_assign)(CURLM *, curl_socket_t, void *);
    CURLMcode (*multi_socket_action)(CURLM *, curl_socket_t, int, int *);
    CURLMsg *(*multi_info_read)(CURLM *, int *);
};

struct Loaded
{
    Api api{};
    bool ok = false;
    QString error;
};

template<typename F>
bool resolve(void *library, const char *name, F &out, QString *error)
{
    out = reinterpret_cast<F>(dlsym(library, name));
    if (!out && error->isEmpty())
        *error = u"libcurl could not be loaded: it has no %1"_s.arg(QLatin1StringView(name));
    return out != nullptr;
}

const Loaded &loaded()
{
    static Loaded state;
    static std::once_flag once;
    std::call_once(once, [] {
        // $APINATOR_LIBCURL names another build of libcurl (a path or a soname).
        QByteArray name = qgetenv("APINATOR_LIBCURL");
        if (name.isEmpty())
            name = LibraryName;
        // RTLD_LOCAL: libcurl's own dependencies stay out of the global symbol scope.
        void *library = dlopen(name.constData(), RTLD_NOW | RTLD_LOCAL);
        if (!library) {
            state.error = u"libcurl could not be loaded (%1): install the libcurl4 package"_s.arg(
                QString::fromLocal8Bit(dlerror()));
            return;
        }
        Api &a = state.api;
        QString &e = state.error;
        const bool all = resolve(library, "curl_global_init", a.global_init, &e)
            & resolve(library, "curl_version", a.version, &e) & resolve(library, "curl_easy_init", a.easy_init, &e)
            & resolve(library, "curl_easy_cleanup", a.easy_cleanup, &e)
            & resolve(library, "curl_easy_reset", a.easy_reset, &e)
            & resolve(library, "curl_easy_setopt", a.easy_setopt, &e)
            & resolve(library, "curl_easy_getinfo", a.easy_getinfo, &e)
            & resolve(library, "curl_easy_strerror", a.easy_strerror, &e)
            & resolve(library, "curl_slist_append", a.slist_append, &e)
            & resolve(library, "curl_slist_free_all", a.slist_free_all, &e)
            & resolve(library, "curl_multi_init", a.multi_init, &e)
            & resolve(library, "curl_multi_cleanup", a.multi_cleanup, &e)
            & resolve(library, "curl_multi_setopt", a.multi_setopt, &e)
            & resolve(library, "curl_multi_add_handle", a.multi_add_handle, &e)
            & resolve(library, "curl_multi_remove_handle", a.multi_remove_handle, &e)
            & resolve(library, "curl_multi_assign", a.multi_assign, &e)
            & resolve(library, "curl_multi_socket_action", a.multi_socket_action, &e)
            & resolve(library, "curl_multi_info_read", a.multi_info_read, &e);
        state.ok = all;
    });
    return state;
}

const Api *api()
{
    const Loaded &state = loaded();
    return state.ok ? &state.api : nullptr;
}

// libcurl's option numbers carry the type of their argument (curl.h, CURLOPTTYPE_*): a long
// below 10000, a pointer (object or function) below 30000, a curl_off_t below 40000, a
// pointer to a struct curl_blob above. The same bases hold for the multi options.
template<typename Handle, typename Option, typename Result, typename Set>
Result forwardOption(Set set, Handle *handle, Option option, va_list args)
{
    const long number = long(option);
    if (number < CURLOPTTYPE_OBJECTPOINT)
        return set(handle, option, va_arg(args, long));
    if (number < CURLOPTTYPE_OFF_T)
        return set(handle, option, va_arg(args, void *));
    if (number < CURLOPTTYPE_BLOB)
        return set(handle, option, va_arg(args, curl_off_t));
    return set(handle, option, va_arg(args, void *));
}

} // namespace

QString Apinator::CurlRuntime::loadError()
{
    return loaded().error;
}

// What the core calls. Before a successful load (HttpClient asks loadError() first) only
// the constructors can be reached, and they fail the way libcurl fails when out of memory.
extern "C" {

CURLcode curl_global_init(long flags)
{
    const Api *a = api();
    return a ? a->global_init(flags) : CURLE_FAILED_INIT;
}

char *curl_version()
{
    static char unavailable[] = "libcurl (not loaded)";
    const Api *a = api();
    return a ? a->version() : unavailable;
}

CURL *curl_easy_init()
{
    const Api *a = api();
    return a ? a->easy_init() : nullptr;
}

void curl_easy_cleanup(CURL *handle)
{
    if (const Api *a = api())
        a->easy_cleanup(handle);
}

void curl_easy_reset(CURL *handle)
{
    if (const Api *a = api())
        a->easy_reset(handle);
}

CURLcode curl_easy_setopt(CURL *handle, CURLoption option, ...)
{
    const Api *a = api();
    if (!a)
        return CURLE_FAILED_INIT;
    va_list args;
    va_start(args, option);
    const CURLcode result = forwardOption<CURL, CURLoption, CURLcode>(a->easy_setopt, handle, option, args);
    va_end(args);
    return result;
}

CURLcode curl_easy_getinfo(CURL *handle, CURLINFO info, ...)
{
    const Api *a = api();
    if (!a)
        return CURLE_FAILED_INIT;
    // Every CURLINFO takes a pointer to where the answer goes.
    va_list args;
    va_start(args, info);
    void *out = va_arg(args, void *);
    va_end(args);
    return a->easy_getinfo(handle, info, out);
}

const char *curl_easy_strerror(CURLcode code)
{
    const Api *a = api();
    return a ? a->easy_strerror(code) : "libcurl is not loaded";
}

curl_slist *curl_slist_append(curl_slist *list, const char *text)
{
    const Api *a = api();
    return a ? a->slist_append(list, text) : nullptr;
}

void curl_slist_free_all(curl_slist *list)
{
    if (const Api *a = api())
        a->slist_free_all(list);
}

CURLM *curl_multi_init()
{
    const Api *a = api();
    return a ? a->multi_init() : nullptr;
}

CURLMcode curl_multi_cleanup(CURLM *multi)
{
    const Api *a = api();
    return a ? a->multi_cleanup(multi) : CURLM_BAD_HANDLE;
}

CURLMcode curl_multi_setopt(CURLM *multi, CURLMoption option, ...)
{
    const Api *a = api();
    if (!a)
        return CURLM_BAD_HANDLE;
    va_list args;
    va_start(args, option);
    const CURLMcode result = forwardOption<CURLM, CURLMoption, CURLMcode>(a->multi_setopt, multi, option, args);
    va_end(args);
    return result;
}

CURLMcode curl_multi_add_handle(CURLM *multi, CURL *handle)
{
    const Api *a = api();
    return a ? a->multi_add_handle(multi, handle) : CURLM_BAD_HANDLE;
}

CURLMcode curl_multi_remove_handle(CURLM *multi, CURL *handle)
{
    const Api *a = api();
    return a ? a->multi_remove_handle(multi, handle) : CURLM_BAD_HANDLE;
}

CURLMcode curl_multi_assign(CURLM *multi, curl_socket_t socket, void *data)
{
    const Api *a = api();
    return a ? a->multi_assign(multi, socket, data) : CURLM_BAD_HANDLE;
}

CURLMcode curl_multi_socket_action(CURLM *multi, curl_socket_t socket, int mask, int *running)
{
    const Api *a = api();
    return a ? a->multi_socket_action(multi, socket, mask, running) : CURLM_BAD_HANDLE;
}

CURLMsg *curl_multi_info_read(CURLM *multi, int *left)
{
    const Api *a = api();
    return a ? a->multi_info_read(multi, left) : nullptr;
}

} // extern "C"

#endif // APINATOR_CURL_DLOPEN
