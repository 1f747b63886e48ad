// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Apinator::Json {

// A JSON string literal for UTF-8 text, quotes included, escaped the way
// JavaScript's JSON.stringify does it: '"', '\\' and control characters only;
// '/' and non-ASCII stay as they are. The SDKs' bodies are built this way, and
// signatures cover these exact bytes.
QByteArray quote(QByteArrayView utf8);
void appendQuoted(QByteArray &out, QByteArrayView utf8);

// True when the bytes are well-formed UTF-8.
bool isValidUtf8(QByteArrayView bytes);

} // namespace Apinator::Json
