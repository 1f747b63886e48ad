// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "widgets/codeedit.h"

#include <QFontDatabase>
#include <QPaintEvent>
#include <QPainter>
#include <QTextBlock>

namespace Apinator::Ui {

namespace {

// The gutter delegates its painting to the editor, which knows the block geometry.
class Gutter final : public QWidget
{
public:
    explicit Gutter(CodeEdit *editor) : QWidget(editor), m_editor(editor) {}
    QSize sizeHint() const override { return {m_editor->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintGutter(event); }

private:
    CodeEdit *m_editor;
};

// How far a bracket match is looked for: beyond it, a keystroke must not pay for it.
constexpr int MaxBracketScan = 100000;

} // namespace

CodeEdit::CodeEdit(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new Gutter(this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabChangesFocus(false);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeEdit::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeEdit::updateGutter);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &CodeEdit::updateSelections);
    updateGutterWidth();
}

int CodeEdit::gutterWidth() const
{
    const int digits = qMax(3, int(QString::number(qMax(1, blockCount())).size()));
    return 8 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits;
}

void CodeEdit::updateGutterWidth()
{
    const int digits = int(QString::number(qMax(1, blockCount())).size());
    if (digits == m_digits)
        return;
    m_digits = digits;
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

void CodeEdit::updateGutter(const QRect &rect, int dy)
{
    if (dy)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
}

void CodeEdit::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), gutterWidth(), cr.height()));
}

void CodeEdit::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    painter.setFont(font());
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int current = textCursor().blockNumber();
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible() && top + height >= event->rect().top()) {
            const int line = block.blockNumber() + 1;
            if (line == m_errorLine)
                painter.fillRect(0, top, m_gutter->width(), height, QColor(220, 50, 47, 90));
            QColor colour = pal.color(QPalette::PlaceholderText);
            if (block.blockNumber() == current)
                colour = pal.color(QPalette::Text);
            painter.setPen(colour);
            painter.drawText(0, top, m_gutter->width() - 4, height, Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(line));
        }
        block = block.next();
        top += height;
    }
}

void CodeEdit::setErrorLine(int line)
{
    if (line == m_errorLine)
        return;
    m_errorLine = line;
    m_gutter->update();
    updateSelections();
}

int CodeEdit::findMatch(int position, QChar bracket) const
{
    static constexpr QStringView open = u"{[";
    static constexpr QStringView close = u"}]";
    const bool forward = open.contains(bracket);
    const QChar partner = forward ? close.at(open.indexOf(bracket)) : open.at(close.indexOf(bracket));
    const QTextDocument *doc = document();
    QTextBlock block = doc->findBlock(position);
    int depth = 0;
    int scanned = 0;
    // Brackets inside strings are not skipped: good enough for display, and cheap.
    while (block.isValid() && scanned < MaxBracketScan) {
        const QString text = block.text();
        const int base = block.position();
        int i = position >= base && position < base + text.size() + 1 ? position - base : (forward ? 0 : int(text.size()) - 1);
        for (; i >= 0 && i < text.size(); i += forward ? 1 : -1, ++scanned) {
            const QChar c = text.at(i);
            if (c == bracket)
                ++depth;
            else if (c == partner && --depth == 0)
                return base + i;
        }
        position = -1;
        block = forward ? block.next() : block.previous();
    }
    return -1;
}

void CodeEdit::updateSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    m_match = -1;
    const QTextCursor cursor = textCursor();
    const QTextBlock block = cursor.block();
    const QString text = block.text();
    const int column = cursor.positionInBlock();
    // The bracket right after the cursor, else the one right before it.
    int at = -1;
    if (column < text.size() && QStringView(u"{}[]").contains(text.at(column)))
        at = column;
    else if (column > 0 && QStringView(u"{}[]").contains(text.at(column - 1)))
        at = column - 1;
    if (at >= 0) {
        const int position = block.position() + at;
        m_match = findMatch(position, text.at(at));
        QTextCharFormat format;
        format.setBackground(m_match >= 0 ? QColor(120, 180, 255, 110) : QColor(220, 50, 47, 110));
        for (int p : {position, m_match}) {
            if (p < 0)
                continue;
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(document());
            selection.cursor.setPosition(p);
            selection.cursor.setPosition(p + 1, QTextCursor::KeepAnchor);
            selection.format = format;
            selections << selection;
        }
    }
    if (m_errorLine > 0) {
        const QTextBlock errorBlock = document()->findBlockByNumber(m_errorLine - 1);
        if (errorBlock.isValid()) {
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(errorBlock);
            selection.format.setProperty(QTextFormat::FullWidthSelection, true);
            selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            selection.format.setUnderlineColor(QColor(220, 50, 47));
            selection.format.setBackground(QColor(220, 50, 47, 30));
            selections << selection;
        }
    }
    setExtraSelections(selections);
}

} // namespace Apinator::Ui
