// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The long-line view's editing: keys, mouse, clipboard and undo.
#include "widgets/longlineview.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {

// The undo history keeps this many characters of removed and inserted text at most.
constexpr qsizetype MaxUndoChars = 32 * 1024 * 1024;
// Consecutive typed characters merge into one undo step up to this length.
constexpr qsizetype MaxMergedTyping = 64;

// Keys the view handles itself, so a window shortcut on the same keys does not take them.
constexpr std::array OwnKeys = {
    QKeySequence::SelectAll, QKeySequence::Copy, QKeySequence::Cut, QKeySequence::Paste, QKeySequence::Undo,
    QKeySequence::Delete, QKeySequence::MoveToNextChar, QKeySequence::MoveToPreviousChar,
    QKeySequence::SelectNextChar, QKeySequence::SelectPreviousChar, QKeySequence::MoveToNextLine,
    QKeySequence::MoveToPreviousLine, QKeySequence::SelectNextLine, QKeySequence::SelectPreviousLine,
    QKeySequence::MoveToStartOfLine, QKeySequence::MoveToEndOfLine, QKeySequence::SelectStartOfLine,
    QKeySequence::SelectEndOfLine, QKeySequence::MoveToStartOfDocument, QKeySequence::MoveToEndOfDocument,
    QKeySequence::SelectStartOfDocument, QKeySequence::SelectEndOfDocument, QKeySequence::MoveToNextPage,
    QKeySequence::MoveToPreviousPage, QKeySequence::SelectNextPage, QKeySequence::SelectPreviousPage,
};

bool isLowSurrogateAt(const QString &text, qsizetype position)
{
    return position > 0 && position < text.size() && text.at(position).isLowSurrogate()
           && text.at(position - 1).isHighSurrogate();
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.';
}

} // namespace

QString LongLineView::selectedText() const
{
    return m_text.sliced(selectionStart(), selectionEnd() - selectionStart());
}

void LongLineView::setCursorPosition(qsizetype position, bool keepAnchor)
{
    moveCursor(position, keepAnchor);
}

void LongLineView::moveCursor(qsizetype position, bool keepAnchor, bool keepGoal)
{
    position = qBound(qsizetype(0), position, m_text.size());
    // Never between the halves of a surrogate pair.
    if (isLowSurrogateAt(m_text, position))
        position += position > m_cursor ? 1 : -1;
    m_cursor = position;
    if (!keepAnchor)
        m_anchor = position;
    if (!keepGoal)
        m_goalColumn = -1;
    updateMatch();
    ensureCursorVisible();
    viewport()->update();
}

void LongLineView::insertText(const QString &text)
{
    replace(selectionStart(), selectionEnd(), text, true);
}

void LongLineView::replace(qsizetype from, qsizetype to, const QString &with, bool undoable)
{
    from = qBound(qsizetype(0), from, m_text.size());
    to = qBound(from, to, m_text.size());
    if (from == to && with.isEmpty())
        return;
    const QStringView removedView = QStringView(m_text).sliced(from, to - from);
    const bool linesChange = removedView.contains(u'\n') || with.contains(u'\n');
    if (undoable) {
        Edit &last = m_undo.empty() ? m_undo.emplace_back(Edit{from, {}, {}}) : m_undo.back();
        const bool typing = to == from && with.size() == 1 && last.removed.isEmpty() && !last.inserted.isEmpty()
                            && last.position + last.inserted.size() == from && last.inserted.size() < MaxMergedTyping;
        if (typing) {
            last.inserted += with;
        } else {
            if (!last.removed.isEmpty() || !last.inserted.isEmpty())
                m_undo.push_back({});
            m_undo.back() = Edit{from, removedView.toString(), with};
        }
        m_undoChars += (to - from) + with.size();
        while (m_undoChars > MaxUndoChars && m_undo.size() > 1) {
            m_undoChars -= m_undo.front().removed.size() + m_undo.front().inserted.size();
            m_undo.erase(m_undo.begin());
        }
    }
    const qsizetype line = lineOf(from);
    m_text.replace(from, to - from, with);
    if (linesChange) {
        scanLines();
    } else {
        // The same lines: the ones after this one move by the size change.
        const qsizetype delta = with.size() - (to - from);
        for (size_t i = size_t(line) + 1; i < m_lineStarts.size(); ++i)
            m_lineStarts[i] += delta;
    }
    relayoutRows();
    m_spans.invalidateFrom(from);
    if (m_error >= from)
        m_error = -1; // stale until the next check says where
    m_anchor = m_cursor = from + with.size();
    moveCursor(m_cursor, false);
    Q_EMIT textEdited(from);
}

void LongLineView::undo()
{
    if (m_undo.empty())
        return;
    const Edit edit = m_undo.back();
    m_undo.pop_back();
    m_undoChars -= edit.removed.size() + edit.inserted.size();
    replace(edit.position, edit.position + edit.inserted.size(), edit.removed, false);
}

bool LongLineView::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        const bool own = std::any_of(OwnKeys.begin(), OwnKeys.end(), [key](QKeySequence::StandardKey k) { return key->matches(k); });
        const bool typed = !key->text().isEmpty() && key->text().at(0).isPrint()
                           && !(key->modifiers() & (Qt::ControlModifier | Qt::MetaModifier));
        if (own || typed || key->key() == Qt::Key_Backspace) {
            event->accept();
            return true;
        }
    }
    return QAbstractScrollArea::event(event);
}

