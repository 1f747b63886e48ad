// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// Private to the core: the ways auth endpoints re-serialize channel_data by accident.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace Apinator::JsonReserialize {

struct Style
{
    bool spaced = false;        // ", " and ": " (Python's json.dumps)
    bool sortKeys = false;      // keys in byte order (a JSON library that sorts)
    bool escapeSlashes = false; // "/" as "\/" (PHP's json_encode)
    bool escapeUnicode = false; // non-ASCII as \uXXXX (Python, PHP)
    bool indented = false;      // two-space indentation (JSON.stringify(x, null, 2))
    // "keys sorted, with spaces", for messages; "compact" for the plain form.
    QString describe() const;
};

// The text serialized in that style, keeping the original key order (unless sorted),
// numbers as written and strings decoded then re-escaped; nullopt when text is not JSON.
std::optional<QByteArray> serialize(QByteArrayView text, const Style &style);

// Every style tried by the inspector, the plain compact form first.
QList<Style> commonStyles();

} // namespace Apinator::JsonReserialize
