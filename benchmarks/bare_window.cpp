// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The baseline of bench_startup.sh: a bare Qt Widgets window (a QMainWindow with a label),
// built with the same flags and measured by the same probe as apinator-console.
#include "smoketest.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLabel>
#include <QMainWindow>
#include <QScreen>

#include <cstdio>

using namespace Qt::StringLiterals;
namespace SmokeTest = Apinator::Ui::SmokeTest;

int main(int argc, char **argv)
{
    SmokeTest::markPhase("main");
    if (!SmokeTest::hasDisplay(argc, argv)) {
        std::fprintf(stderr, "%s\n", qPrintable(SmokeTest::noDisplayMessage(u"bare_window"_s)));
        return 2;
    }
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({u"smoke-test"_s, u"Print {\"startup_ms\": N, \"rss_kb\": N} after the first paint, exit."_s});
    parser.process(app);
    SmokeTest::markPhase("application");

    QMainWindow window;
    window.setCentralWidget(new QLabel(u"Hello"_s, &window));
    // The console's first-start size, so both paint the same number of pixels.
    QSize size(1100, 720);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableSize() * 0.9);
    window.resize(size);
    SmokeTest::markPhase("window_built");
    if (parser.isSet(u"smoke-test"_s))
        SmokeTest::reportAfterFirstPaint(&window);
    window.show();
    SmokeTest::markPhase("shown");
    return app.exec();
}
