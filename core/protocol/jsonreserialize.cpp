// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "jsonreserialize.h"

#include <QStringList>

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace Apinator::JsonReserialize {

namespace {

// An ordered JSON tree: QJsonObject sorts keys and reformats numbers, which would hide
// exactly the differences looked for here.
struct Node
{
    enum class Kind { Object, Array, String, Raw } kind = Kind::Raw;
    QByteArray text; // decoded UTF-8 for strings; the literal as written for numbers, true, false, null
    std::vector<std::pair<QByteArray, Node>> members;
    std::vector<Node> items;
};

class Parser
{
public:
    explicit Parser(QByteArrayView text)
        : m_text(text)
    {
    }

    bool parseDocument(Node *out)
    {
        if (!parseValue(out, 0))
            return false;
        skipSpace();
        return m_pos == m_text.size();
    }

private:
    void skipSpace()
    {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n'
                                         || m_text[m_pos] == '\r'))
            ++m_pos;
    }
    bool eat(char c)
    {
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }

    static void appendUtf8(QByteArray &out, char32_t cp)
    {
        const char32_t one[1] = {cp};
        out += QString::fromUcs4(one, 1).toUtf8();
    }

    bool parseHex4(char32_t *out)
    {
        if (m_pos + 4 > m_text.size())
            return false;
        bool ok = false;
        *out = char32_t(m_text.sliced(m_pos, 4).toByteArray().toUInt(&ok, 16));
        m_pos += 4;
        return ok;
    }

    bool parseString(QByteArray *out)
    {
        if (!eat('"'))
            return false;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == '"')
                return true;
            if (uchar(c) < 0x20)
                return false;
            if (c != '\\') {
                out->append(c);
                continue;
            }
            if (m_pos >= m_text.size())
                return false;
            const char e = m_text[m_pos++];
            switch (e) {
            case '"': out->append('"'); break;
            case '\\': out->append('\\'); break;
            case '/': out->append('/'); break;
            case 'b': out->append('\b'); break;
            case 'f': out->append('\f'); break;
            case 'n': out->append('\n'); break;
            case 'r': out->append('\r'); break;
            case 't': out->append('\t'); break;
            case 'u': {
                char32_t cp = 0;
                if (!parseHex4(&cp))
                    return false;
                // A surrogate pair written as two escapes is one character.
                if (cp >= 0xD800 && cp < 0xDC00 && m_text.sliced(m_pos).startsWith("\\u")) {
                    m_pos += 2;
                    char32_t low = 0;
                    if (!parseHex4(&low) || low < 0xDC00 || low > 0xDFFF)
                        return false;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                appendUtf8(*out, cp);
                break;
            }
            default:
                return false;
            }
        }
        return false;
    }

    bool parseValue(Node *out, int depth)
    {
        if (depth > 64)
            return false;
        skipSpace();
        if (m_pos >= m_text.size())
            return false;
        const char c = m_text[m_pos];
        if (c == '{') {
            ++m_pos;
            out->kind = Node::Kind::Object;
            if (eat('}'))
                return true;
            do {
                QByteArray name;
                Node value;
                skipSpace();
                if (!parseString(&name) || !eat(':') || !parseValue(&value, depth + 1))
                    return false;
                out->members.emplace_back(std::move(name), std::move(value));
            } while (eat(','));
            return eat('}');
        }
        if (c == '[') {
            ++m_pos;
            out->kind = Node::Kind::Array;
            if (eat(']'))
                return true;
            do {
                Node value;
                if (!parseValue(&value, depth + 1))
                    return false;
                out->items.push_back(std::move(value));
            } while (eat(','));
            return eat(']');
        }
        if (c == '"') {
            out->kind = Node::Kind::String;
            return parseString(&out->text);
        }
        // A number or a literal: kept as written.
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && QByteArrayView("+-.0123456789eEtruefalsn").contains(m_text[m_pos]))
            ++m_pos;
        out->text = m_text.sliced(start, m_pos - start).toByteArray();
        return !out->text.isEmpty();
    }

    QByteArrayView m_text;
    qsizetype m_pos = 0;
};

void appendEscapedCodeUnit(QByteArray &out, char16_t unit)
{
    static const char hex[] = "0123456789abcdef";
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4)
        out += hex[(unit >> shift) & 0xF];
}

void writeString(QByteArray &out, const QByteArray &utf8, const Style &style)
{
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
        case '/':
            out += style.escapeSlashes ? "\\/" : "/";
            continue;
        default:
            break;
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
    const auto newline = [&](int level) {
        out += '\n';
        out += QByteArray(level * 2, ' ');
    };
    switch (node.kind) {
    case Node::Kind::String:
        writeString(out, node.text, style);
        return;
    case Node::Kind::Raw:
        out += node.text;
        return;
    case Node::Kind::Array:
        out += '[';
        for (size_t i = 0; i < node.items.size(); ++i) {
            if (i > 0)
                out += style.spaced && !style.indented ? ", " : ",";
            if (style.indented)
                newline(depth + 1);
            write(out, node.items[i], style, depth + 1);
        }
        if (style.indented && !node.items.empty())
            newline(depth);
        out += ']';
        return;
    case Node::Kind::Object: {
        std::vector<const std::pair<QByteArray, Node> *> members;
        for (const auto &m : node.members)
            members.push_back(&m);
        if (style.sortKeys)
            std::stable_sort(members.begin(), members.end(), [](auto *a, auto *b) { return a->first < b->first; });
        out += '{';
        for (size_t i = 0; i < members.size(); ++i) {
            if (i > 0)
                out += style.spaced && !style.indented ? ", " : ",";
            if (style.indented)
                newline(depth + 1);
            writeString(out, members[i]->first, style);
            out += style.spaced || style.indented ? ": " : ":";
            write(out, members[i]->second, style, depth + 1);
        }
        if (style.indented && !members.empty())
            newline(depth);
        out += '}';
        return;
    }
    }
}

} // namespace

QString Style::describe() const
{
    QStringList parts;
    if (indented)
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

std::optional<QByteArray> serialize(QByteArrayView text, const Style &style)
{
    Node root;
    Parser parser(text);
    if (!parser.parseDocument(&root))
        return std::nullopt;
    QByteArray out;
    out.reserve(text.size() + 16);
    write(out, root, style, 0);
    return out;
}

QList<Style> commonStyles()
{
    QList<Style> styles;
    // Every combination of the four flat styles (compact first), then the indented ones.
    for (int bits = 0; bits < 16; ++bits)
        styles.append({bool(bits & 1), bool(bits & 2), bool(bits & 4), bool(bits & 8), false});
    styles.append({false, false, false, false, true});
    styles.append({false, true, false, false, true});
    return styles;
}

} // namespace Apinator::JsonReserialize
