// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The long-line view's text, geometry and painting; its editing is in longlineinput.cpp.
#include "widgets/longlineview.h"

#include "widgets/jsonhighlighter.h"

#include <QFontDatabase>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>
#include <array>

namespace Apinator::Ui {

namespace {

// How far a bracket match is looked for: beyond it, a keystroke must not pay for it.
constexpr qsizetype MaxBracketScan = 100000;

bool isBracket(QChar c)
{
    return c == u'{' || c == u'}' || c == u'[' || c == u']';
}

} // namespace

LongLineView::LongLineView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_InputMethodEnabled);
    viewport()->setCursor(Qt::IBeamCursor);
    viewport()->setBackgroundRole(QPalette::Base);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    const QFontMetrics metrics(font());
    m_cell = QSize(qMax(1, metrics.horizontalAdvance(QLatin1Char('M'))), qMax(1, metrics.lineSpacing()));
    relayoutRows();
}

void LongLineView::setText(const QString &text)
{
    m_text = text;
    m_undo.clear();
    m_undoChars = 0;
    m_spans.clear();
    m_error = -1;
    scanLines();
    relayoutRows();
    verticalScrollBar()->setValue(0);
    moveCursor(0, false);
}

void LongLineView::scanLines()
{
    // QString::indexOf(QChar) is vectorised: a few milliseconds for 5 MB.
    m_lineStarts.assign(1, 0);
    for (qsizetype i = m_text.indexOf(u'\n'); i >= 0; i = m_text.indexOf(u'\n', i + 1))
        m_lineStarts.push_back(i + 1);
}

int LongLineView::gutterWidth() const
{
    const int digits = qMax(3, int(QString::number(qsizetype(m_lineStarts.size())).size()));
    return 8 + cellWidth() * digits;
}

void LongLineView::relayoutRows()
{
    m_columns = qMax(8, (viewport()->width() - gutterWidth() - 4) / cellWidth());
    m_rowStarts.resize(m_lineStarts.size());
    qsizetype row = 0;
    for (size_t line = 0; line < m_lineStarts.size(); ++line) {
        m_rowStarts[line] = row;
        row += rowsOf(lineLength(qsizetype(line)));
    }
    m_rows = row;
    const int visible = qMax(1, viewport()->height() / rowHeight());
    QScrollBar *bar = verticalScrollBar();
    bar->setRange(0, int(qMax<qsizetype>(0, m_rows - visible)));
    bar->setPageStep(visible);
    bar->setSingleStep(1);
}

qsizetype LongLineView::lineLength(qsizetype line) const
{
    const qsizetype end = line + 1 < qsizetype(m_lineStarts.size()) ? m_lineStarts[size_t(line + 1)] - 1 : m_text.size();
    return end - m_lineStarts[size_t(line)];
}

qsizetype LongLineView::rowsOf(qsizetype length) const
{
    return qMax<qsizetype>(1, (length + m_columns - 1) / m_columns);
}

qsizetype LongLineView::lineOf(qsizetype position) const
{
    return qsizetype(std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), position) - m_lineStarts.begin()) - 1;
}

QPoint LongLineView::cellOf(qsizetype position) const
{
    position = qBound(qsizetype(0), position, m_text.size());
    const qsizetype line = lineOf(position);
    const qsizetype offset = position - m_lineStarts[size_t(line)];
    // The end of a line that fills its last row stays on that row.
    const qsizetype row = qMin(offset / m_columns, rowsOf(lineLength(line)) - 1);
    return QPoint(int(offset - row * m_columns), int(m_rowStarts[size_t(line)] + row));
}

qsizetype LongLineView::positionAtCell(qsizetype row, qsizetype column) const
{
    row = qBound(qsizetype(0), row, m_rows - 1);
    const qsizetype line = qsizetype(std::upper_bound(m_rowStarts.begin(), m_rowStarts.end(), row) - m_rowStarts.begin()) - 1;
    const qsizetype offset = (row - m_rowStarts[size_t(line)]) * m_columns + qBound(qsizetype(0), column, qsizetype(m_columns));
    return m_lineStarts[size_t(line)] + qMin(offset, lineLength(line));
}

qsizetype LongLineView::positionAt(QPoint point) const
{
    const qsizetype row = verticalScrollBar()->value() + (point.y() < 0 ? -1 : point.y() / rowHeight());
    const qsizetype column = (point.x() - gutterWidth() + cellWidth() / 2) / cellWidth();
    return positionAtCell(row, column);
}

QPoint LongLineView::pointOf(qsizetype position) const
{
    const QPoint cell = cellOf(position);
    return QPoint(gutterWidth() + cell.x() * cellWidth(), (cell.y() - verticalScrollBar()->value()) * rowHeight());
}

void LongLineView::ensureCursorVisible()
{
    QScrollBar *bar = verticalScrollBar();
    const int row = cellOf(m_cursor).y();
    if (row < bar->value())
        bar->setValue(row);
    else if (row >= bar->value() + bar->pageStep())
        bar->setValue(row - bar->pageStep() + 1);
}

void LongLineView::setErrorPosition(qsizetype position)
{
    m_error = position;
    viewport()->update();
}

