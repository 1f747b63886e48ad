// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// A data document with a line of megabytes (minified JSON) in the long-line view: it
// shows instead of the CodeEdit, edits by keys and mouse, copies, marks the first error,
// goes back to the CodeEdit on Format, and the Trigger page sends it to the sandbox.
#include "pagetesting.h"

#include "trigger/responseview.h"
#include "trigger/triggerpage.h"
#include "widgets/codeedit.h"
#include "widgets/jsoneditor.h"
#include "widgets/jsontext.h"
#include "widgets/longlineview.h"

#include <apinator/historystore.h>

#include <QClipboard>
#include <QScrollBar>
#include <QSignalSpy>

using namespace UiTest;

namespace {

// One line of `bytes` or a little more: [{"id":0,"name":"item 0","tags":["a","b"]},...]
QByteArray oneLine(qsizetype bytes)
{
    QByteArray out = "[";
    for (int i = 0; out.size() < bytes; ++i)
        out += "{\"id\":" + QByteArray::number(i) + ",\"name\":\"item " + QByteArray::number(i) + "\",\"tags\":[\"a\",\"b\"]},";
    out += "null]";
    return out;
}

bool waitChecked(JsonEditor &editor)
{
    return QTest::qWaitFor([&] { return !editor.isPending() && !editor.isLoading(); }, 30000);
}

// An editor on screen with the text in it, checked.
std::unique_ptr<JsonEditor> shownEditor(const QByteArray &text)
{
    auto editor = std::make_unique<JsonEditor>();
    editor->resize(600, 400);
    editor->show();
    if (!QTest::qWaitForWindowExposed(editor.get()))
        qWarning("the editor was not exposed");
    editor->setData(text);
    if (!waitChecked(*editor))
        qWarning("the check did not finish");
    return editor;
}

} // namespace

