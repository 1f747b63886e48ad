// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <functional>

class QWidget;

// The start-up probe shared by apinator-console and benchmarks/bare_window, so both
// are measured the same way. Depends on Qt Widgets only.
namespace Apinator::Ui::SmokeTest {

// Milliseconds since this process was started, dynamic loading and static initialisation
// included: since $APINATOR_LAUNCH_US (microseconds since the epoch, set by a launcher
// just before exec()) when set, to a tenth of a millisecond, else since the fork time in
// /proc/self/stat (10 ms ticks), in whole milliseconds; -1 where unavailable.
double msSinceProcessStart();
// VmRSS from /proc/self/status, in KiB; -1 where unavailable.
qint64 residentKb();
// {"startup_ms": N, "rss_kb": N}
QString reportLine();

// True when a QApplication can open windows: a platform is chosen (QT_QPA_PLATFORM or
// -platform) or DISPLAY / WAYLAND_DISPLAY is set.
bool hasDisplay(int argc, char **argv);
// One line for stderr naming what is missing and how to run the program anyway.
QString noDisplayMessage(const QString &program);

// Runs then() once the window's first frame is painted (from the event loop, after the
// whole frame). Calls queue in order: the first registered runs first.
void afterFirstPaint(QWidget *window, std::function<void()> then);
// afterFirstPaint: prints reportLine() on stdout and quits the application with code 0.
// With phases on (below) it also prints them on stderr, as one JSON line
// {"phases": {"main": 10.41, ..., "first_frame": 30.2}} in milliseconds since the launch.
void reportAfterFirstPaint(QWidget *window);

// Start-up phases, for finding where a start's time goes without a profiler: recorded only
// when $APINATOR_STARTUP_PHASES and $APINATOR_LAUNCH_US are set (benchmarks/bench_startup.sh
// with PHASES=1), else a no-op. The first paint event is marked as "first_paint_event".
void markPhase(const char *name);

} // namespace Apinator::Ui::SmokeTest
