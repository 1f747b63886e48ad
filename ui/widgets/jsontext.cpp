// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "widgets/jsontext.h"

#include <vector>

using namespace Qt::StringLiterals;

namespace Apinator::Ui::JsonText {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

QString describe(QByteArrayView text, qsizetype at)
{
    if (at >= text.size())
        return u"the end of the text"_s;
    const char c = text[at];
    if (static_cast<unsigned char>(c) < 0x20)
        return u"a control character (0x"_s + QString::number(static_cast<unsigned char>(c), 16) + u')';
    return u"'"_s + QString::fromUtf8(text.sliced(at, 1)) + u"'"_s;
}

class Scanner
{
public:
    explicit Scanner(QByteArrayView text) : m_text(text) {}

    Check run();

private:
    void skipSpace()
    {
        while (m_pos < m_text.size() && isSpace(m_text[m_pos]))
            ++m_pos;
    }
    bool fail(const QString &message)
    {
        m_error = message;
        return false;
    }
    bool expected(const QString &what) { return fail(u"expected "_s + what + u", found "_s + describe(m_text, m_pos)); }
    bool string();
    bool number();
    bool literal(QByteArrayView word);
    bool value(); // a scalar, or opens a container on the stack

    QByteArrayView m_text;
    qsizetype m_pos = 0;
    QString m_error;
    std::vector<char> m_stack; // '{' or '['
};

bool Scanner::string()
{
    ++m_pos; // the opening quote
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos];
        if (c == '"') {
            ++m_pos;
            return true;
        }
        if (static_cast<unsigned char>(c) < 0x20)
            return fail(u"a string may not contain "_s + describe(m_text, m_pos) + u"; escape it"_s);
        if (c == '\\') {
            ++m_pos;
            if (m_pos >= m_text.size())
                break;
            const char e = m_text[m_pos];
            if (e == 'u') {
                for (int i = 1; i <= 4; ++i) {
                    const char h = m_pos + i < m_text.size() ? m_text[m_pos + i] : '\0';
                    if (!isDigit(h) && !((h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F'))) {
                        m_pos += i;
                        return fail(u"\\u needs four hex digits"_s);
                    }
                }
                m_pos += 4;
            } else if (!QByteArrayView("\"\\/bfnrt").contains(e)) {
                return fail(u"unknown escape '\\"_s + QString::fromUtf8(m_text.sliced(m_pos, 1)) + u"' in a string"_s);
            }
        }
        ++m_pos;
    }
    return fail(u"the string is not closed: a '\"' is missing"_s);
}

bool Scanner::number()
{
    if (m_text[m_pos] == '-')
        ++m_pos;
    if (m_pos < m_text.size() && m_text[m_pos] == '0') {
        ++m_pos;
    } else if (m_pos < m_text.size() && isDigit(m_text[m_pos])) {
        while (m_pos < m_text.size() && isDigit(m_text[m_pos]))
            ++m_pos;
    } else {
        return expected(u"a digit"_s);
    }
    if (m_pos < m_text.size() && m_text[m_pos] == '.') {
        ++m_pos;
        if (m_pos >= m_text.size() || !isDigit(m_text[m_pos]))
            return expected(u"a digit after '.'"_s);
        while (m_pos < m_text.size() && isDigit(m_text[m_pos]))
            ++m_pos;
    }
    if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
        ++m_pos;
        if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
            ++m_pos;
        if (m_pos >= m_text.size() || !isDigit(m_text[m_pos]))
            return expected(u"a digit in the exponent"_s);
        while (m_pos < m_text.size() && isDigit(m_text[m_pos]))
            ++m_pos;
    }
    return true;
}

bool Scanner::literal(QByteArrayView word)
{
    if (m_text.sliced(m_pos).startsWith(word)) {
        m_pos += word.size();
        return true;
    }
    return expected(u"a value (object, array, string, number, true, false or null)"_s);
}

bool Scanner::value()
{
    if (m_pos >= m_text.size())
        return expected(u"a value"_s);
    switch (m_text[m_pos]) {
    case '{':
    case '[':
        m_stack.push_back(m_text[m_pos]);
        ++m_pos;
        return true;
    case '"':
        return string();
    case 't':
        return literal("true");
    case 'f':
        return literal("false");
    case 'n':
        return literal("null");
    case '\'':
        return fail(u"strings take double quotes, not single quotes"_s);
    default:
        if (m_text[m_pos] == '-' || isDigit(m_text[m_pos]))
            return number();
        return expected(u"a value (object, array, string, number, true, false or null)"_s);
    }
}