class TestLongLineView : public PageTest
{
    Q_OBJECT

private Q_SLOTS:
    void longLine_showsLongLineViewInsteadOfCodeEdit_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("longLine");
        QTest::addRow("short lines") << "{\n  \"a\": 1\n}"_ba << false;
        QTest::addRow("one line of 64 KiB") << QByteArray(JsonEditor::LongLineThreshold - 2, ' ').prepend('[').append(']') << false;
        QTest::addRow("one line past 64 KiB") << oneLine(JsonEditor::LongLineThreshold + 10) << true;
        QTest::addRow("a long line among short ones") << "[\n1,\n" + oneLine(100000) + "\n]" << true;
    }
    void longLine_showsLongLineViewInsteadOfCodeEdit()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, longLine);
        const std::unique_ptr<JsonEditor> shown = shownEditor(text);
        JsonEditor &editor = *shown;
        QCOMPARE(editor.isLongLineMode(), longLine);
        QCOMPARE(editor.longLineView()->isVisible(), longLine);
        QCOMPARE(editor.editor()->isVisible(), !longLine);
        QCOMPARE(editor.data(), text);
        QCOMPARE(editor.checkedData(), text);
        QVERIFY2(editor.check().valid, qPrintable(editor.check().text()));
    }

    void typing_editsTheTextAtTheCaret_andUndoTakesItBack()
    {
        const QByteArray text = oneLine(200000);
        const std::unique_ptr<JsonEditor> shown = shownEditor(text);
        JsonEditor &editor = *shown;
        LongLineView *view = editor.longLineView();
        view->setFocus();
        // Inside the first string: "item 0" becomes "itemXY 0".
        const qsizetype at = text.indexOf("item") + 4;
        view->setCursorPosition(at);
        QSignalSpy edited(&editor, &JsonEditor::edited);
        QTest::keyClicks(view, u"XY"_s);
        QCOMPARE(edited.size(), 2);
        QByteArray expected = text;
        expected.insert(at, "XY");
        QCOMPARE(editor.data(), expected);
        QVERIFY(editor.isPending());
        QVERIFY(waitChecked(editor));
        QCOMPARE(editor.checkedData(), expected);
        QVERIFY(editor.check().valid);
        // Backspace, Delete, arrows, End.
        QTest::keyClick(view, Qt::Key_Backspace); // the Y
        QTest::keyClick(view, Qt::Key_Left);
        QTest::keyClick(view, Qt::Key_Delete); // the X
        QCOMPARE(editor.data(), text);
        QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
        QCOMPARE(view->cursorPosition(), text.size());
        // Undo: the delete, the backspace, then the typing.
        view->undo();
        view->undo();
        QCOMPARE(editor.data(), expected);
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(editor.data(), text);
        QVERIFY(!view->isUndoAvailable());
    }

    void selection_byKeysAndMouse_copyCutPaste()
    {
        const QByteArray text = oneLine(100000);
        const std::unique_ptr<JsonEditor> shown = shownEditor(text);
        JsonEditor &editor = *shown;
        LongLineView *view = editor.longLineView();
        view->setFocus();
        view->setCursorPosition(1);
        for (int i = 0; i < 5; ++i)
            QTest::keyClick(view, Qt::Key_Right, Qt::ShiftModifier);
        QCOMPARE(view->selectedText(), u"{\"id\""_s);
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), u"{\"id\""_s);
        // Down one row keeps the column: the row is `columns` characters on.
        QTest::keyClick(view, Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(view->cursorPosition(), 6 + view->columns());
        // A click puts the caret on the clicked cell; a drag selects to where it ends.
        QCOMPARE(view->cellOf(0), QPoint(0, 0));
        const int row = view->fontMetrics().lineSpacing();
        const QPoint start = view->pointOf(3) + QPoint(1, row / 2);
        const qsizetype startPos = view->positionAt(start);
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, start);
        QCOMPARE(view->cursorPosition(), startPos);
        QTest::mouseMove(view->viewport(), QPoint(start.x(), start.y() + 2 * row));
        QCOMPARE(view->selectionStart(), startPos);
        QCOMPARE(view->selectionEnd(), startPos + 2 * view->columns());
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, QPoint(start.x(), start.y() + 2 * row));
        // Cut, then paste it back where it was.
        const QString selected = view->selectedText();
        QTest::keyClick(view, Qt::Key_X, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), selected);
        QCOMPARE(editor.data().size(), text.size() - selected.size());
        QTest::keyClick(view, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(editor.data(), text);
        // Ctrl+A selects everything.
        QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(view->selectedText().size(), text.size());
    }

    void invalid_errorLineAndColumnOnTheLongLine_marked()
    {
        QByteArray text = oneLine(300000);
        // A ',' for a value 250,000 characters in, after a multi-byte character.
        const qsizetype at = text.indexOf(",\"name\"", 250000);
        text.replace(at, 8, ",\"é\":,"); // {"id":N,"é":,"item N",...
        const std::unique_ptr<JsonEditor> shown = shownEditor(text);
        JsonEditor &editor = *shown;
        QVERIFY(editor.isLongLineMode());
        QVERIFY(!editor.check().valid);
        QCOMPARE(editor.check().line, 1);
        // Columns count characters: "é" is two bytes, one column.
        const int column = int(at) + 6;
        QCOMPARE(editor.check().column, column);
        QCOMPARE(editor.longLineView()->errorPosition(), column - 1);
        QCOMPARE(editor.findChild<QLabel *>(u"jsonStatus"_s)->text(),
                 u"Not valid JSON: line 1, column %1: expected a value (object, array, string, number, true, false or "
                 u"null), found ','"_s.arg(column));
        // An edit clears the stale mark; fixing the text clears it for good.
        LongLineView *view = editor.longLineView();
        view->setCursorPosition(column - 1);
        QTest::keyClick(view, Qt::Key_Delete);
        QCOMPARE(view->errorPosition(), -1);
        QVERIFY(waitChecked(editor));
        QVERIFY2(editor.check().valid, qPrintable(editor.check().text()));
        QCOMPARE(view->errorPosition(), -1);
    }

    void format_returnsToTheCodeEdit_minifyToTheLongLineView()
    {
        const QByteArray text = oneLine(200000);
        const std::unique_ptr<JsonEditor> shown = shownEditor(text);
        JsonEditor &editor = *shown;
        QVERIFY(editor.isLongLineMode());
        editor.format();
        QTRY_VERIFY_WITH_TIMEOUT(!editor.isLongLineMode() && !editor.isLoading() && !editor.isPending(), 30000);
        QVERIFY(editor.editor()->isVisible());
        QVERIFY(!editor.longLineView()->isVisible());
        QCOMPARE(editor.data(), JsonText::format(text));
        QVERIFY(editor.editor()->document()->blockCount() > 1000);
        editor.minify();
        QTRY_VERIFY_WITH_TIMEOUT(editor.isLongLineMode() && !editor.isPending(), 30000);
        QCOMPARE(editor.data(), text);
        QVERIFY(editor.longLineView()->isVisible());
    }

    void triggerPage_sendsFiveMegabyteOneLineDocument_toTheSandbox()
    {
        m_console = std::make_unique<Console>(m_dir->path());
        QVERIFY(openWithSandbox(*m_console));
        auto *page = qobject_cast<TriggerPage *>(m_console->window->navigation()->page(u"trigger"_s));
        QVERIFY(page);
        m_console->window->navigation()->showPage(u"trigger"_s);
        const QByteArray data = oneLine(5 * 1000 * 1000);
        page->openDraft({u"big-event"_s, {u"chat"_s}, {}, data, false});
        auto *editor = page->findChild<JsonEditor *>(u"dataEditor"_s);
        QVERIFY(editor->isLongLineMode());
        // A key typed in the view is in what goes: "item 0" becomes "item Z0".
        LongLineView *view = editor->longLineView();
        view->setFocus();
        const qsizetype at = data.indexOf("item ") + 5;
        view->setCursorPosition(at);
        QTest::keyClicks(view, u"Z"_s);
        QByteArray expected = data;
        expected.insert(at, 'Z');
        QTRY_VERIFY_WITH_TIMEOUT(page->blockingReason().isEmpty(), 30000);
        QCOMPARE(editor->checkedData(), expected);
        auto *sizes = m_console->window->findChild<QLabel *>(u"jsonSizes"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(sizes->text().startsWith(u"data 5.00 MB · body "_s), qPrintable(sizes->text()), 30000);
        screenshot(m_console->window.get(), u"trigger-long-line"_s);
        QSignalSpy finished(page, &TriggerPage::sendFinished);
        QTest::keyClick(view, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(finished.wait(30000));
        auto *response = page->findChild<ResponseView *>();
        QVERIFY2(response->statusText().startsWith(u"200 "_s), qPrintable(response->statusText()));
        HistoryStore *history = m_console->context.history;
        QVERIFY(history);
        QTRY_COMPARE(history->count(), 1);
        const std::optional<HistoryEntry> entry = history->entry(history->rows({}, 0, 1).constFirst().id);
        QVERIFY(entry);
        QCOMPARE(entry->data, expected);
    }
};

QTEST_MAIN(TestLongLineView)
#include "tst_longlineview.moc"
#include "moc_pagetesting.cpp"
