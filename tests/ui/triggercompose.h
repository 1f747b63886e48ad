// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

// Fills the Trigger page as a user does (event name, channel chips, data typed into the
// editor), for tests that need an event sent from the console.

#include "consolefixture.h"
#include "widgets/codeedit.h"
#include "widgets/jsoneditor.h"

namespace UiTest {

// Shows the Trigger page and composes; data is typed on one line (keyClicks types no
// line breaks). Send is left to the caller.
inline bool composeTrigger(Console &console, const QString &event, const QStringList &channels, const QString &data)
{
    if (!console.window->navigation()->showPage(u"trigger"_s))
        return false;
    auto *eventEdit = console.edit(u"eventNameEdit"_s);
    auto *input = console.edit(u"channelInput"_s);
    auto *editor = console.find<JsonEditor>(u"dataEditor"_s);
    if (!eventEdit || !input || !editor)
        return false;
    Console::type(eventEdit, event);
    for (const QString &channel : channels) {
        input->setFocus();
        QTest::keyClicks(input, channel);
        QTest::keyClick(input, Qt::Key_Return);
    }
    CodeEdit *edit = editor->editor();
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, data);
    return true;
}

} // namespace UiTest
