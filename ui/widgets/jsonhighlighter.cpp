// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "widgets/jsonhighlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace Apinator::Ui {

namespace {

// A colour readable on both light and dark bases: darker on light, lighter on dark.
QColor tone(QColor colour)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    return dark ? colour.lighter(150) : colour;
}

} // namespace

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    m_key.setForeground(tone(QColor(0x88, 0x1c, 0x8c)));
    m_string.setForeground(tone(QColor(0x1a, 0x7f, 0x37)));
    m_number.setForeground(tone(QColor(0x0b, 0x5c, 0xad)));
    m_literal.setForeground(tone(QColor(0xb3, 0x5c, 0x00)));
    m_literal.setFontWeight(QFont::Bold);
    m_punctuation.setForeground(tone(QColor(0x6a, 0x73, 0x7d)));
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == u'"') {
            const qsizetype start = i++;
            while (i < n && text.at(i) != u'"')
                i += text.at(i) == u'\\' ? 2 : 1;
            i = qMin(i + 1, n);
            // A string followed by ':' is a member name.
            qsizetype j = i;
            while (j < n && text.at(j).isSpace())
                ++j;
            setFormat(int(start), int(i - start), j < n && text.at(j) == u':' ? m_key : m_string);
        } else if (c == u'-' || c.isDigit()) {
            const qsizetype start = i++;
            while (i < n && (text.at(i).isDigit() || QStringView(u".eE+-").contains(text.at(i))))
                ++i;
            setFormat(int(start), int(i - start), m_number);
        } else if (c.isLetter()) {
            const qsizetype start = i++;
            while (i < n && text.at(i).isLetter())
                ++i;
            setFormat(int(start), int(i - start), m_literal);
        } else {
            if (QStringView(u"{}[],:").contains(c))
                setFormat(int(i), 1, m_punctuation);
            ++i;
        }
    }
}

} // namespace Apinator::Ui
