// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

// One JSON tree that keeps a document as written, and the ways libraries write it again:
// what a sender may have signed before a framework re-encoded a webhook body, or an auth
// endpoint re-serialized channel_data. QJsonDocument sorts keys and reformats numbers,
// which would hide exactly the differences looked for.
namespace Apinator::JsonTree {

// Scalars (strings with their quotes and escapes, numbers, literals) as their exact
// token bytes; objects with their members in body order.
struct Node
{
    enum class Type { Scalar, Object, Array };
    Type type = Type::Scalar;
    QByteArray token; // Scalar
    // Object: the key tokens (quoted, as written), parallel to items. Two vectors rather
    // than pairs: a pair of an incomplete type does not compile with clang and libstdc++.
    std::vector<QByteArray> keys;
    std::vector<Node> items; // Object values, Array items
};

// nullopt when the bytes are not one JSON value (RFC 8259) or nest deeper than 64 levels.
std::optional<Node> parse(QByteArrayView bytes);

// A string token's text, escapes decoded, as UTF-8 (the token must come from parse()).
QByteArray decodeString(QByteArrayView token);

struct Style
{
    bool spaced = false;   // ", " and ": " (Python's json.dumps)
    int indent = 0;        // 2 (JSON.stringify(v, null, 2)) or 4 (json.dumps(v, indent=4)); 0 flat
    bool sortKeys = false; // every object's keys in byte order (Go maps, sort_keys=True)
    // Strings decoded and escaped again (with the two options below), as a library that
    // parsed them does; false writes every string token exactly as received.
    bool reencodeStrings = false;
    bool escapeSlashes = false; // "/" as "\/" (PHP's json_encode)
    bool escapeUnicode = false; // non-ASCII as \uXXXX (Python, PHP)

    // "keys sorted, with spaces after ':' and ','", for messages; "compact" for the plain form.
    QString describe() const;
};

QByteArray write(const Node &node, const Style &style);
// parse() then write(); nullopt when the text is not JSON.
std::optional<QByteArray> reserialize(QByteArrayView text, const Style &style);

// The styles the auth inspector tries on channel_data (strings re-encoded), compact first.
QList<Style> commonStyles();

} // namespace Apinator::JsonTree
