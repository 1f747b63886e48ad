// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/jsonspans.h"

#include <QAbstractScrollArea>
#include <QString>

#include <vector>

namespace Apinator::Ui {

// A plain-text editor for texts with lines of megabytes (minified JSON), where
// QPlainTextEdit lays out and colours a whole line at once. Text is wrapped at the
// viewport's width in fixed-width monospace cells, so where a character is drawn is
// arithmetic: only the rows on screen are coloured and painted. Caret, selection
// (keys and mouse), clipboard, undo; the line number on each line's first row.
class LongLineView final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LongLineView)
public:
    explicit LongLineView(QWidget *parent = nullptr);

    // Replaces the text; clears the undo history and puts the caret at the start.
    void setText(const QString &text);
    // The text itself (implicitly shared: a copy costs nothing until the next edit).
    const QString &text() const { return m_text; }

    qsizetype cursorPosition() const { return m_cursor; }
    void setCursorPosition(qsizetype position, bool keepAnchor = false);
    qsizetype selectionStart() const { return qMin(m_anchor, m_cursor); }
    qsizetype selectionEnd() const { return qMax(m_anchor, m_cursor); }
    QString selectedText() const;
    // Replaces the selection (or inserts at the caret), as one undoable edit.
    void insertText(const QString &text);
    void undo();
    bool isUndoAvailable() const { return !m_undo.empty(); }

    // A character to mark as where the text stops being valid; -1 clears it.
    void setErrorPosition(qsizetype position);
    qsizetype errorPosition() const { return m_error; }
    // The bracket matching the one at the caret, -1 when none.
    qsizetype matchingBracket() const { return m_match; }

    // Rows of the wrapped text, and characters per row.
    qsizetype rowCount() const { return m_rows; }
    int columns() const { return m_columns; }
    // The cell of a character: its row and column.
    QPoint cellOf(qsizetype position) const;
    qsizetype positionAt(QPoint viewportPoint) const;
    // The top left of a character's cell in the viewport (scrolled rows included).
    QPoint pointOf(qsizetype position) const;

Q_SIGNALS:
    // The user changed the text (not setText()); `position` is where.
    void textEdited(qsizetype position);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void inputMethodEvent(QInputMethodEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    struct Edit
    {
        qsizetype position;
        QString removed;
        QString inserted;
    };
    void replace(qsizetype from, qsizetype to, const QString &with, bool undoable);
    void scanLines();
    void relayoutRows();
    qsizetype lineOf(qsizetype position) const;
    qsizetype lineLength(qsizetype line) const;
    qsizetype rowsOf(qsizetype length) const;
    qsizetype positionAtCell(qsizetype row, qsizetype column) const;
    void moveCursor(qsizetype position, bool keepAnchor, bool keepGoal = false);
    void ensureCursorVisible();
    void updateMatch();
    bool handleStandardKey(QKeyEvent *event);
    int gutterWidth() const;
    int cellWidth() const { return m_cell.width(); }
    int rowHeight() const { return m_cell.height(); }

    QString m_text;
    std::vector<qsizetype> m_lineStarts{0}; // the position of each line's first character
    std::vector<qsizetype> m_rowStarts{0};  // the row of each line's first character
    qsizetype m_rows = 1;
    int m_columns = 80;
    QSize m_cell;
    JsonSpans m_spans;
    qsizetype m_cursor = 0;
    qsizetype m_anchor = 0;
    qsizetype m_goalColumn = -1; // kept while moving up and down
    qsizetype m_error = -1;
    qsizetype m_bracket = -1; // the bracket at the caret
    qsizetype m_match = -1;
    std::vector<Edit> m_undo;
    qsizetype m_undoChars = 0;
};

} // namespace Apinator::Ui
