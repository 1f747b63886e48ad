// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// makeSelectableByMouse: a label turns selectable when the pointer first enters it, and a
// drag then selects its text as on any selectable label.
#include "widgets/selectablelabel.h"

#include <QApplication>
#include <QEnterEvent>
#include <QLabel>
#include <QTest>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using Apinator::Ui::makeSelectableByMouse;

class TestSelectableLabel final : public QObject
{
    Q_OBJECT

private:
    static void enter(QLabel *label)
    {
        const QPointF at(2, 2);
        QEnterEvent event(at, at, label->mapToGlobal(at));
        QCoreApplication::sendEvent(label, &event);
    }

private Q_SLOTS:
    void pointerEnters_thenADragSelectsTheText()
    {
        QWidget window;
        auto *label = new QLabel(u"705794457.212193700"_s, &window);
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(label);
        makeSelectableByMouse(label);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Nothing built for selection until the pointer comes.
        QVERIFY(!(label->textInteractionFlags() & Qt::TextSelectableByMouse));
        QCOMPARE(label->focusPolicy(), Qt::NoFocus);

        enter(label);
        QVERIFY(label->textInteractionFlags() & Qt::TextSelectableByMouse);
        QCOMPARE(label->focusPolicy(), Qt::ClickFocus); // never a Tab stop
        QVERIFY(!label->hasSelectedText());
        const int y = label->height() / 2;
        const int textWidth = label->fontMetrics().horizontalAdvance(label->text());
        QTest::mousePress(label, Qt::LeftButton, {}, QPoint(label->contentsRect().left(), y));
        QTest::mouseMove(label, QPoint(label->contentsRect().left() + textWidth + 4, y));
        QTest::mouseRelease(label, Qt::LeftButton, {}, QPoint(label->contentsRect().left() + textWidth + 4, y));
        QCOMPARE(label->selectedText(), label->text());
    }

    void otherInteractionFlags_stay()
    {
        QLabel label(u"<a href=\"https://example.com\">docs</a>"_s);
        label.setTextInteractionFlags(Qt::LinksAccessibleByMouse);
        makeSelectableByMouse(&label);
        QCOMPARE(label.textInteractionFlags(), Qt::LinksAccessibleByMouse);
        enter(&label);
        QCOMPARE(label.textInteractionFlags(), Qt::LinksAccessibleByMouse | Qt::TextSelectableByMouse);
        // A second entry changes nothing: the filter is gone.
        label.setTextInteractionFlags(Qt::NoTextInteraction);
        enter(&label);
        QCOMPARE(label.textInteractionFlags(), Qt::NoTextInteraction);
    }
};

QTEST_MAIN(TestSelectableLabel)
#include "tst_selectablelabel.moc"
