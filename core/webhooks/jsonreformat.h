// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>
#include <vector>

namespace Apinator::Webhooks {

// A JSON document kept as written: scalars (strings with their escapes, numbers,
// literals) as their exact token bytes, objects with their members in body order.
// Used to rebuild the bytes a sender may have signed before a framework re-encoded them.
struct JsonNode
{
    enum class Type { Scalar, Object, Array };
    Type type = Type::Scalar;
    QByteArray token;                                     // Scalar
    // Object: the key tokens (quoted), parallel to items. Two vectors rather than pairs:
    // a pair of an incomplete type does not compile everywhere (clang with libstdc++).
    std::vector<QByteArray> keys;
    std::vector<JsonNode> items;                          // Object values, Array items
};

// nullopt when the bytes are not one JSON value (or nest deeper than 64 levels).
std::optional<JsonNode> parseJsonTree(QByteArrayView bytes);

enum class JsonStyle {
    Compact, // {"a":1,"b":[1,2]}           JSON.stringify, Go's json.Marshal
    Spaced,  // {"a": 1, "b": [1, 2]}       Python's json.dumps
    Indent2, // JSON.stringify(v, null, 2)
    Indent4, // json.dumps(v, indent=4)
};

// sortKeys sorts every object's keys (Go maps, json.dumps(sort_keys=True)).
QByteArray writeJson(const JsonNode &node, JsonStyle style, bool sortKeys);

} // namespace Apinator::Webhooks
