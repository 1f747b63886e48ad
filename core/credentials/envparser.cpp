// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "envparser.h"

#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace Apinator::Env {

namespace {

constexpr qsizetype MaxShownLength = 80;

bool isNameStart(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || c == u'_';
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= u'0' && c <= u'9');
}

void skipBlanks(const QString &s, qsizetype &i)
{
    while (i < s.size() && (s.at(i) == u' ' || s.at(i) == u'\t'))
        ++i;
}

// What may follow a closing quote: blanks, then nothing or a comment.
bool onlyCommentFollows(const QString &s, qsizetype i)
{
    skipBlanks(s, i);
    return i == s.size() || s.at(i) == u'#';
}

QString escaped(const QString &line)
{
    QString shown;
    for (const QChar c : line) {
        if (c == u'\t')
            shown += u"\\t"_s;
        else if (c.category() == QChar::Other_Control)
            shown += u"\\x%1"_s.arg(uint(c.unicode()), 2, 16, QChar(u'0'));
        else
            shown += c;
    }
    if (shown.size() > MaxShownLength)
        shown = shown.left(MaxShownLength) + u"..."_s;
    return shown;
}

} // namespace

bool isSecretName(const QString &name)
{
    return name == u"APINATOR_SECRET" || name == u"APINATOR_WEBHOOK_SECRET";
}

QString displayLine(const QString &line, const QString &name)
{
    if (isSecretName(name)) {
        const qsizetype equals = line.indexOf(u'=');
        return escaped(line.left(equals < 0 ? line.size() : equals).trimmed()) + u"=<hidden>"_s;
    }
    return escaped(line.trimmed());
}

Parsed parse(const QByteArray &bytes)
{
    Parsed parsed;
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder(bytes);
    if (decoder.hasError()) {
        parsed.error = u"the file is not UTF-8 text"_s;
        return parsed;
    }
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);

    const QStringList lines = text.split(u'\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        QString line = lines.at(n);
        if (line.endsWith(u'\r'))
            line.chop(1);
        const int lineNumber = int(n + 1);
        const auto fail = [&](const QString &why, const QString &name) {
            parsed.entries.clear();
            parsed.error = u"line %1: %2: %3"_s.arg(lineNumber).arg(why, displayLine(line, name));
            return parsed;
        };

        qsizetype i = 0;
        skipBlanks(line, i);
        if (i == line.size() || line.at(i) == u'#')
            continue;
        if (QStringView(line).mid(i).startsWith(u"export") && i + 6 < line.size()
            && (line.at(i + 6) == u' ' || line.at(i + 6) == u'\t')) {
            i += 6;
            skipBlanks(line, i);
        }
        const qsizetype nameStart = i;
        if (i == line.size() || !isNameStart(line.at(i)))
            return fail(u"expected NAME=value"_s, {});
        while (i < line.size() && isNameChar(line.at(i)))
            ++i;
        const QString name = line.mid(nameStart, i - nameStart);
        skipBlanks(line, i);
        if (i == line.size() || line.at(i) != u'=')
            return fail(u"expected '=' after %1"_s.arg(name), name);
        ++i;
        skipBlanks(line, i);

        QString value;
        if (i < line.size() && line.at(i) == u'\'') {
            const qsizetype close = line.indexOf(u'\'', i + 1);
            if (close < 0)
                return fail(u"the ' quote is not closed on this line"_s, name);
            value = line.mid(i + 1, close - i - 1);
            if (!onlyCommentFollows(line, close + 1))
                return fail(u"unexpected text after the closing quote"_s, name);
        } else if (i < line.size() && line.at(i) == u'"') {
            bool closed = false;
            for (++i; i < line.size(); ++i) {
                const QChar c = line.at(i);
                if (c == u'"') {
                    closed = true;
                    break;
                }
                if (c == u'\\' && i + 1 < line.size()) {
                    const QChar next = line.at(++i);
                    switch (next.unicode()) {
                    case 'n': value += u'\n'; break;
                    case 'r': value += u'\r'; break;
                    case 't': value += u'\t'; break;
                    case '"': case '\\': case '$': value += next; break;
                    default: value += u'\\'; value += next; break; // unknown escape: kept as written
                    }
                    continue;
                }
                value += c;
            }
            if (!closed)
                return fail(u"the \" quote is not closed on this line"_s, name);
            if (!onlyCommentFollows(line, i + 1))
                return fail(u"unexpected text after the closing quote"_s, name);
        } else {
            value = line.mid(i);
            // A comment starts at a '#' after a blank; "a#b" keeps its '#'.
            for (qsizetype k = 0; k < value.size(); ++k) {
                if (value.at(k) == u'#' && (k == 0 || value.at(k - 1) == u' ' || value.at(k - 1) == u'\t')) {
                    value.truncate(k);
                    break;
                }
            }
            value = value.trimmed();
        }
        parsed.entries.append({lineNumber, name, value});
    }
    return parsed;
}

} // namespace Apinator::Env
