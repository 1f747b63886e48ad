// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

// Small pieces of widget building the pages share.

#include <QFont>
#include <QFontDatabase>
#include <QLabel>
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

// A sidebar section's heading: capitals of the text's own font, where a bold face would do.
//
// The window's first frame is drawn in one font, weight and size (README, Performance): each
// other one costs its first use a fontconfig match, a FreeType face or size and its own
// glyphs. Bold headings, title and chips cost the first frame 4.2 M instructions (of 83 M)
// and the title's larger size 1.9 M more: 3.6 ms together.
// Capitals and spacing are drawn by the same engine.
inline void makeSectionHeading(QLabel *label)
{
    QFont font = label->font();
    font.setCapitalization(QFont::AllUppercase);
    font.setLetterSpacing(QFont::AbsoluteSpacing, 0.5);
    label->setFont(font);
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
