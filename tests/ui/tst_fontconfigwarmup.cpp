// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// FontConfigWarmUp: fontconfig's configuration is loaded on the second thread, and Qt's fonts
// work on it afterwards as they do without it.
#include "fontconfigwarmup.h"

#include <QFontDatabase>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QTest>

#include <dlfcn.h>

using namespace Qt::StringLiterals;
using Apinator::Ui::FontConfigWarmUp;

class TestFontConfigWarmUp final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wait_loadsTheConfiguration()
    {
        // fontconfig comes with Qt Gui here: the warm-up finds it at run time, and FcInit
        // succeeds on the second thread.
        QVERIFY(dlsym(RTLD_DEFAULT, "FcInit") != nullptr);
        FontConfigWarmUp warmUp;
        QVERIFY(warmUp.wait());
        QVERIFY(warmUp.wait()); // asked again: the same answer

        // Qt's font database is built on it, and text is measured.
        QVERIFY(!QFontDatabase::families().isEmpty());
        QVERIFY(QFontMetrics(QGuiApplication::font()).horizontalAdvance(u"Local sandbox"_s) > 0);
    }

    void destructor_joinsTheThread()
    {
        // Not waited for: the destructor joins (a joinable std::thread destroyed would call
        // std::terminate and end this test).
        auto *warmUp = new FontConfigWarmUp;
        delete warmUp;
    }
};

QTEST_MAIN(TestFontConfigWarmUp)
#include "tst_fontconfigwarmup.moc"
