// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "jsonscan.h"

#include "protocol/hexdigit.h"
#include "protocol/swar.h"

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Apinator {

namespace {

constexpr int MaxDepth = 128;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

QString describe(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x21 && u < 0x7f)
        return u"'"_s + QChar::fromLatin1(c) + u"'"_s;
    return u"byte 0x%1"_s.arg(u, 2, 16, QChar(u'0'));
}

void appendUtf8(QByteArray &out, char32_t cp)
{
    if (cp < 0x80) {
        out.append(char(cp));
    } else if (cp < 0x800) {
        out.append(char(0xc0 | (cp >> 6))).append(char(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
        out.append(char(0xe0 | (cp >> 12))).append(char(0x80 | ((cp >> 6) & 0x3f))).append(char(0x80 | (cp & 0x3f)));
    } else {
        out.append(char(0xf0 | (cp >> 18)))
            .append(char(0x80 | ((cp >> 12) & 0x3f)))
            .append(char(0x80 | ((cp >> 6) & 0x3f)))
            .append(char(0x80 | (cp & 0x3f)));
    }
}

} // namespace

JsonScan::JsonScan(QByteArrayView text)
    : m_text(text)
{
    qsizetype pos = 0;
    skipSpace(pos);
    if (pos == m_text.size()) {
        fail(pos, u"there is no JSON value"_s);
        return;
    }
    if (!parseValue(pos, 0, &m_root, &m_members))
        return;
    skipSpace(pos);
    if (pos != m_text.size())
        fail(pos, u"unexpected %1 after the JSON value"_s.arg(describe(m_text[pos])));
}

bool JsonScan::fail(qsizetype pos, const QString &message) const
{
    if (m_error.isEmpty()) {
        m_error = message;
        m_errorOffset = pos;
    }
    return false;
}

void JsonScan::skipSpace(qsizetype &pos) const
{
    while (pos < m_text.size()) {
        const char c = m_text[pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return;
        ++pos;
    }
}

bool JsonScan::parseValue(qsizetype &pos, int depth, Value *out, QVarLengthArray<Member, 8> *members) const
{
    if (depth > MaxDepth)
        return fail(pos, u"values nested deeper than %1 levels"_s.arg(MaxDepth));
    if (pos >= m_text.size())
        return fail(pos, u"the text ends in the middle of a value"_s);
    out->begin = pos;
    const char c = m_text[pos];
    switch (c) {
    case '{': {
        out->type = Type::Object;
        ++pos;
        skipSpace(pos);
        if (pos < m_text.size() && m_text[pos] == '}') {
            ++pos;
            break;
        }
        for (;;) {
            skipSpace(pos);
            if (pos >= m_text.size() || m_text[pos] != '"')
                return fail(pos, u"expected a member name in double quotes"_s);
            const qsizetype keyBegin = pos;
            if (!parseString(pos))
                return false;
            const qsizetype keyEnd = pos;
            skipSpace(pos);
            if (pos >= m_text.size() || m_text[pos] != ':')
                return fail(pos, u"expected ':' after a member name"_s);
            ++pos;
            skipSpace(pos);
            Value value;
            if (!parseValue(pos, depth + 1, &value, nullptr))
                return false;
            if (members) {
                Member m{string(Value{Type::String, keyBegin, keyEnd}), value};
                auto same = std::find_if(members->begin(), members->end(),
                                         [&](const Member &other) { return other.key == m.key; });
                if (same != members->end())
                    *same = std::move(m);
                else
                    members->append(std::move(m));
            }
            skipSpace(pos);
            if (pos < m_text.size() && m_text[pos] == ',') {
                ++pos;
                continue;
            }
            if (pos < m_text.size() && m_text[pos] == '}') {
                ++pos;
                break;
            }
            return fail(pos, u"expected ',' or '}' after an object member"_s);
        }
        break;
    }
    case '[': {
        out->type = Type::Array;
        ++pos;
        skipSpace(pos);
        if (pos < m_text.size() && m_text[pos] == ']') {
            ++pos;
            break;
        }
        for (;;) {
            skipSpace(pos);
            Value element;
            if (!parseValue(pos, depth + 1, &element, nullptr))
                return false;
            skipSpace(pos);
            if (pos < m_text.size() && m_text[pos] == ',') {
                ++pos;
                continue;
            }
            if (pos < m_text.size() && m_text[pos] == ']') {
                ++pos;
                break;
            }
            return fail(pos, u"expected ',' or ']' after an array element"_s);
        }
        break;
    }
    case '"':
        out->type = Type::String;
        if (!parseString(pos))
            return false;
        break;
    case 't':
        out->type = Type::Bool;
        if (!parseLiteral(pos, "true"))
            return false;
        break;
    case 'f':
        out->type = Type::Bool;
        if (!parseLiteral(pos, "false"))
            return false;
        break;
    case 'n':
        out->type = Type::Null;
        if (!parseLiteral(pos, "null"))
            return false;
        break;
    default:
        if (c != '-' && !isDigit(c))
            return fail(pos, u"unexpected %1"_s.arg(describe(c)));
        out->type = Type::Number;
        if (!parseNumber(pos))
            return false;
    }
    out->end = pos;
    return true;
}

bool JsonScan::parseString(qsizetype &pos) const
{
    const qsizetype start = pos++;
    const qsizetype size = m_text.size();
    const char *text = m_text.data();
    while (pos < size) {
        // Event data is long runs of plain characters: skip them eight at a time.
        while (pos + 8 <= size && !Swar::needsJsonLook(Swar::load8(text + pos)))
            pos += 8;
        if (pos >= size)
            break;
        const char c = m_text[pos];
        if (c == '"') {
            ++pos;
            return true;
        }
        if (static_cast<unsigned char>(c) < 0x20)
            return fail(pos, u"a control character (%1) inside a string must be escaped"_s.arg(describe(c)));
        if (c != '\\') {
            ++pos;
            continue;
        }
        if (pos + 1 >= size)
            break;
        const char e = m_text[pos + 1];
        if (e == 'u') {
            for (int i = 2; i < 6; ++i)
                if (pos + i >= size || hexDigitValue(m_text[pos + i]) < 0)
                    return fail(pos, u"\\u must be followed by four hex digits"_s);
            pos += 6;
        } else if (QByteArrayView("\"\\/bfnrt").contains(e)) {
            pos += 2;
        } else {
            return fail(pos, u"invalid escape \\%1 in a string"_s.arg(QChar::fromLatin1(e)));
        }
    }
    return fail(start, u"a string is not closed"_s);
}

bool JsonScan::parseNumber(qsizetype &pos) const
{
    const qsizetype start = pos;
    const auto digits = [&] {
        const qsizetype from = pos;
        while (pos < m_text.size() && isDigit(m_text[pos]))
            ++pos;
        return pos > from;
    };
    if (m_text[pos] == '-')
        ++pos;
    if (pos < m_text.size() && m_text[pos] == '0')
        ++pos;
    else if (!digits())
        return fail(start, u"malformed number"_s);
    if (pos < m_text.size() && m_text[pos] == '.') {
        ++pos;
        if (!digits())
            return fail(start, u"malformed number"_s);
    }
    if (pos < m_text.size() && (m_text[pos] == 'e' || m_text[pos] == 'E')) {
        ++pos;
        if (pos < m_text.size() && (m_text[pos] == '+' || m_text[pos] == '-'))
            ++pos;
        if (!digits())
            return fail(start, u"malformed number"_s);
    }
    return true;
}

bool JsonScan::parseLiteral(qsizetype &pos, QByteArrayView word) const
{
    if (m_text.sliced(pos).startsWith(word)) {
        pos += word.size();
        return true;
    }
    return fail(pos, u"unexpected %1"_s.arg(describe(m_text[pos])));
}

const JsonScan::Value *JsonScan::member(QByteArrayView key) const
{
    for (const Member &m : m_members)
        if (m.key == key)
            return &m.value;
    return nullptr;
}

QVarLengthArray<JsonScan::Value, 8> JsonScan::elements(const Value &array) const
{
    QVarLengthArray<Value, 8> out;
    if (array.type != Type::Array)
        return out;
    qsizetype pos = array.begin + 1;
    skipSpace(pos);
    while (pos < array.end - 1) {
        Value v;
        if (!parseValue(pos, 1, &v, nullptr))
            break;
        out.append(v);
        skipSpace(pos);
        if (pos < array.end && m_text[pos] == ',')
            ++pos;
        skipSpace(pos);
    }
    return out;
}

QByteArray JsonScan::string(const Value &value) const
{
    const QByteArrayView inner = m_text.sliced(value.begin + 1, value.end - value.begin - 2);
    if (!inner.contains('\\'))
        return inner.toByteArray();
    QByteArray out;
    out.reserve(inner.size());
    for (qsizetype i = 0; i < inner.size(); ++i) {
        const char c = inner[i];
        if (c != '\\') {
            out.append(c);
            continue;
        }
        const char e = inner[++i];
        switch (e) {
        case 'b': out.append('\b'); break;
        case 'f': out.append('\f'); break;
        case 'n': out.append('\n'); break;
        case 'r': out.append('\r'); break;
        case 't': out.append('\t'); break;
        case 'u': {
            const auto unit = [&](qsizetype at) {
                char32_t u = 0;
                for (int k = 0; k < 4; ++k)
                    u = (u << 4) | char32_t(hexDigitValue(inner[at + k]));
                return u;
            };
            char32_t cp = unit(i + 1);
            i += 4;
            if (cp >= 0xd800 && cp <= 0xdbff && i + 6 < inner.size() && inner[i + 1] == '\\' && inner[i + 2] == 'u') {
                const char32_t low = unit(i + 3);
                if (low >= 0xdc00 && low <= 0xdfff) {
                    cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
                    i += 6;
                }
            }
            // A lone surrogate has no UTF-8 form.
            if (cp >= 0xd800 && cp <= 0xdfff)
                cp = 0xfffd;
            appendUtf8(out, cp);
            break;
        }
        default: out.append(e); // '"', '\\', '/'
        }
    }
    return out;
}

QString JsonScan::typeName(Type type)
{
    switch (type) {
    case Type::Null: return u"null"_s;
    case Type::Bool: return u"a boolean"_s;
    case Type::Number: return u"a number"_s;
    case Type::String: return u"a string"_s;
    case Type::Array: return u"an array"_s;
    case Type::Object: return u"an object"_s;
    }
    return {};
}


} // namespace Apinator