Check Scanner::run()
{
    // States between tokens: after '{' a key or '}', after '[' a value or ']', after a
    // value ',' or the closer. A container just opened is marked by `opened`.
    bool ok = true;
    skipSpace();
    if (m_pos >= m_text.size()) {
        ok = fail(u"the text is empty; JSON needs a value"_s);
    } else {
        ok = value();
    }
    bool opened = !m_stack.empty();
    while (ok && !m_stack.empty()) {
        skipSpace();
        const char top = m_stack.back();
        const char closer = top == '{' ? '}' : ']';
        if (opened) {
            opened = false;
            if (m_pos < m_text.size() && m_text[m_pos] == closer) {
                ++m_pos;
                m_stack.pop_back();
                continue;
            }
        } else {
            if (m_pos < m_text.size() && m_text[m_pos] == closer) {
                ++m_pos;
                m_stack.pop_back();
                continue;
            }
            if (m_pos >= m_text.size() || m_text[m_pos] != ',') {
                ok = top == '{' ? expected(u"',' or '}' after an object member"_s)
                                : expected(u"',' or ']' after an array element"_s);
                break;
            }
            ++m_pos;
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == closer) {
                ok = fail(u"a trailing ',' before '"_s + QLatin1Char(closer) + u"' is not allowed"_s);
                break;
            }
        }
        if (top == '{') {
            if (m_pos >= m_text.size() || m_text[m_pos] != '"') {
                ok = expected(u"a member name in double quotes"_s);
                break;
            }
            if (!(ok = string()))
                break;
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != ':') {
                ok = expected(u"':' after the member name"_s);
                break;
            }
            ++m_pos;
            skipSpace();
        }
        const size_t depth = m_stack.size();
        ok = value();
        opened = m_stack.size() > depth;
    }
    if (ok) {
        skipSpace();
        if (m_pos < m_text.size())
            ok = fail(u"unexpected "_s + describe(m_text, m_pos) + u" after the end of the JSON value"_s);
    }
    Check result;
    result.valid = ok;
    if (ok)
        return result;
    result.offset = qMin(m_pos, m_text.size());
    result.message = m_error;
    // Line and column of the offset, the column in characters (UTF-8 lead bytes).
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < result.offset; ++i) {
        if (m_text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    int column = 1;
    for (qsizetype i = lineStart; i < result.offset; ++i) {
        if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80)
            ++column;
    }
    result.line = line;
    result.column = column;
    return result;
}

QByteArray relayout(QByteArrayView text, bool pretty)
{
    QByteArray out;
    out.reserve(pretty ? text.size() + text.size() / 2 : text.size());
    int depth = 0;
    auto newline = [&] {
        out += '\n';
        out.append(depth * 2, ' ');
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            // Copy the whole string as it is.
            const qsizetype start = i++;
            while (i < text.size() && text[i] != '"')
                i += text[i] == '\\' ? 2 : 1;
            out.append(text.sliced(start, qMin(i, text.size() - 1) - start + 1));
            continue;
        }
        if (isSpace(c))
            continue;
        if (!pretty) {
            out += c;
            continue;
        }
        switch (c) {
        case '{':
        case '[': {
            // Empty containers stay on one line: {} and [].
            qsizetype j = i + 1;
            while (j < text.size() && isSpace(text[j]))
                ++j;
            if (j < text.size() && (text[j] == '}' || text[j] == ']')) {
                out += c;
                out += text[j];
                i = j;
                break;
            }
            out += c;
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out += c;
            break;
        case ',':
            out += c;
            newline();
            break;
        case ':':
            out += ": ";
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace

QString Check::text() const
{
    if (valid)
        return {};
    return u"line "_s + QString::number(line) + u", column "_s + QString::number(column) + u": "_s + message;
}

Check check(QByteArrayView utf8)
{
    return Scanner(utf8).run();
}

QByteArray format(QByteArrayView utf8)
{
    if (!check(utf8).valid)
        return {};
    return relayout(utf8, true);
}

QByteArray minify(QByteArrayView utf8)
{
    if (!check(utf8).valid)
        return {};
    return relayout(utf8, false);
}

} // namespace Apinator::Ui::JsonText
