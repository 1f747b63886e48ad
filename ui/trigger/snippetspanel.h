// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/snippets.h>

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Apinator::Ui {

// The event on screen as code: a language selector, the snippet, a copy button. The
// snippet reads the credentials from the environment; the secret is never in it.
class SnippetsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnippetsPanel)
public:
    explicit SnippetsPanel(QWidget *parent = nullptr);

    void setInput(const SnippetInput &input);
    void setLanguage(SnippetLanguage language);
    SnippetLanguage language() const;
    QString text() const;
    void copy();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void regenerate();

    SnippetInput m_input;
    QComboBox *m_language;
    QPushButton *m_copy;
    QLabel *m_note;
    QPlainTextEdit *m_text;
};

} // namespace Apinator::Ui
