// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "smoketest.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>

#include <cstdio>
#include <cstring>
#include <ctime>
#include <unistd.h>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace Apinator::Ui::SmokeTest {

namespace {

// Microseconds since the epoch at the launcher's exec(), from $APINATOR_LAUNCH_US; 0 when unset.
qint64 launchMicroseconds()
{
    bool ok = false;
    const qint64 us = qgetenv("APINATOR_LAUNCH_US").toLongLong(&ok);
    return ok && us > 0 ? us : 0;
}

// Fractional milliseconds since the launch; needs launchUs > 0.
double msSinceLaunch(qint64 launchUs)
{
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    return double(qint64(now.tv_sec) * 1000000 + now.tv_nsec / 1000 - launchUs) / 1000.0;
}

struct PhaseLog
{
    qint64 launchUs = qEnvironmentVariableIsSet("APINATOR_STARTUP_PHASES") ? launchMicroseconds() : 0;
    std::vector<std::pair<const char *, double>> marks;
};

PhaseLog &phaseLog()
{
    static PhaseLog log;
    return log;
}

// Watches the first QEvent::Paint of the window, then lets the frame finish.
class FirstPaintWatcher final : public QObject
{
public:
    FirstPaintWatcher(QWidget *window, std::function<void()> then)
        : QObject(window)
        , m_then(std::move(then))
    {
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            markPhase("first_paint_event");
            watched->removeEventFilter(this);
            // Children paint and the backing store flushes after the top level's
            // paint event, all before the loop runs a zero timer.
            QTimer::singleShot(0, this, [this] { m_then(); });
        }
        return false;
    }

private:
    std::function<void()> m_then;
    bool m_seen = false;
};

} // namespace

double msSinceProcessStart()
{
    // A launcher that knows when it called exec() passes that time, in microseconds since
    // the epoch (bash: APINATOR_LAUNCH_US=${EPOCHREALTIME/./}). /proc's starttime below
    // counts 10 ms clock ticks: too coarse to compare starts of 25 and 40 ms.
    // Tenths: whole milliseconds would be a step of 8 % on a 12 ms start.
    if (const qint64 launchUs = launchMicroseconds())
        return double(qRound64(msSinceLaunch(launchUs) * 10)) / 10;
    QFile stat(u"/proc/self/stat"_s);
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // The command name may hold spaces and parentheses: fields count from the last ')'.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    // Field 22 (starttime) overall is index 19 after "pid (comm)".
    if (fields.size() < 20)
        return -1;
    bool ok = false;
    const qint64 startTicks = fields.at(19).toLongLong(&ok);
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    if (!ok || ticksPerSecond <= 0)
        return -1;
    // starttime counts clock ticks since boot on CLOCK_BOOTTIME.
    timespec now{};
    if (clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return -1;
    const qint64 nowMs = qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
    return double(nowMs - startTicks * 1000 / ticksPerSecond);
}

qint64 residentKb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    // /proc files report size 0: read them whole rather than testing atEnd().
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:")) {
            bool ok = false;
            const qint64 kb = line.mid(6).simplified().split(' ').value(0).toLongLong(&ok);
            return ok ? kb : -1;
        }
    }
    return -1;
}

QString reportLine()
{
    return u"{\"startup_ms\": "_s + QString::number(msSinceProcessStart()) + u", \"rss_kb\": "_s
        + QString::number(residentKb()) + u'}';
}

bool hasDisplay(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "-platform" || arg == "--platform" || arg.startsWith("-platform="))
            return true;
    }
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY")
           || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

QString noDisplayMessage(const QString &program)
{
    // Said before any QApplication exists, but still a sentence for people: translated.
    return QCoreApplication::translate("Apinator::Ui::SmokeTest",
                                       "%1: no display (DISPLAY and WAYLAND_DISPLAY are unset); run it with "
                                       "QT_QPA_PLATFORM=offscreen %1, or under a virtual display: xvfb-run %1")
        .arg(program);
}

void markPhase(const char *name)
{
    PhaseLog &log = phaseLog();
    if (log.launchUs <= 0)
        return;
    // The first mark of a name counts (two watchers see the same first paint).
    for (const auto &mark : log.marks) {
        if (std::strcmp(mark.first, name) == 0)
            return;
    }
    log.marks.emplace_back(name, msSinceLaunch(log.launchUs));
}

void afterFirstPaint(QWidget *window, std::function<void()> then)
{
    new FirstPaintWatcher(window, std::move(then));
}

void reportAfterFirstPaint(QWidget *window)
{
    afterFirstPaint(window, [] {
        // The phase first: reportLine() reads the clock next, before /proc and the write, so
        // the two figures agree even on a loaded machine.
        markPhase("first_frame");
        const QByteArray line = reportLine().toUtf8() + '\n';
        std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
        std::fflush(stdout);
        if (const PhaseLog &log = phaseLog(); !log.marks.empty()) {
            QByteArray phases = "{\"phases\": {";
            for (const auto &[name, ms] : log.marks)
                phases += '"' + QByteArray(name) + "\": " + QByteArray::number(ms, 'f', 2) + ", ";
            phases.chop(2);
            phases += "}}\n";
            std::fwrite(phases.constData(), 1, size_t(phases.size()), stderr);
        }
        QCoreApplication::exit(0);
    });
}

} // namespace Apinator::Ui::SmokeTest
