// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Apinator::CurlRuntime {

// With APINATOR_CURL_DLOPEN (the default on Linux) libcurl is not linked: curlruntime.cpp
// defines the curl_* functions the core calls and loads libcurl.so.4 on the first one.
// libcurl brings about 25 libraries (Kerberos, LDAP, GnuTLS, SSH, RTMP) that a process
// would otherwise map and search on every lazy symbol lookup before main(); the console
// pays for them only when it first sends something.
//
// $APINATOR_LIBCURL, when set, names the library to load instead of libcurl.so.4.
//
// Loads libcurl now if it is not loaded yet; empty when it is usable, else a sentence that
// says which library could not be loaded and why. Always empty when libcurl is linked.
QString loadError();

} // namespace Apinator::CurlRuntime
