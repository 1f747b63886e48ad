// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

// Small pieces of widget building the pages share.

#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QString>
#include <QWidget>

namespace Apinator::Ui {

// Every control has an objectName (for tests) and an accessible name (for screen readers).
inline void setNames(QWidget *w, const QString &objectName, const QString &accessible)
{
    w->setObjectName(objectName);
    w->setAccessibleName(accessible);
}

// English plurals without a translator loaded: "%n" is the number.
inline QString withCount(QString text, int n)
{
    return text.replace(QStringLiteral("%n"), QString::number(n));
}

// A monospace text box for raw HTTP, JSON and commands. Tab moves focus on, so the box
// is never a keyboard trap.
inline QPlainTextEdit *monoTextEdit(const QString &objectName, const QString &accessible, bool readOnly,
                                    QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    setNames(edit, objectName, accessible);
    edit->setReadOnly(readOnly);
    edit->setTabChangesFocus(true);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return edit;
}

// A list and the details of its selection, the list larger; neither side collapses away.
inline QSplitter *masterDetailSplitter(Qt::Orientation orientation, const QString &objectName, QWidget *master,
                                       QWidget *detail, QWidget *parent)
{
    auto *splitter = new QSplitter(orientation, parent);
    splitter->setObjectName(objectName);
    splitter->addWidget(master);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    return splitter;
}

} // namespace Apinator::Ui
