// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The Trigger page with a 5 MB JSON document in its data editor, on the offscreen
// platform, measuring the longest stall of the GUI thread (the largest gap between ticks
// of a 2 ms timer). Two documents: an indented one (many short lines, the CodeEdit) and
// the same minified to ONE line (the long-line view). Each is loaded (until its check and
// the request preview are done), typed into one key every 30 ms (the indented one in the
// middle; the one-line one at the start, middle and end), minified and formatted.
// Prints JSON lines; exits 1 when a typing stall, or the one-line load's, passes 50 ms
// (wall time; with --cpu-budget, the GUI thread's own CPU time in the gaps, for a shared
// machine whose load average is far above its cores).
//
//   QT_QPA_PLATFORM=offscreen build/release/benchmarks/bench_jsoneditor [--mb 5] [--keys 200] [--cpu-budget]
#include "trigger/triggerpage.h"
#include "widgets/codeedit.h"
#include "widgets/jsoneditor.h"
#include "widgets/jsontext.h"
#include "widgets/longlineview.h"

#include "stallmeter.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QTextBlock>

#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace Apinator::Ui;
using BenchSupport::StallMeter;

namespace {

// An indented array of records, about `bytes` long: the shape of a real large event.
QByteArray document(qsizetype bytes)
{
    QByteArray out = "[\n";
    for (int i = 0; out.size() < bytes; ++i) {
        out += "  {\n    \"id\": " + QByteArray::number(i) + ",\n    \"name\": \"item " + QByteArray::number(i)
            + "\",\n    \"tags\": [\"a\", \"b\", \"c\"],\n    \"price\": 12.5,\n    \"active\": true\n  },\n";
    }
    out += "  null\n]";
    return out;
}

void waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

void wait(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

// The GUI thread's longest stall and the wall time of one measured step.
struct Stall
{
    double wallMs;
    double cpuMs;
};

Stall stop(StallMeter &meter)
{
    const double wall = meter.stop();
    return {wall, meter.worstCpuMs()};
}

struct Phase
{
    Stall stall;
    double ms;
};

// Puts the caret at `fraction` of the text in whichever view shows it; returns that view.
QWidget *placeCaret(JsonEditor *editor, double fraction)
{
    if (editor->isLongLineMode()) {
        LongLineView *view = editor->longLineView();
        view->setCursorPosition(qsizetype(view->text().size() * fraction));
        view->setFocus();
        return view;
    }
    CodeEdit *edit = editor->editor();
    QTextCursor cursor = edit->textCursor();
    cursor.setPosition(int(edit->document()->characterCount() * fraction));
    cursor.movePosition(QTextCursor::EndOfBlock);
    edit->setTextCursor(cursor);
    edit->setFocus();
    return edit;
}

void settle(JsonEditor *editor)
{
    waitUntil([&] { return !editor->isPending() && !editor->isLoading(); }, 120000);
    wait(500); // the preview (body, MD5, signature) of 5 MB
}

// One key every 30 ms, as a fast typist; the check and preview after the last key count.
Phase type(JsonEditor *editor, double fraction, int keys, StallMeter &meter)
{
    QWidget *target = placeCaret(editor, fraction);
    wait(100);
    QElapsedTimer clock;
    meter.start();
    clock.start();
    for (int i = 0; i < keys; ++i) {
        const QChar c = QChar(u'a' + i % 26);
        QKeyEvent press(QEvent::KeyPress, Qt::Key_A + i % 26, Qt::NoModifier, QString(c));
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_A + i % 26, Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(target, &press);
        QCoreApplication::sendEvent(target, &release);
        wait(30);
    }
    settle(editor);
    const Stall stall = stop(meter);
    return {stall, clock.nsecsElapsed() / 1e6};
}

Phase load(TriggerPage &page, JsonEditor *editor, const QByteArray &data, StallMeter &meter)
{
    QElapsedTimer clock;
    meter.start();
    clock.start();
    page.openDraft({u"big"_s, {u"chat"_s}, {}, data, false});
    waitUntil([&] { return !editor->isPending() && !editor->isLoading(); }, 120000);
    const double ms = clock.nsecsElapsed() / 1e6;
    wait(500);
    return {stop(meter), ms};
}

Phase relayout(JsonEditor *editor, bool pretty, StallMeter &meter)
{
    QElapsedTimer clock;
    meter.start();
    clock.start();
    bool done = false;
    QObject context;
    QObject::connect(editor, &JsonEditor::edited, &context, [&] { done = true; });
    pretty ? editor->format() : editor->minify();
    waitUntil([&] { return done && !editor->isPending() && !editor->isLoading(); }, 120000);
    const double ms = clock.nsecsElapsed() / 1e6;
    wait(300);
    return {stop(meter), ms};
}

void print(const char *doc, const char *phase, const Phase &p, const QByteArray &extra = {})
{
    std::printf("{\"bench\":\"jsoneditor\",\"doc\":\"%s\",\"phase\":\"%s\",\"ms\":%.1f,\"longest_stall_ms\":%.1f,"
                "\"longest_busy_ms\":%.1f%s}\n",
                doc, phase, p.ms, p.stall.wallMs, p.stall.cpuMs, extra.constData());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    double mb = 5;
    int keys = 200;
    const bool cpuBudget = args.contains(u"--cpu-budget"_s);
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--mb"_s)
            mb = args[i + 1].toDouble();
        else if (args[i] == u"--keys"_s)
            keys = args[i + 1].toInt();
    }
    const QByteArray indented = document(qsizetype(mb * 1000 * 1000));
    // Minifying drops about a third: start from more, so the one line is `mb` too.
    const QByteArray oneLine = JsonText::minify(document(qsizetype(mb * 1000 * 1000 * 1.48)));
    const QByteArray formatted = JsonText::format(oneLine);

    TriggerPage page(PageContext{});
    page.resize(1280, 800);
    page.show();
    auto *editor = page.findChild<JsonEditor *>();
    StallMeter meter;
    bool ok = true;
    const auto judge = [&](const Phase &p) {
        ok = ok && (cpuBudget ? p.stall.cpuMs : p.stall.wallMs) <= 50;
    };

    // The indented document: many short lines in the CodeEdit.
    const Phase loaded = load(page, editor, indented, meter);
    ok = ok && editor->check().valid && !editor->isLongLineMode();
    QElapsedTimer clock;
    clock.start();
    const qsizetype readBytes = editor->data().size();
    const double readMs = clock.nsecsElapsed() / 1e6;
    print("indented", "load", loaded,
          ",\"bytes\":" + QByteArray::number(readBytes) + ",\"read_document_ms\":" + QByteArray::number(readMs, 'f', 1));
    const Phase typed = type(editor, 0.5, keys, meter);
    ok = ok && !editor->check().valid; // letters after a value break the JSON: the check ran
    judge(typed);
    print("indented", "typing middle", typed, ",\"keys\":" + QByteArray::number(keys));
    for (int i = 0; i < keys; ++i)
        editor->editor()->undo();
    settle(editor);
    print("indented", "minify", relayout(editor, false, meter));
    ok = ok && editor->isLongLineMode();
    print("indented", "format", relayout(editor, true, meter));

    // The same minified to one line: the long-line view.
    const Phase oneLoaded = load(page, editor, oneLine, meter);
    ok = ok && editor->check().valid && editor->isLongLineMode();
    judge(oneLoaded);
    print("one-line", "load", oneLoaded, ",\"bytes\":" + QByteArray::number(oneLine.size()));
    for (const auto &[name, at] : {std::pair{"typing start", 0.0}, {"typing middle", 0.5}, {"typing end", 1.0}}) {
        const Phase p = type(editor, at, keys, meter);
        judge(p);
        print("one-line", name, p, ",\"keys\":" + QByteArray::number(keys));
    }
    ok = ok && !editor->check().valid;
    // Back to valid JSON (not timed), then Minify, Format (to the CodeEdit) and Minify again.
    page.openDraft({u"big"_s, {u"chat"_s}, {}, oneLine, false});
    settle(editor);
    print("one-line", "minify", relayout(editor, false, meter));
    const Phase format = relayout(editor, true, meter);
    ok = ok && !editor->isLongLineMode() && editor->data() == formatted;
    print("one-line", "format", format);
    print("one-line", "minify again", relayout(editor, false, meter));
    ok = ok && editor->isLongLineMode() && editor->data() == oneLine;

    double loadavg[3] = {0, 0, 0};
    if (getloadavg(loadavg, 3) < 1)
        loadavg[0] = -1;
    std::printf("{\"bench\":\"jsoneditor\",\"phase\":\"summary\",\"judged\":\"%s\",\"budget_ms\":50,\"ok\":%s,"
                "\"loadavg\":%.2f}\n",
                cpuBudget ? "longest_busy_ms" : "longest_stall_ms", ok ? "true" : "false", loadavg[0]);
    return ok ? 0 : 1;
}
