// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// EnvironmentChip: its size hint fits its text, and follows a new environment and a new
// font (the hint is cached between layout passes).
#include "widgets/environmentchip.h"

#include <QApplication>
#include <QTest>

using namespace Apinator;
using Apinator::Ui::EnvironmentChip;

class TestEnvironmentChip final : public QObject
{
    Q_OBJECT

private:
    // The chip's text is in the widget's own font (one font in the first frame).
    static int textWidth(const QWidget &chip, Environment environment)
    {
        return chip.fontMetrics().horizontalAdvance(environmentTitle(environment));
    }

private Q_SLOTS:
    void sizeHint_followsTheEnvironment()
    {
        EnvironmentChip chip;
        chip.setEnvironment(Environment::Sandbox);
        const QSize sandbox = chip.sizeHint();
        QVERIFY(sandbox.width() > textWidth(chip, Environment::Sandbox));
        QCOMPARE(chip.sizeHint(), sandbox); // asked again: the same
        chip.setEnvironment(Environment::Development);
        const QSize development = chip.sizeHint();
        QCOMPARE(development.width() - sandbox.width(),
                 textWidth(chip, Environment::Development) - textWidth(chip, Environment::Sandbox));
        QCOMPARE(chip.minimumSizeHint(), development);
    }

    void sizeHint_followsTheFont()
    {
        EnvironmentChip chip;
        chip.setEnvironment(Environment::Production);
        const QSize before = chip.sizeHint();
        QFont larger = chip.font();
        larger.setPointSizeF(larger.pointSizeF() * 2);
        chip.setFont(larger);
        const QSize after = chip.sizeHint();
        QVERIFY2(after.width() > before.width() * 3 / 2 && after.height() > before.height(),
                 qPrintable(QStringLiteral("%1x%2 -> %3x%4").arg(before.width()).arg(before.height())
                                .arg(after.width()).arg(after.height())));
        QVERIFY(after.width() > textWidth(chip, Environment::Production));
    }
};

QTEST_MAIN(TestEnvironmentChip)
#include "tst_environmentchip.moc"
