// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "jsonreformat.h"

#include <algorithm>

namespace Apinator::Webhooks {

namespace {

constexpr int MaxDepth = 64;

class Parser
{
public:
    explicit Parser(QByteArrayView bytes)
        : m_bytes(bytes)
    {
    }

    std::optional<JsonNode> document()
    {
        JsonNode node;
        if (!value(node, 0))
            return std::nullopt;
        skipSpace();
        if (m_pos != m_bytes.size())
            return std::nullopt;
        return node;
    }

private:
    void skipSpace()
    {
        while (m_pos < m_bytes.size()) {
            const char c = m_bytes[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            ++m_pos;
        }
    }

    bool string(QByteArray &out)
    {
        const qsizetype start = m_pos;
        ++m_pos; // the opening quote
        while (m_pos < m_bytes.size()) {
            const char c = m_bytes[m_pos];
            if (c == '\\') {
                m_pos += 2;
                continue;
            }
            if (c >= 0 && c < 0x20)
                return false;
            ++m_pos;
            if (c == '"') {
                out = m_bytes.sliced(start, m_pos - start).toByteArray();
                return true;
            }
        }
        return false;
    }

    bool scalar(QByteArray &out)
    {
        const qsizetype start = m_pos;
        while (m_pos < m_bytes.size()) {
            const char c = m_bytes[m_pos];
            const bool part = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' || c == '+' || c == '.'
                              || c == 'E';
            if (!part)
                break;
            ++m_pos;
        }
        if (m_pos == start)
            return false;
        out = m_bytes.sliced(start, m_pos - start).toByteArray();
        // Only what JSON allows: a number, true, false or null.
        if (out == "true" || out == "false" || out == "null")
            return true;
        const char first = out[0];
        return first == '-' || (first >= '0' && first <= '9');
    }

    bool value(JsonNode &node, int depth)
    {
        if (depth > MaxDepth)
            return false;
        skipSpace();
        if (m_pos >= m_bytes.size())
            return false;
        const char c = m_bytes[m_pos];
        if (c == '"') {
            node.type = JsonNode::Type::Scalar;
            return string(node.token);
        }
        if (c == '{') {
            node.type = JsonNode::Type::Object;
            ++m_pos;
            skipSpace();
            if (m_pos < m_bytes.size() && m_bytes[m_pos] == '}') {
                ++m_pos;
                return true;
            }
            while (true) {
                skipSpace();
                QByteArray key;
                if (m_pos >= m_bytes.size() || m_bytes[m_pos] != '"' || !string(key))
                    return false;
                skipSpace();
                if (m_pos >= m_bytes.size() || m_bytes[m_pos] != ':')
                    return false;
                ++m_pos;
                JsonNode child;
                if (!value(child, depth + 1))
                    return false;
                node.keys.push_back(std::move(key));
                node.items.push_back(std::move(child));
                skipSpace();
                if (m_pos >= m_bytes.size())
                    return false;
                if (m_bytes[m_pos++] == '}')
                    return true;
                if (m_bytes[m_pos - 1] != ',')
                    return false;
            }
        }
        if (c == '[') {
            node.type = JsonNode::Type::Array;
            ++m_pos;
            skipSpace();
            if (m_pos < m_bytes.size() && m_bytes[m_pos] == ']') {
                ++m_pos;
                return true;
            }
            while (true) {
                JsonNode child;
                if (!value(child, depth + 1))
                    return false;
                node.items.push_back(std::move(child));
                skipSpace();
                if (m_pos >= m_bytes.size())
                    return false;
                if (m_bytes[m_pos++] == ']')
                    return true;
                if (m_bytes[m_pos - 1] != ',')
                    return false;
            }
        }
        node.type = JsonNode::Type::Scalar;
        return scalar(node.token);
    }

    QByteArrayView m_bytes;
    qsizetype m_pos = 0;
};

void newline(QByteArray &out, JsonStyle style, int depth)
{
    const int width = style == JsonStyle::Indent2 ? 2 : 4;
    out.append('\n');
    out.append(QByteArray(qsizetype(depth) * width, ' '));
}

void write(QByteArray &out, const JsonNode &node, JsonStyle style, bool sortKeys, int depth)
{
    const bool indented = style == JsonStyle::Indent2 || style == JsonStyle::Indent4;
    const QByteArrayView comma = style == JsonStyle::Spaced ? ", " : ",";
    const QByteArrayView colon = style == JsonStyle::Compact ? ":" : ": ";
    switch (node.type) {
    case JsonNode::Type::Scalar: out.append(node.token); return;
    case JsonNode::Type::Array:
        out.append('[');
        for (size_t i = 0; i < node.items.size(); ++i) {
            if (i > 0)
                out.append(comma);
            if (indented)
                newline(out, style, depth + 1);
            write(out, node.items[i], style, sortKeys, depth + 1);
        }
        if (indented && !node.items.empty())
            newline(out, style, depth);
        out.append(']');
        return;
    case JsonNode::Type::Object: {
        std::vector<size_t> members(node.keys.size());
        for (size_t i = 0; i < members.size(); ++i)
            members[i] = i;
        if (sortKeys)
            std::stable_sort(members.begin(), members.end(),
                             [&](size_t a, size_t b) { return node.keys[a] < node.keys[b]; });
        out.append('{');
        for (size_t i = 0; i < members.size(); ++i) {
            if (i > 0)
                out.append(comma);
            if (indented)
                newline(out, style, depth + 1);
            out.append(node.keys[members[i]]).append(colon);
            write(out, node.items[members[i]], style, sortKeys, depth + 1);
        }
        if (indented && !members.empty())
            newline(out, style, depth);
        out.append('}');
        return;
    }
    }
}

} // namespace

std::optional<JsonNode> parseJsonTree(QByteArrayView bytes)
{
    return Parser(bytes).document();
}

QByteArray writeJson(const JsonNode &node, JsonStyle style, bool sortKeys)
{
    QByteArray out;
    write(out, node, style, sortKeys, 0);
    return out;
}

} // namespace Apinator::Webhooks
