// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// Navigation: pages in order with Ctrl+N, and pages built the first time they are shown.
#include "navigation.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using Apinator::Ui::Navigation;

class TestNavigation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lazyPage_notBuiltUntilShown();
    void lazyPage_builtOnceWhenAskedFor();
    void lazyPage_shortcutBuildsAndShowsIt();
    void heldBuilds_onlyThePageCurrentOnReleaseIsBuilt();
    void pages_orderedByOrderNumberWithShortcuts();
};

namespace {
struct Factory
{
    int calls = 0;
    QString text;
    Navigation::PageFactory make()
    {
        return [this] {
            ++calls;
            auto *label = new QLabel(text);
            label->setObjectName(text);
            return label;
        };
    }
};
} // namespace

void TestNavigation::lazyPage_notBuiltUntilShown()
{
    QWidget window;
    Navigation nav(&window);
    Factory first{0, u"first"_s};
    Factory second{0, u"second"_s};
    nav.addPage(u"a"_s, u"A"_s, u"info"_s, 10, first.make());
    nav.addPage(u"b"_s, u"B"_s, u"info"_s, 20, second.make());
    // The first page becomes current and is built; the other waits.
    QCOMPARE(first.calls, 1);
    QCOMPARE(second.calls, 0);
    QVERIFY(nav.isBuilt(u"a"_s));
    QVERIFY(!nav.isBuilt(u"b"_s));

    QVERIFY(nav.showPage(u"b"_s));
    QCOMPARE(second.calls, 1);
    QCOMPARE(nav.stack()->currentWidget()->objectName(), u"second"_s);
    QCOMPARE(nav.stack()->count(), 2); // the placeholder was replaced, not kept
    QVERIFY(nav.showPage(u"a"_s));
    QVERIFY(nav.showPage(u"b"_s));
    QCOMPARE(second.calls, 1);
}

void TestNavigation::lazyPage_builtOnceWhenAskedFor()
{
    QWidget window;
    Navigation nav(&window);
    Factory first{0, u"first"_s};
    Factory second{0, u"second"_s};
    nav.addPage(u"a"_s, u"A"_s, u"info"_s, 10, first.make());
    nav.addPage(u"b"_s, u"B"_s, u"info"_s, 20, second.make());
    QWidget *page = nav.page(u"b"_s);
    QVERIFY(page);
    QCOMPARE(page->objectName(), u"second"_s);
    QCOMPARE(nav.page(u"b"_s), page);
    QCOMPARE(second.calls, 1);
    // Asking for a page does not show it.
    QCOMPARE(nav.currentId(), u"a"_s);
    QCOMPARE(nav.page(u"missing"_s), nullptr);
}

void TestNavigation::lazyPage_shortcutBuildsAndShowsIt()
{
    QWidget window;
    Navigation nav(&window);
    Factory first{0, u"first"_s};
    Factory second{0, u"second"_s};
    nav.addPage(u"a"_s, u"A"_s, u"info"_s, 10, first.make());
    nav.addPage(u"b"_s, u"B"_s, u"info"_s, 20, second.make());
    window.addActions(nav.actions());
    auto *layout = new QHBoxLayout(&window);
    layout->addWidget(nav.list());
    layout->addWidget(nav.stack());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(nav.currentId(), u"b"_s);
    QCOMPARE(second.calls, 1);
    QCOMPARE(nav.stack()->currentWidget()->objectName(), u"second"_s);
}

void TestNavigation::heldBuilds_onlyThePageCurrentOnReleaseIsBuilt()
{
    QWidget window;
    Navigation nav(&window);
    Factory first{0, u"first"_s};
    Factory second{0, u"second"_s};
    Factory third{0, u"third"_s};
    nav.holdBuilds(true);
    nav.addPage(u"a"_s, u"A"_s, u"info"_s, 10, first.make());
    nav.addPage(u"b"_s, u"B"_s, u"info"_s, 20, second.make());
    nav.addPage(u"c"_s, u"C"_s, u"info"_s, 30, third.make());
    QVERIFY(nav.showPage(u"b"_s));
    QVERIFY(nav.showPage(u"c"_s)); // the window restoring the last page
    QCOMPARE(first.calls + second.calls + third.calls, 0);
    nav.holdBuilds(false);
    QCOMPARE(first.calls, 0);
    QCOMPARE(second.calls, 0);
    QCOMPARE(third.calls, 1);
    QCOMPARE(nav.stack()->currentWidget()->objectName(), u"third"_s);
}

void TestNavigation::pages_orderedByOrderNumberWithShortcuts()
{
    QWidget window;
    Navigation nav(&window);
    Factory later{0, u"later"_s};
    nav.addPage(u"late"_s, u"Late"_s, u"info"_s, 90, new QLabel(u"eager"_s));
    nav.addPage(u"early"_s, u"Early"_s, u"info"_s, 10, later.make());
    QCOMPARE(nav.pageIds(), (QStringList{u"early"_s, u"late"_s}));
    QCOMPARE(nav.actions().at(0)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_1));
    QCOMPARE(nav.actions().at(1)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_2));
    QCOMPARE(nav.list()->item(0)->text(), u"Early"_s);
}

QTEST_MAIN(TestNavigation)
#include "tst_navigation.moc"
