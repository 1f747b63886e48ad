// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// MessageBar: hidden and empty until its first message; then the text, its kind's colour, its
// actions and the close button as set before or after.
#include "widgets/messagebar.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using Apinator::Ui::MessageBar;

class TestMessageBar final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void beforeTheFirstMessage_hiddenWithNothingInside()
    {
        QWidget window;
        auto *bar = new MessageBar(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(bar->isHidden());
        QVERIFY(bar->text().isEmpty());
        // A bar that is never used makes no labels or buttons.
        QVERIFY(bar->findChildren<QWidget *>().isEmpty());
    }

    void showMessage_showsTextTintAndCloseButton()
    {
        QWidget window;
        auto *bar = new MessageBar(&window);
        window.show();
        const QColor plain = bar->palette().color(QPalette::Window);
        bar->showMessage(MessageBar::Kind::Error, u"The profiles file could not be read."_s);
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->text(), u"The profiles file could not be read."_s);
        QCOMPARE(bar->accessibleName(), bar->text());
        QVERIFY(bar->palette().color(QPalette::Window) != plain);
        auto *close = bar->findChild<QToolButton *>();
        QVERIFY(close && close->isVisible());
        QSignalSpy closed(bar, &MessageBar::closed);
        QTest::mouseClick(close, Qt::LeftButton);
        QVERIFY(bar->isHidden());
        QCOMPARE(closed.count(), 1);
    }

    void setClosable_beforeTheFirstMessage_isKept()
    {
        QWidget window;
        auto *bar = new MessageBar(&window);
        bar->setClosable(false);
        window.show();
        bar->showMessage(MessageBar::Kind::Info, u"Served by the built-in sandbox."_s);
        auto *close = bar->findChild<QToolButton *>();
        QVERIFY(close);
        QVERIFY(!close->isVisible());
        bar->setClosable(true);
        QVERIFY(close->isVisible());
    }

    void addAction_beforeAndAfterAMessage()
    {
        QWidget window;
        auto *bar = new MessageBar(&window);
        QPushButton *early = bar->addAction(u"&Retry"_s);
        QCOMPARE(early->accessibleName(), u"Retry"_s);
        window.show();
        bar->showMessage(MessageBar::Kind::Warning, u"No keyring answered."_s);
        // A new message drops the previous message's actions.
        QCOMPARE(bar->findChildren<QPushButton *>().size(), 0);
        QPushButton *store = bar->addAction(u"Store in a file…"_s, u"Store secrets in a file"_s);
        QTRY_VERIFY(store->isVisible());
        QCOMPARE(store->accessibleName(), u"Store secrets in a file"_s);
    }
};

QTEST_MAIN(TestMessageBar)
#include "tst_messagebar.moc"
