// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "widgets/jsontext.h"

#include <QCoreApplication>

#include <vector>

using namespace Qt::StringLiterals;

namespace Apinator::Ui::JsonText {

namespace {

// The editor shows these messages under the text: they are translated in one context,
// in a form lupdate reads. Built only on an error, so valid megabytes pay nothing.
struct Message
{
    Q_DECLARE_TR_FUNCTIONS(Apinator::Ui::JsonText)
};

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
        return Message::tr("the end of the text");
    const char c = text[at];
    if (static_cast<unsigned char>(c) < 0x20)
        return Message::tr("a control character (0x%1)").arg(QString::number(static_cast<unsigned char>(c), 16));
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
    static QString anyValue() { return Message::tr("a value (object, array, string, number, true, false or null)"); }
    bool expected(const QString &what)
    {
        return fail(Message::tr("expected %1, found %2").arg(what, describe(m_text, m_pos)));
    }
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
            return fail(Message::tr("a string may not contain %1; escape it").arg(describe(m_text, m_pos)));
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
                        return fail(Message::tr("\\u needs four hex digits"));
                    }
                }
                m_pos += 4;
            } else if (!QByteArrayView("\"\\/bfnrt").contains(e)) {
                return fail(Message::tr("unknown escape '\\%1' in a string").arg(QString::fromUtf8(m_text.sliced(m_pos, 1))));
            }
        }
        ++m_pos;
    }
    return fail(Message::tr("the string is not closed: a '\"' is missing"));
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
        return expected(Message::tr("a digit"));
    }
    if (m_pos < m_text.size() && m_text[m_pos] == '.') {
        ++m_pos;
        if (m_pos >= m_text.size() || !isDigit(m_text[m_pos]))
            return expected(Message::tr("a digit after '.'"));
        while (m_pos < m_text.size() && isDigit(m_text[m_pos]))
            ++m_pos;
    }
    if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
        ++m_pos;
        if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
            ++m_pos;
        if (m_pos >= m_text.size() || !isDigit(m_text[m_pos]))
            return expected(Message::tr("a digit in the exponent"));
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
    return expected(anyValue());
}

bool Scanner::value()
{
    if (m_pos >= m_text.size())
        return expected(Message::tr("a value"));
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
        return fail(Message::tr("strings take double quotes, not single quotes"));
    default:
        if (m_text[m_pos] == '-' || isDigit(m_text[m_pos]))
            return number();
        return expected(anyValue());
    }
}

Check Scanner::run()
{
    // States between tokens: after '{' a key or '}', after '[' a value or ']', after a
    // value ',' or the closer. A container just opened is marked by `opened`.
    bool ok = true;
    skipSpace();
    if (m_pos >= m_text.size()) {
        ok = fail(Message::tr("the text is empty; JSON needs a value"));
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
                ok = top == '{' ? expected(Message::tr("',' or '}' after an object member"))
                                : expected(Message::tr("',' or ']' after an array element"));
                break;
            }
            ++m_pos;
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == closer) {
                ok = fail(Message::tr("a trailing ',' before '%1' is not allowed").arg(QLatin1Char(closer)));
                break;
            }
        }
        if (top == '{') {
            if (m_pos >= m_text.size() || m_text[m_pos] != '"') {
                ok = expected(Message::tr("a member name in double quotes"));
                break;
            }
            if (!(ok = string()))
                break;
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != ':') {
                ok = expected(Message::tr("':' after the member name"));
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
            ok = fail(Message::tr("unexpected %1 after the end of the JSON value").arg(describe(m_text, m_pos)));
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
    return Message::tr("line %1, column %2: %3").arg(line).arg(column).arg(message);
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
