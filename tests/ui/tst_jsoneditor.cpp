// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The reusable pieces of the Trigger page: the JSON checker and re-layout, the JSON
// editor (off-thread check, big texts loaded in slices, bracket matching), the channel
// chip editor, and the per-profile template store.
#include "trigger/triggerstore.h"
#include "widgets/channelchipeditor.h"
#include "widgets/codeedit.h"
#include "widgets/jsoneditor.h"
#include "widgets/jsontext.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

using namespace Apinator::Ui;
using namespace Qt::StringLiterals;

class TestJsonEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void check_pointsAtFirstError_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::addRow("empty") << ""_ba << 1 << 1 << u"the text is empty"_s;
        QTest::addRow("missing comma") << "{\"a\": 1\n \"b\": 2}"_ba << 2 << 2 << u"expected ',' or '}'"_s;
        QTest::addRow("trailing comma in array") << "[1, 2,]"_ba << 1 << 7 << u"a trailing ','"_s;
        QTest::addRow("single quotes") << "{'a': 1}"_ba << 1 << 2 << u"member name in double quotes"_s;
        QTest::addRow("unquoted value") << "{\"a\": hello}"_ba << 1 << 7 << u"expected a value"_s;
        QTest::addRow("bad escape") << "[\"a\\x\"]"_ba << 1 << 5 << u"unknown escape"_s;
        QTest::addRow("raw newline in string") << "[\"a\nb\"]"_ba << 1 << 4 << u"may not contain"_s;
        QTest::addRow("unclosed object") << "{\"a\": [1]"_ba << 1 << 10 << u"expected ',' or '}'"_s;
        QTest::addRow("text after value") << "{} x"_ba << 1 << 4 << u"after the end of the JSON value"_s;
        QTest::addRow("leading zero ok, bad exponent") << "[0, 1e]"_ba << 1 << 7 << u"digit in the exponent"_s;
        QTest::addRow("column counts characters") << "[\"é😀\", x]"_ba << 1 << 8 << u"expected a value"_s;
    }
    void check_pointsAtFirstError()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        const JsonText::Check c = JsonText::check(text);
        QVERIFY(!c.valid);
        QCOMPARE(c.line, line);
        QCOMPARE(c.column, column);
        QVERIFY2(c.message.contains(message), qPrintable(c.message));
        QVERIFY(c.text().startsWith(u"line %1, column %2: "_s.arg(line).arg(column)));
    }

    void check_acceptsValidJson_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addRow("scalar") << "42"_ba;
        QTest::addRow("string") << "\"hi\\n\\u00e9\""_ba;
        QTest::addRow("nested") << " {\"a\": [1, -2.5e+3, true, false, null, {\"b\": {}}], \"c\": []} "_ba;
        QTest::addRow("deep") << QByteArray(100000, '[') + QByteArray(100000, ']');
    }
    void check_acceptsValidJson()
    {
        QFETCH(QByteArray, text);
        const JsonText::Check c = JsonText::check(text);
        QVERIFY2(c.valid, qPrintable(c.text()));
    }

    void formatAndMinify_keepOrderAndStrings()
    {
        const QByteArray text = "{\"z\":[1,{}],\"a\":\"x, y: [z] \\\" {\"}";
        QCOMPARE(JsonText::format(text), "{\n  \"z\": [\n    1,\n    {}\n  ],\n  \"a\": \"x, y: [z] \\\" {\"\n}"_ba);
        QCOMPARE(JsonText::minify(JsonText::format(text)), text);
        QCOMPARE(JsonText::format("[1,"), QByteArray()); // invalid: nothing
    }

    void editor_checksOffThreadAndReportsLineAndColumn()
    {
        JsonEditor editor;
        QSignalSpy checked(&editor, &JsonEditor::checked);
        editor.setData("{\n  \"a\": 1\n  \"b\": 2\n}");
        QVERIFY(editor.isPending());
        QVERIFY(checked.wait(5000));
        QVERIFY(!editor.isAcceptable());
        QCOMPARE(editor.check().line, 3);
        QCOMPARE(editor.findChild<QLabel *>(u"jsonStatus"_s)->text(),
                 u"Not valid JSON: line 3, column 3: expected ',' or '}' after an object member, found '\"'"_s);
        editor.setRawText(true);
        QVERIFY(editor.isAcceptable());
    }

    void editor_bigText_loadsInSlicesAndStaysValid()
    {
        JsonEditor editor;
        QByteArray big = "[\n";
        while (big.size() < 1000000)
            big += "  {\"id\": 1, \"name\": \"x\"},\n";
        big += "  null\n]";
        editor.setData(big);
        QVERIFY(editor.isLoading());
        QVERIFY(editor.editor()->isReadOnly());
        QTRY_VERIFY_WITH_TIMEOUT(!editor.isPending(), 20000);
        QVERIFY(!editor.isLoading());
        QVERIFY(!editor.editor()->isReadOnly());
        QCOMPARE(editor.data(), big);
        QVERIFY(editor.check().valid);
        QCOMPARE(editor.checkedData(), big);
    }

    void codeEdit_matchesBrackets()
    {
        CodeEdit edit;
        edit.setPlainText(u"{\"a\": [1, {\"b\": 2}]}"_s);
        QTextCursor cursor = edit.textCursor();
        cursor.setPosition(6); // before '['
        edit.setTextCursor(cursor);
        QCOMPARE(edit.matchingBracket(), 18);
        cursor.setPosition(20); // after the last '}'
        edit.setTextCursor(cursor);
        QCOMPARE(edit.matchingBracket(), 0);
        cursor.setPosition(2);
        edit.setTextCursor(cursor);
        QCOMPARE(edit.matchingBracket(), -1);
    }

    void chips_enterCommaAndBackspace()
    {
        ChannelChipEditor chips;
        chips.show();
        QLineEdit *input = chips.input();
        QTest::keyClicks(input, u"chat"_s);
        QTest::keyClick(input, Qt::Key_Return);
        QTest::keyClicks(input, u"private-a, presence-b"_s);
        QTest::keyClick(input, Qt::Key_Return);
        QCOMPARE(chips.channels(), QStringList({u"chat"_s, u"private-a"_s, u"presence-b"_s}));
        QCOMPARE(chips.chip(1)->accessibleName(), u"Channel private-a, private"_s);
        QTest::keyClick(input, Qt::Key_Backspace);
        QTest::keyClick(input, Qt::Key_Backspace);
        QCOMPARE(chips.channels(), QStringList({u"chat"_s}));
        // A duplicate is not added twice; an invalid name is kept and named.
        chips.addChannel(u"chat"_s);
        chips.addChannel(u"bad#name"_s);
        QCOMPARE(chips.channels().size(), 2);
        QVERIFY2(chips.error().contains(u"\"bad#name\": channel name contains '#' at position 4"_s), qPrintable(chips.error()));
        QApplication::processEvents();
        QTest::mouseClick(chips.chip(1)->findChild<QAbstractButton *>(u"channelChipRemove"_s), Qt::LeftButton);
        QCOMPARE(chips.channels(), QStringList({u"chat"_s}));
        QVERIFY(chips.error().isEmpty());
    }

    void store_templatesAndRecentsPerProfile_surviveReload()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"trigger.json"_s);
        {
            TriggerStore store(path);
            QVERIFY(store.load().isEmpty());
            store.addRecentEvent(u"p1"_s, u"a"_s);
            store.addRecentEvent(u"p1"_s, u"b"_s);
            store.addRecentEvent(u"p1"_s, u"a"_s);
            QVERIFY(store.saveTemplate(u"p1"_s, {u"t1"_s, {u"e"_s, {u"c"_s}, {}, "{}", false}}).isEmpty());
            QVERIFY(!store.saveTemplate(u"p1"_s, {u" "_s, {}}).isEmpty());
            QVERIFY(store.saveTemplate(u"p1"_s, {u"t2"_s, {u"e2"_s, {u"c"_s}, {}, "x", true}}).isEmpty());
            QCOMPARE(store.renameTemplate(u"p1"_s, u"t1"_s, u"t2"_s), u"A template named \"t2\" exists already"_s);
            QVERIFY(store.renameTemplate(u"p1"_s, u"t1"_s, u"first"_s).isEmpty());
        }
        TriggerStore store(path);
        QVERIFY(store.load().isEmpty());
        QCOMPARE(store.recentEvents(u"p1"_s), QStringList({u"a"_s, u"b"_s}));
        QCOMPARE(store.recentEvents(u"p2"_s), QStringList());
        const QList<TriggerTemplate> templates = store.templates(u"p1"_s);
        QCOMPARE(templates.size(), 2);
        QCOMPARE(templates.at(0).name, u"first"_s);
        QCOMPARE(templates.at(1).draft.rawText, true);
        QVERIFY(store.removeTemplate(u"p1"_s, u"first"_s).isEmpty());
        QVERIFY(!store.removeTemplate(u"p1"_s, u"first"_s).isEmpty());
        QVERIFY(store.templates(u"p2"_s).isEmpty());
    }

    void store_corruptFile_isReported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"trigger.json"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[not an object");
        f.close();
        TriggerStore store(path);
        QVERIFY(store.load().contains(u"is not a JSON object"_s));
    }
};

QTEST_MAIN(TestJsonEditor)
#include "tst_jsoneditor.moc"
