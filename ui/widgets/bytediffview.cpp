// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "bytediffview.h"

#include <QFontDatabase>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {

// One byte as shown; escape true when it is not the byte itself.
QString token(uchar c, bool *escape)
{
    *escape = true;
    switch (c) {
    case '\n': return u"\\n"_s;
    case '\r': return u"\\r"_s;
    case '\t': return u"\\t"_s;
    case ' ': return u"\u00B7"_s; // a middle dot: a space you can count
    default: break;
    }
    if (c < 0x20 || c >= 0x7F)
        return u"\\x"_s + QString::number(uint(c), 16).rightJustified(2, u'0').toUpper();
    *escape = false;
    return QString(QChar(char16_t(c)));
}

} // namespace

ByteDiffView::ByteDiffView(QWidget *parent)
    : QTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAnywhere);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setAccessibleName(tr("String to sign, byte by byte"));
}

QString ByteDiffView::escaped(QByteArrayView bytes)
{
    QString out;
    for (char c : bytes) {
        bool escape = false;
        const QString t = token(uchar(c), &escape);
        out += c == ' ' ? u" "_s : t;
    }
    return out;
}

ByteDiffView::Difference ByteDiffView::difference(QByteArrayView expected, QByteArrayView other)
{
    Difference d;
    const qsizetype shorter = qMin(expected.size(), other.size());
    while (d.prefix < shorter && expected[d.prefix] == other[d.prefix])
        ++d.prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - d.prefix && expected[expected.size() - 1 - suffix] == other[other.size() - 1 - suffix])
        ++suffix;
    d.expectedEnd = expected.size() - suffix;
    d.otherEnd = other.size() - suffix;
    return d;
}

QString ByteDiffView::row(const QString &label, QByteArrayView bytes, qsizetype from, qsizetype to) const
{
    const QString escapeColor = palette().color(QPalette::Link).name();
    QString html = u"<p style='margin:0'><b>%1</b> <span style='color:gray'>(%2 bytes)</span></p><p style='margin:0 0 8px 0'>"_s
                       .arg(label.toHtmlEscaped())
                       .arg(bytes.size());
    bool inDiff = false;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const bool diff = i >= from && i < to;
        if (diff != inDiff) {
            html += diff ? u"<span style='background-color:#ffd0d0; color:#000000'>"_s : u"</span>"_s;
            inDiff = diff;
        }
        bool escape = false;
        const QString t = token(uchar(bytes[i]), &escape);
        if (escape)
            html += u"<span style='color:%1'>%2</span>"_s.arg(escapeColor, t.toHtmlEscaped());
        else
            html += t.toHtmlEscaped();
    }
    if (inDiff)
        html += u"</span>"_s;
    return html + u"</p>"_s;
}

void ByteDiffView::setBytes(const QByteArray &expected, const std::optional<QByteArray> &other,
                            const QString &expectedLabel, const QString &otherLabel, const QString &missingNote)
{
    QString html;
    if (other) {
        const Difference d = difference(expected, *other);
        const bool equal = expected == *other;
        m_highlighted = equal ? std::pair<qsizetype, qsizetype>{0, 0}
                              : std::pair<qsizetype, qsizetype>{d.expectedEnd - d.prefix, d.otherEnd - d.prefix};
        html += row(expectedLabel, expected, d.prefix, equal ? d.prefix : d.expectedEnd);
        html += row(otherLabel, *other, d.prefix, equal ? d.prefix : d.otherEnd);
        if (equal)
            html += u"<p style='color:gray'>%1</p>"_s.arg(tr("The two strings are identical.").toHtmlEscaped());
    } else {
        m_highlighted = {0, 0};
        html += row(expectedLabel, expected, 0, 0);
        html += u"<p style='color:gray'>%1</p>"_s.arg((missingNote.isEmpty() ? otherLabel : missingNote).toHtmlEscaped());
    }
    setHtml(html);
    setAccessibleDescription(escaped(expected) + (other ? u" / "_s + escaped(*other) : QString()));
}

void ByteDiffView::clearBytes()
{
    m_highlighted = {0, 0};
    clear();
}

} // namespace Apinator::Ui
