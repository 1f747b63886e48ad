// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// ConsoleStyle's group-box frame: it looks like the rounded rectangle it stands for, in
// light and dark palettes and at 2x, and painting it starts no thread.
#include "consolestyle.h"

#include <QApplication>
#include <QDir>
#include <QGroupBox>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QStyleOptionFrame>
#include <QTest>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;
using Apinator::Ui::ConsoleStyle;

class TestConsoleStyle final : public QObject
{
    Q_OBJECT

private:
    static int threadCount() { return int(QDir(u"/proc/self/task"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size()); }

    // The frame as it was drawn before the nine-patch: Fusion's look, at the box's size.
    static void drawReference(QPainter *painter, const QRect &frame, bool dark)
    {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->setPen(dark ? QColor(255, 255, 255, 46) : QColor(0, 0, 0, 46));
        painter->setBrush(dark ? QColor(255, 255, 255, 8) : QColor(0, 0, 0, 8));
        painter->drawRoundedRect(QRectF(frame).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
        painter->restore();
    }

    static int largestChannelDifference(const QImage &a, const QImage &b, QPoint *where)
    {
        int worst = 0;
        for (int y = 0; y < a.height(); ++y) {
            for (int x = 0; x < a.width(); ++x) {
                const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
                const int d = qMax(qMax(qAbs(qRed(p) - qRed(q)), qAbs(qGreen(p) - qGreen(q))),
                                   qMax(qAbs(qBlue(p) - qBlue(q)), qAbs(qAlpha(p) - qAlpha(q))));
                if (d > worst) {
                    worst = d;
                    *where = QPoint(x, y);
                }
            }
        }
        return worst;
    }

    std::unique_ptr<ConsoleStyle> m_style;

private Q_SLOTS:
    void initTestCase()
    {
        m_style = std::make_unique<ConsoleStyle>(u"fusion"_s);
        QApplication::setStyle(u"fusion"_s);
    }

    void groupBoxFrame_withOpaqueChildren_startsNoThread()
    {
        // Qt hands fills of 96 spans or more to its global thread pool; a tall frame drawn
        // in one piece under the clip of a box with opaque children used to start it. First
        // of the tests: the reference drawings below start the pool themselves.
        QWidget window;
        window.resize(420, 900);
        auto *box = new QGroupBox(u"Connection"_s, &window);
        box->setStyle(m_style.get());
        auto *layout = new QVBoxLayout(box);
        layout->addWidget(new QLineEdit(u"first"_s));
        layout->addWidget(new QPlainTextEdit(u"opaque"_s));
        layout->addWidget(new QLineEdit(u"last"_s));
        auto *outer = new QVBoxLayout(&window);
        outer->addWidget(box);
        const int before = threadCount();
        const QPixmap shot = window.grab();
        QVERIFY(!shot.isNull());
        QCOMPARE(threadCount(), before);
    }

    void groupBoxFrame_matchesTheRoundedRectangle_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::addColumn<qreal>("devicePixelRatio");
        QTest::addColumn<QSize>("size");
        QTest::newRow("light, 1x, tall") << false << 1.0 << QSize(300, 420);
        QTest::newRow("dark, 1x, tall") << true << 1.0 << QSize(300, 420);
        QTest::newRow("light, 2x") << false << 2.0 << QSize(240, 130);
        QTest::newRow("dark, 2x") << true << 2.0 << QSize(240, 130);
        QTest::newRow("light, 1x, small") << false << 1.0 << QSize(12, 14);
    }

    void groupBoxFrame_matchesTheRoundedRectangle()
    {
        QFETCH(bool, dark);
        QFETCH(qreal, devicePixelRatio);
        QFETCH(QSize, size);
        QGroupBox box; // untitled and not checkable: the frame starts 3 px down
        QPalette palette = box.palette();
        palette.setColor(QPalette::Window, dark ? QColor(0x2b, 0x2b, 0x2b) : QColor(0xef, 0xef, 0xef));
        QStyleOptionFrame option;
        option.initFrom(&box);
        option.palette = palette;
        option.rect = QRect(QPoint(0, 0), size);

        const auto canvas = [&] {
            QImage image(size * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
            image.setDevicePixelRatio(devicePixelRatio);
            image.fill(palette.color(QPalette::Window));
            return image;
        };
        QImage drawn = canvas();
        {
            QPainter painter(&drawn);
            m_style->drawPrimitive(QStyle::PE_FrameGroupBox, &option, &painter, &box);
        }
        QImage expected = canvas();
        {
            QPainter painter(&expected);
            drawReference(&painter, option.rect.adjusted(0, 3, 0, 0), dark);
        }
        QPoint where;
        const int difference = largestChannelDifference(drawn, expected, &where);
        QVERIFY2(difference <= 2, qPrintable(u"channel off by %1 at (%2, %3)"_s.arg(difference).arg(where.x()).arg(where.y())));
        // And it is there at all: the outline darkens (or lightens) the top-left edge.
        QVERIFY(drawn.pixel(0, int(size.height() / 2 * devicePixelRatio)) != palette.color(QPalette::Window).rgb());
    }

};

QTEST_MAIN(TestConsoleStyle)
#include "tst_consolestyle.moc"
