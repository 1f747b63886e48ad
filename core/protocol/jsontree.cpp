// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/jsontree.h>

#include <QStringList>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace Apinator::JsonTree {

namespace {

constexpr int MaxDepth = 64;

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Iterative enough for its purpose: recursion is bounded by MaxDepth.
class Parser
{
public:
    explicit Parser(QByteArrayView bytes)
        : m_bytes(bytes)
    {
    }

    std::optional<Node> document()
    {
        Node node;
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
    bool at(char c) const { return m_pos < m_bytes.size() && m_bytes[m_pos] == c; }

    // The token with its quotes; escapes are checked, so decodeString() cannot fail.
    bool string(QByteArray &out)
    {
        const qsizetype start = m_pos++;
        while (m_pos < m_bytes.size()) {
            const char c = m_bytes[m_pos++];
            if (c == '"') {
                out = m_bytes.sliced(start, m_pos - start).toByteArray();
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                return false;
            if (c != '\\')
                continue;
            if (m_pos >= m_bytes.size())
                return false;
            const char e = m_bytes[m_pos++];
            if (e == 'u') {
                for (int i = 0; i < 4; ++i, ++m_pos) {
                    if (m_pos >= m_bytes.size() || !isHexDigit(m_bytes[m_pos]))
                        return false;
                }
            } else if (!QByteArrayView("\"\\/bfnrt").contains(e)) {
                return false;
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

    bool value(Node &node, int depth)
    {
        if (depth > MaxDepth)
            return false;
        skipSpace();
        if (m_pos >= m_bytes.size())
            return false;
        const char c = m_bytes[m_pos];
        if (c == '"') {
            node.type = Node::Type::Scalar;
            return string(node.token);
        }
        if (c != '{' && c != '[') {
            node.type = Node::Type::Scalar;
            return scalar(node.token);
        }
        const bool object = c == '{';
        const char closer = object ? '}' : ']';
        node.type = object ? Node::Type::Object : Node::Type::Array;
        ++m_pos;
        skipSpace();
        if (at(closer)) {
            ++m_pos;
            return true;
        }
        while (true) {
            if (object) {
                skipSpace();
                QByteArray key;
                if (!at('"') || !string(key))
                    return false;
                skipSpace();
                if (!at(':'))
                    return false;
                ++m_pos;
                node.keys.push_back(std::move(key));
            }
            Node child;
            if (!value(child, depth + 1))
                return false;
            node.items.push_back(std::move(child));
            skipSpace();
            if (m_pos >= m_bytes.size())
                return false;
            const char next = m_bytes[m_pos++];
            if (next == closer)
                return true;
            if (next != ',')
                return false;
        }
    }

    QByteArrayView m_bytes;
    qsizetype m_pos = 0;
};

void appendEscapedCodeUnit(QByteArray &out, char16_t unit)
{
    static const char hex[] = "0123456789abcdef";
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4)
        out += hex[(unit >> shift) & 0xF];
}

void writeString(QByteArray &out, const QByteArray &token, const Style &style)
{
    if (!style.reencodeStrings) {
        out += token;
        return;
    }
    const QByteArray utf8 = decodeString(token);
    out += '"';
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const uchar c = uchar(utf8[i]);
        switch (c) {
        case '"': out += "\\\""; continue;
        case '\\': out += "\\\\"; continue;
        case '\b': out += "\\b"; continue;
        case '\f': out += "\\f"; continue;
        case '\n': out += "\\n"; continue;
        case '\r': out += "\\r"; continue;
        case '\t': out += "\\t"; continue;
        case '/': out += style.escapeSlashes ? "\\/" : "/"; continue;
        default: break;
        }
        if (c < 0x20) {
            appendEscapedCodeUnit(out, c);
        } else if (c < 0x80 || !style.escapeUnicode) {
            out += char(c);
        } else if ((c & 0xC0) == 0xC0) {
            // The start of a multi-byte character: escape its UTF-16 code units.
            const int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            const QString ch = QString::fromUtf8(utf8.constData() + i, qMin<qsizetype>(len, utf8.size() - i));
            for (QChar unit : ch)
                appendEscapedCodeUnit(out, unit.unicode());
            i += len - 1;
        }
    }
    out += '"';
}

void write(QByteArray &out, const Node &node, const Style &style, int depth)
{
    const QByteArrayView comma = style.spaced && style.indent == 0 ? ", " : ",";
    const QByteArrayView colon = style.spaced || style.indent > 0 ? ": " : ":";
    const auto newline = [&](int level) {
        if (style.indent > 0) {
            out += '\n';
            out.append(qsizetype(level) * style.indent, ' ');
        }
    };
    if (node.type == Node::Type::Scalar) {
        if (node.token.startsWith('"'))
            writeString(out, node.token, style);
        else
            out += node.token;
        return;
    }
    const bool object = node.type == Node::Type::Object;
    std::vector<size_t> order(node.items.size());
    std::iota(order.begin(), order.end(), size_t(0));
    if (object && style.sortKeys) {
        // By the key's text: its decoded bytes when strings are re-encoded, else the token.
        std::vector<QByteArray> sortKeys;
        for (const QByteArray &key : node.keys)
            sortKeys.push_back(style.reencodeStrings ? decodeString(key) : key);
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return sortKeys[a] < sortKeys[b]; });
    }
    out += object ? '{' : '[';
    for (size_t i = 0; i < order.size(); ++i) {
        if (i > 0)
            out += comma;
        newline(depth + 1);
        if (object) {
            writeString(out, node.keys[order[i]], style);
            out += colon;
        }
        write(out, node.items[order[i]], style, depth + 1);
    }
    if (!order.empty())
        newline(depth);
    out += object ? '}' : ']';
}

} // namespace

std::optional<Node> parse(QByteArrayView bytes)
{
    return Parser(bytes).document();
}

QByteArray decodeString(QByteArrayView token)
{
    QByteArray out;
    const QByteArrayView text = token.size() >= 2 ? token.sliced(1, token.size() - 2) : QByteArrayView();
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '\\' || i + 1 >= text.size()) {
            out += c;
            continue;
        }
        const char e = text[++i];
        switch (e) {
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
            const auto hex4 = [&](qsizetype at) {
                return at + 4 <= text.size() ? char32_t(text.sliced(at, 4).toUInt(nullptr, 16)) : char32_t(0xFFFD);
            };
            char32_t cp = hex4(i + 1);
            i += 4;
            // A surrogate pair written as two escapes is one character.
            if (cp >= 0xD800 && cp < 0xDC00 && text.sliced(i + 1).startsWith("\\u")) {
                const char32_t low = hex4(i + 3);
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    i += 6;
                }
            }
            const char32_t one[1] = {cp};
            out += QString::fromUcs4(one, 1).toUtf8();
            break;
        }
        default: out += e; // '"', '\\' and '/'
        }
    }
    return out;
}