void LongLineView::updateMatch()
{
    m_match = -1;
    m_bracket = -1;
    qsizetype at = -1;
    if (m_cursor < m_text.size() && isBracket(m_text.at(m_cursor)))
        at = m_cursor;
    else if (m_cursor > 0 && isBracket(m_text.at(m_cursor - 1)))
        at = m_cursor - 1;
    if (at < 0)
        return;
    m_bracket = at;
    const QChar bracket = m_text.at(at);
    const bool forward = bracket == u'{' || bracket == u'[';
    const QChar partner = bracket == u'{' ? u'}' : bracket == u'[' ? u']' : bracket == u'}' ? u'{' : u'[';
    // Brackets inside strings are not skipped: good enough for display, and cheap.
    int depth = 0;
    const qsizetype step = forward ? 1 : -1;
    for (qsizetype i = at, scanned = 0; i >= 0 && i < m_text.size() && scanned < MaxBracketScan; i += step, ++scanned) {
        const QChar c = m_text.at(i);
        if (c == bracket) {
            ++depth;
        } else if (c == partner && --depth == 0) {
            m_match = i;
            return;
        }
    }
}

void LongLineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    const qsizetype cursorRow = cellOf(m_cursor).y();
    const bool wasVisible = cursorRow >= verticalScrollBar()->value()
                            && cursorRow < verticalScrollBar()->value() + verticalScrollBar()->pageStep();
    relayoutRows();
    if (wasVisible)
        ensureCursorVisible();
}

void LongLineView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void LongLineView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    const QPalette pal = palette();
    const int gutter = gutterWidth();
    const int cw = cellWidth();
    const int rh = rowHeight();
    painter.fillRect(event->rect(), pal.base());
    painter.fillRect(0, 0, gutter, viewport()->height(), pal.alternateBase());
    painter.setFont(font());
    const qsizetype first = verticalScrollBar()->value();
    const qsizetype last = qMin(m_rows, first + viewport()->height() / rh + 1);
    if (first >= last)
        return;
    // Only the characters on screen are coloured.
    const qsizetype from = positionAtCell(first, 0);
    const qsizetype to = positionAtCell(last - 1, m_columns);
    const QByteArray classes = m_spans.classify(m_text, from, to);
    std::array<QTextCharFormat, 6> formats;
    for (size_t i = 0; i < formats.size(); ++i)
        formats[i] = jsonFormat(JsonSpans::Class(i));
    const QFont normal = font();
    QFont bold = font();
    bold.setBold(true);
    const int ascent = QFontMetrics(normal).ascent();
    const QColor selection = pal.color(QPalette::Highlight);
    const qsizetype selStart = selectionStart();
    const qsizetype selEnd = selectionEnd();
    const qsizetype cursorLine = lineOf(m_cursor);
    for (qsizetype row = first; row < last; ++row) {
        const int y = int(row - first) * rh;
        const qsizetype rowStart = positionAtCell(row, 0);
        const qsizetype line = lineOf(rowStart);
        const qsizetype lineEnd = m_lineStarts[size_t(line)] + lineLength(line);
        const qsizetype rowEnd = qMin(rowStart + m_columns, lineEnd);
        const auto x = [&](qsizetype position) { return gutter + int(position - rowStart) * cw; };
        if (row == m_rowStarts[size_t(line)]) {
            painter.setPen(pal.color(line == cursorLine ? QPalette::Text : QPalette::PlaceholderText));
            painter.drawText(0, y, gutter - 4, rh, Qt::AlignRight | Qt::AlignVCenter, QString::number(line + 1));
        }
        if (m_error >= rowStart && (m_error < rowEnd || (m_error == rowEnd && rowEnd == lineEnd))) {
            painter.fillRect(gutter, y, viewport()->width() - gutter, rh, QColor(220, 50, 47, 30));
            painter.fillRect(x(m_error), y + rh - 2, cw, 2, QColor(220, 50, 47));
        }
        if (selEnd > rowStart && selStart < rowEnd + (rowEnd == lineEnd ? 1 : 0)) {
            const qsizetype a = qMax(selStart, rowStart);
            const qsizetype b = qMin(selEnd, rowEnd);
            painter.fillRect(x(a), y, qMax(int(b - a) * cw, cw / 2), rh, selection);
        }
        for (qsizetype p : {m_bracket, m_match}) {
            if (p >= rowStart && p < rowEnd)
                painter.fillRect(x(p), y, cw, rh, m_match >= 0 ? QColor(120, 180, 255, 110) : QColor(220, 50, 47, 110));
        }
        // One drawText per run of a class, each run placed on its cells.
        for (qsizetype a = rowStart; a < rowEnd;) {
            const char cls = classes.at(a - from);
            qsizetype b = a + 1;
            while (b < rowEnd && classes.at(b - from) == cls)
                ++b;
            QString run = m_text.sliced(a, b - a);
            for (QChar &c : run) {
                if (c.unicode() < 0x20)
                    c = u' ';
            }
            const QTextCharFormat &format = formats[size_t(cls)];
            painter.setPen(format.hasProperty(QTextFormat::ForegroundBrush) ? format.foreground().color()
                                                                            : pal.color(QPalette::Text));
            painter.setFont(format.fontWeight() == QFont::Bold ? bold : normal);
            painter.drawText(QPointF(x(a), y + ascent), run);
            a = b;
        }
    }
    if (hasFocus()) {
        const QPoint cell = cellOf(m_cursor);
        if (cell.y() >= first && cell.y() < last)
            painter.fillRect(QRect(pointOf(m_cursor), QSize(2, rh)), pal.color(QPalette::Text));
    }
}

} // namespace Apinator::Ui
