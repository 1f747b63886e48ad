// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QPlainTextEdit>

namespace Apinator::Ui {

// A monospace plain-text editor with line numbers in a gutter, the matching bracket of
// the one at the cursor highlighted, and one line marked as the error line.
class CodeEdit final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodeEdit)
public:
    explicit CodeEdit(QWidget *parent = nullptr);

    // 1-based; 0 clears the mark.
    void setErrorLine(int line);
    // The position of the bracket matching the one at the cursor, -1 when none.
    int matchingBracket() const { return m_match; }

    int gutterWidth() const;
    void paintGutter(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateGutterWidth();
    void updateGutter(const QRect &rect, int dy);
    void updateSelections();
    int findMatch(int position, QChar bracket) const;

    QWidget *m_gutter;
    int m_errorLine = 0;
    int m_match = -1;
    int m_digits = 0;
};

} // namespace Apinator::Ui
