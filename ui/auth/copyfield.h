// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QTextEdit;
class QToolButton;

namespace Apinator::Ui {

// One output of the Sign tab: a caption, the value (read-only, selectable) and a Copy button.
// The shown text may differ from the copied bytes (separators made visible).
class CopyField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CopyField)
public:
    CopyField(const QString &objectName, const QString &caption, int lines, QWidget *parent = nullptr);

    void setValue(const QByteArray &copied, const QString &shownHtml = {});
    void clearValue(const QString &placeholder);
    QByteArray value() const { return m_value; }
    QString shownText() const;
    QToolButton *copyButton() const { return m_copy; }

private:
    QLabel *m_caption;
    QTextEdit *m_view;
    QToolButton *m_copy;
    QByteArray m_value;
};

} // namespace Apinator::Ui
