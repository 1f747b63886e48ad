// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "widgets/jsonhighlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace Apinator::Ui {

QTextCharFormat jsonFormat(JsonSpans::Class cls)
{
    // A colour readable on both light and dark bases: darker on light, lighter on dark.
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    const auto tone = [dark](QColor colour) { return dark ? colour.lighter(150) : colour; };
    QTextCharFormat format;
    switch (cls) {
    case JsonSpans::Plain: break;
    case JsonSpans::Key: format.setForeground(tone(QColor(0x88, 0x1c, 0x8c))); break;
    case JsonSpans::String: format.setForeground(tone(QColor(0x1a, 0x7f, 0x37))); break;
    case JsonSpans::Number: format.setForeground(tone(QColor(0x0b, 0x5c, 0xad))); break;
    case JsonSpans::Literal:
        format.setForeground(tone(QColor(0xb3, 0x5c, 0x00)));
        format.setFontWeight(QFont::Bold);
        break;
    case JsonSpans::Punctuation: format.setForeground(tone(QColor(0x6a, 0x73, 0x7d))); break;
    }
    return format;
}

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    for (size_t i = 0; i < m_formats.size(); ++i)
        m_formats[i] = jsonFormat(JsonSpans::Class(i));
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    const QByteArray classes = JsonSpans::classifyLine(text);
    // One setFormat per run of the same class.
    qsizetype start = 0;
    for (qsizetype i = 1; i <= classes.size(); ++i) {
        if (i < classes.size() && classes[i] == classes[start])
            continue;
        if (classes[start] != JsonSpans::Plain)
            setFormat(int(start), int(i - start), m_formats[size_t(classes[start])]);
        start = i;
    }
}

} // namespace Apinator::Ui
