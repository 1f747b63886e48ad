// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QSslConfiguration>

namespace TestSupport {

// A server configuration with a self-signed certificate for 127.0.0.1 (P-256,
// valid until 2126), made for tests only: no client trusts it, which is the point.
QSslConfiguration selfSignedServerConfiguration();

} // namespace TestSupport