bool LongLineView::handleStandardKey(QKeyEvent *event)
{
    const QPoint cell = cellOf(m_cursor);
    const qsizetype goal = m_goalColumn >= 0 ? m_goalColumn : cell.x();
    const int page = verticalScrollBar()->pageStep();
    const auto vertical = [&](qsizetype rows, bool select) {
        moveCursor(positionAtCell(cell.y() + rows, goal), select, true);
        m_goalColumn = goal;
    };
    const auto step = [&](qsizetype by) { return m_cursor + by + (isLowSurrogateAt(m_text, m_cursor + by) ? by : 0); };
    using K = QKeySequence;
    if (event->matches(K::SelectAll)) {
        m_anchor = 0;
        moveCursor(m_text.size(), true);
    } else if (event->matches(K::Copy) || event->matches(K::Cut)) {
        if (selectionStart() != selectionEnd()) {
            QGuiApplication::clipboard()->setText(selectedText());
            if (event->matches(K::Cut))
                insertText({});
        }
    } else if (event->matches(K::Paste)) {
        insertText(QGuiApplication::clipboard()->text());
    } else if (event->matches(K::Undo)) {
        undo();
    } else if (event->matches(K::Delete)) {
        if (selectionStart() == selectionEnd())
            replace(m_cursor, step(1), {}, true);
        else
            insertText({});
    } else if (event->matches(K::MoveToNextChar) || event->matches(K::SelectNextChar)) {
        const bool select = event->matches(K::SelectNextChar);
        moveCursor(!select && selectionStart() != selectionEnd() ? selectionEnd() : step(1), select);
    } else if (event->matches(K::MoveToPreviousChar) || event->matches(K::SelectPreviousChar)) {
        const bool select = event->matches(K::SelectPreviousChar);
        moveCursor(!select && selectionStart() != selectionEnd() ? selectionStart() : step(-1), select);
    } else if (event->matches(K::MoveToNextLine) || event->matches(K::SelectNextLine)) {
        vertical(1, event->matches(K::SelectNextLine));
    } else if (event->matches(K::MoveToPreviousLine) || event->matches(K::SelectPreviousLine)) {
        vertical(-1, event->matches(K::SelectPreviousLine));
    } else if (event->matches(K::MoveToNextPage) || event->matches(K::SelectNextPage)) {
        vertical(page, event->matches(K::SelectNextPage));
    } else if (event->matches(K::MoveToPreviousPage) || event->matches(K::SelectPreviousPage)) {
        vertical(-page, event->matches(K::SelectPreviousPage));
    } else if (event->matches(K::MoveToStartOfLine) || event->matches(K::SelectStartOfLine)) {
        moveCursor(positionAtCell(cell.y(), 0), event->matches(K::SelectStartOfLine));
    } else if (event->matches(K::MoveToEndOfLine) || event->matches(K::SelectEndOfLine)) {
        moveCursor(positionAtCell(cell.y(), m_columns), event->matches(K::SelectEndOfLine));
    } else if (event->matches(K::MoveToStartOfDocument) || event->matches(K::SelectStartOfDocument)) {
        moveCursor(0, event->matches(K::SelectStartOfDocument));
    } else if (event->matches(K::MoveToEndOfDocument) || event->matches(K::SelectEndOfDocument)) {
        moveCursor(m_text.size(), event->matches(K::SelectEndOfDocument));
    } else {
        return false;
    }
    return true;
}

void LongLineView::keyPressEvent(QKeyEvent *event)
{
    if (handleStandardKey(event))
        return;
    const Qt::KeyboardModifiers mods = event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier);
    if (event->key() == Qt::Key_Backspace && mods == Qt::NoModifier) {
        if (selectionStart() != selectionEnd())
            insertText({});
        else if (m_cursor > 0)
            replace(m_cursor - (isLowSurrogateAt(m_text, m_cursor - 1) ? 2 : 1), m_cursor, {}, true);
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && mods == Qt::NoModifier) {
        insertText(u"\n"_s);
        return;
    }
    if (event->key() == Qt::Key_Tab && mods == Qt::NoModifier) {
        insertText(u"\t"_s);
        return;
    }
    const QString text = event->text();
    if (!text.isEmpty() && text.at(0).isPrint() && !(mods & (Qt::ControlModifier | Qt::MetaModifier))) {
        insertText(text);
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void LongLineView::inputMethodEvent(QInputMethodEvent *event)
{
    if (!event->commitString().isEmpty())
        insertText(event->commitString());
    event->accept();
}

void LongLineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(event);
    setFocus(Qt::MouseFocusReason);
    moveCursor(positionAt(event->position().toPoint()), event->modifiers() & Qt::ShiftModifier);
}

void LongLineView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton))
        return;
    // Dragging past the top or bottom edge scrolls a row per move.
    QScrollBar *bar = verticalScrollBar();
    const QPoint point = event->position().toPoint();
    if (point.y() < 0)
        bar->setValue(bar->value() - 1);
    else if (point.y() > viewport()->height())
        bar->setValue(bar->value() + 1);
    moveCursor(positionAt(point), true);
}

void LongLineView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    // The word (or number) under the pointer.
    const qsizetype at = positionAt(event->position().toPoint());
    qsizetype start = at;
    qsizetype end = at;
    while (start > 0 && isWordChar(m_text.at(start - 1)))
        --start;
    while (end < m_text.size() && isWordChar(m_text.at(end)))
        ++end;
    moveCursor(start, false);
    moveCursor(end, true);
}

void LongLineView::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    viewport()->update();
}

void LongLineView::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    viewport()->update();
}

} // namespace Apinator::Ui