QString Style::describe() const
{
    QStringList parts;
    if (indent > 0)
        parts << u"indented"_s;
    if (spaced)
        parts << u"with spaces after ':' and ','"_s;
    if (sortKeys)
        parts << u"keys sorted"_s;
    if (escapeSlashes)
        parts << u"slashes escaped as \\/"_s;
    if (escapeUnicode)
        parts << u"unicode escaped as \\uXXXX"_s;
    return parts.isEmpty() ? u"compact"_s : parts.join(u", "_s);
}

QByteArray write(const Node &node, const Style &style)
{
    QByteArray out;
    write(out, node, style, 0);
    return out;
}

std::optional<QByteArray> reserialize(QByteArrayView text, const Style &style)
{
    const std::optional<Node> root = parse(text);
    if (!root)
        return std::nullopt;
    return write(*root, style);
}

QList<Style> commonStyles()
{
    QList<Style> styles;
    // Every combination of the four flat styles (compact first), then the indented ones.
    for (int bits = 0; bits < 16; ++bits)
        styles.append({bool(bits & 1), 0, bool(bits & 2), true, bool(bits & 4), bool(bits & 8)});
    styles.append({false, 2, false, true, false, false});
    styles.append({false, 2, true, true, false, false});
    return styles;
}

} // namespace Apinator::JsonTree
