// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The Trigger page with a 5 MB JSON document in its data editor, on the offscreen
// platform: loads it, lets the check and the request preview finish, then types into it
// one key every 30 ms and measures the longest stall of the GUI thread (the largest gap
// between ticks of a 2 ms timer). Prints JSON lines; exits 1 when a typing stall passes
// 50 ms (wall time; with --cpu-budget, the GUI thread's own CPU time in the gap, for a
// shared machine whose load average is far above its cores). Load, Minify and Format are measured too (reported, not judged: one-off user
// actions; a minified 5 MB document is ONE line, which QPlainTextEdit lays out whole).
//
//   QT_QPA_PLATFORM=offscreen build/release/benchmarks/bench_jsoneditor [--mb 5] [--keys 200]
#include "trigger/triggerpage.h"
#include "widgets/codeedit.h"
#include "widgets/jsoneditor.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <ctime>

using namespace Qt::StringLiterals;
using namespace Apinator::Ui;

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

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// Records the largest gap between ticks of a fast timer while it runs: in wall time,
// and in CPU time the GUI thread itself spent in a gap (on a shared, loaded machine the
// wall gap also counts the time the thread waited for a core).
class StallMeter final : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(2);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 cpu = threadCpuNs();
            m_worst = qMax(m_worst, now - m_last);
            m_worstCpu = qMax(m_worstCpu, cpu - m_lastCpu);
            m_last = now;
            m_lastCpu = cpu;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_lastCpu = threadCpuNs();
        m_worst = 0;
        m_worstCpu = 0;
        m_timer.start();
    }
    double stop()
    {
        m_timer.stop();
        return m_worst / 1e6;
    }
    double worstCpuMs() const { return m_worstCpu / 1e6; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_lastCpu = 0;
    qint64 m_worst = 0;
    qint64 m_worstCpu = 0;
};

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
    const QByteArray data = document(qsizetype(mb * 1000 * 1000));

    TriggerPage page(PageContext{});
    page.resize(1280, 800);
    page.show();
    auto *editor = page.findChild<JsonEditor *>();
    CodeEdit *edit = editor->editor();
    StallMeter meter;

    QElapsedTimer clock;
    clock.start();
    meter.start();
    page.openDraft({u"big"_s, {u"chat"_s}, {}, data, false});
    const double loadMs = clock.nsecsElapsed() / 1e6;
    waitUntil([&] { return !editor->isPending(); }, 30000);
    const double checkedMs = clock.nsecsElapsed() / 1e6;
    wait(500); // the preview (body, MD5, signature) of 5 MB
    const double settleStall = meter.stop();
    const double settleBusy = meter.worstCpuMs();
    const bool valid = editor->check().valid;
    // What one check costs the GUI thread: reading the document out as UTF-8.
    clock.restart();
    const qsizetype readBytes = editor->data().size();
    const double readMs = clock.nsecsElapsed() / 1e6;

    // Type into the middle of the document, one key every 30 ms, as a fast typist.
    QTextCursor cursor = edit->textCursor();
    cursor.setPosition(edit->document()->characterCount() / 2);
    cursor.movePosition(QTextCursor::EndOfBlock);
    edit->setTextCursor(cursor);
    edit->setFocus();
    meter.start();
    clock.restart();
    for (int i = 0; i < keys; ++i) {
        const QChar c = QChar(u'a' + i % 26);
        QKeyEvent press(QEvent::KeyPress, Qt::Key_A + i % 26, Qt::NoModifier, QString(c));
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_A + i % 26, Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(edit, &press);
        QCoreApplication::sendEvent(edit, &release);
        wait(30);
    }
    // The check and preview that follow the last key belong to the typing.
    waitUntil([&] { return !editor->isPending(); }, 30000);
    wait(500);
    const double typingStall = meter.stop();
    const double typingBusy = meter.worstCpuMs();
    const double typingMs = clock.nsecsElapsed() / 1e6;
    const bool invalidNow = !editor->check().valid; // "abc..." after "true," breaks the JSON: the check ran

    // Undo the typing, then Format (minify first so Format has work to do).
    for (int i = 0; i < keys; ++i)
        edit->undo();
    waitUntil([&] { return !editor->isPending(); }, 30000);
    meter.start();
    clock.restart();
    editor->minify();
    waitUntil([&] { return edit->document()->blockCount() == 1 && !editor->isPending(); }, 120000);
    const double minifyMs = clock.nsecsElapsed() / 1e6;
    editor->format();
    waitUntil([&] { return edit->document()->blockCount() > 1 && !editor->isPending(); }, 120000);
    const double formatMs = clock.nsecsElapsed() / 1e6 - minifyMs;
    const double relayoutStall = meter.stop();
    const double relayoutBusy = meter.worstCpuMs();
    double load[3] = {0, 0, 0};
    if (getloadavg(load, 3) < 1)
        load[0] = -1;

    std::printf("{\"bench\":\"jsoneditor\",\"phase\":\"load\",\"bytes\":%lld,\"set_text_ms\":%.1f,\"checked_ms\":%.1f,"
                "\"valid\":%s,\"read_document_ms\":%.1f,\"longest_stall_ms\":%.1f,\"longest_busy_ms\":%.1f}\n",
                static_cast<long long>(readBytes), loadMs, checkedMs, valid ? "true" : "false", readMs, settleStall,
                settleBusy);
    std::printf("{\"bench\":\"jsoneditor\",\"phase\":\"typing\",\"keys\":%d,\"duration_ms\":%.1f,"
                "\"check_ran\":%s,\"longest_stall_ms\":%.1f,\"longest_busy_ms\":%.1f,\"budget_ms\":50,"
                "\"loadavg\":%.2f}\n",
                keys, typingMs, invalidNow ? "true" : "false", typingStall, typingBusy, load[0]);
    std::printf("{\"bench\":\"jsoneditor\",\"phase\":\"minify+format\",\"minify_ms\":%.1f,\"format_ms\":%.1f,"
                "\"longest_stall_ms\":%.1f,\"longest_busy_ms\":%.1f}\n",
                minifyMs, formatMs, relayoutStall, relayoutBusy);
    std::fflush(stdout);
    const double judged = cpuBudget ? typingBusy : typingStall;
    return judged > 50 || !valid || !invalidNow ? 1 : 0;
}
