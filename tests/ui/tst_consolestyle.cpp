// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// ConsoleStyle draws its own group-box frame and stretches Fusion's line-edit frames and
// button panels: each looks like what it stands for, in light and dark palettes and at 2x,
// and painting the frame starts no thread.
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

    // Line-edit frames and button panels: drawn narrow by Fusion and stretched, they must
    // match Fusion's own drawing at the full width.
    void stretchedPrimitive_matchesFusion_data()
    {
        QTest::addColumn<int>("element");
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("features");
        QTest::addColumn<bool>("dark");
        QTest::addColumn<qreal>("devicePixelRatio");
        QTest::addColumn<QSize>("size");
        const int enabled = int(QStyle::State_Enabled);
        const int focused = enabled | int(QStyle::State_HasFocus) | int(QStyle::State_KeyboardFocusChange);
        const int frame = int(QStyle::PE_FrameLineEdit), button = int(QStyle::PE_PanelButtonCommand);
        QTest::newRow("line edit") << frame << enabled << 0 << false << 1.0 << QSize(325, 22);
        QTest::newRow("line edit, focused") << frame << focused << 0 << false << 1.0 << QSize(325, 22);
        QTest::newRow("line edit, dark, 2x") << frame << enabled << 0 << true << 2.0 << QSize(188, 22);
        QTest::newRow("line edit, disabled") << frame << 0 << 0 << false << 1.0 << QSize(251, 22);
        QTest::newRow("button") << button << enabled << 0 << false << 1.0 << QSize(122, 24);
        QTest::newRow("button, default") << button << enabled << int(QStyleOptionButton::DefaultButton) << false << 1.0
                                         << QSize(80, 24);
        QTest::newRow("button, pressed") << button << (enabled | int(QStyle::State_Sunken)) << 0 << false << 1.0
                                         << QSize(80, 24);
        QTest::newRow("button, focused, dark, 2x") << button << focused << 0 << true << 2.0 << QSize(200, 30);
        QTest::newRow("button, disabled") << button << 0 << 0 << false << 1.0 << QSize(80, 24);
        QTest::newRow("narrow button (not stretched)") << button << enabled << 0 << false << 1.0 << QSize(24, 23);
    }

    void stretchedPrimitive_matchesFusion()
    {
        QFETCH(int, element);
        QFETCH(int, state);
        QFETCH(int, features);
        QFETCH(bool, dark);
        QFETCH(qreal, devicePixelRatio);
        QFETCH(QSize, size);
        QPalette palette = QApplication::style()->standardPalette();
        if (dark) {
            palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
            palette.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
            palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        }
        palette.setCurrentColorGroup((state & QStyle::State_Enabled) ? QPalette::Active : QPalette::Disabled);
        QStyleOptionButton option; // a QStyleOptionFrame for the line edit, below
        option.palette = palette;
        option.state = QStyle::State(state);
        option.features = QStyleOptionButton::ButtonFeatures(features);
        option.rect = QRect(QPoint(0, 0), size);
        QStyleOptionFrame frameOption;
        static_cast<QStyleOption &>(frameOption) = option;
        frameOption.lineWidth = 1;
        const QStyleOption *chosen = element == QStyle::PE_FrameLineEdit ? static_cast<const QStyleOption *>(&frameOption)
                                                                        : &option;

        const auto render = [&](const QStyle *style) {
            QImage image(size * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
            image.setDevicePixelRatio(devicePixelRatio);
            image.fill(palette.color(QPalette::Window));
            QPainter painter(&image);
            style->drawPrimitive(QStyle::PrimitiveElement(element), chosen, &painter);
            return image;
        };
        const QImage drawn = render(m_style.get());
        const QImage expected = render(m_style->baseStyle());
        QPoint where;
        const int difference = largestChannelDifference(drawn, expected, &where);
        QVERIFY2(difference <= 2, qPrintable(u"channel off by %1 at (%2, %3)"_s.arg(difference).arg(where.x()).arg(where.y())));
        // Something was drawn: the left edge's middle differs from the background.
        QVERIFY(drawn.pixel(0, drawn.height() / 2) != palette.color(QPalette::Window).rgb()
                || drawn.pixel(1, drawn.height() / 2) != palette.color(QPalette::Window).rgb());
    }

    // The plain frame (list views, text edits, message bars) is filled, not stroked: the same
    // pixels as Fusion's in every state, for palettes that share a window colour but differ
    // in the rest (the outline colour is kept per window colour), and where it falls back.
    void plainFrame_matchesFusion_data()
    {
        QTest::addColumn<QColor>("window");
        QTest::addColumn<QColor>("base");
        QTest::addColumn<int>("state");
        QTest::addColumn<qreal>("devicePixelRatio");
        QTest::addColumn<QSize>("size");
        const QColor light(0xef, 0xef, 0xef), dark(0x2b, 0x2b, 0x2b), note(0xdd, 0xe4, 0xf4);
        const int enabled = int(QStyle::State_Enabled);
        QTest::newRow("list") << light << QColor(Qt::white) << enabled << 1.0 << QSize(254, 184);
        QTest::newRow("list, focused") << light << QColor(Qt::white)
                                       << (enabled | int(QStyle::State_HasFocus) | int(QStyle::State_Sunken)) << 1.0
                                       << QSize(254, 399);
        QTest::newRow("same window, other base, raised") << light << QColor(0x20, 0x20, 0x20)
                                                         << (enabled | int(QStyle::State_Raised)) << 1.0 << QSize(40, 12);
        QTest::newRow("disabled") << light << QColor(Qt::white) << 0 << 1.0 << QSize(120, 60);
        QTest::newRow("dark") << dark << QColor(0x1e, 0x1e, 0x1e) << enabled << 1.0 << QSize(325, 68);
        QTest::newRow("message bar") << note << note << enabled << 1.0 << QSize(432, 30);
        QTest::newRow("smallest filled") << light << QColor(Qt::white) << enabled << 1.0 << QSize(3, 3);
        QTest::newRow("too small (Fusion's)") << light << QColor(Qt::white) << enabled << 1.0 << QSize(2, 5);
        QTest::newRow("2x (Fusion's)") << light << QColor(Qt::white) << enabled << 2.0 << QSize(100, 50);
        QTest::newRow("translucent window (Fusion's)") << QColor(0xef, 0xef, 0xef, 128) << QColor(Qt::white) << enabled
                                                       << 1.0 << QSize(100, 50);
    }

    void plainFrame_matchesFusion()
    {
        QFETCH(QColor, window);
        QFETCH(QColor, base);
        QFETCH(int, state);
        QFETCH(qreal, devicePixelRatio);
        QFETCH(QSize, size);
        QPalette palette = QApplication::style()->standardPalette();
        palette.setColor(QPalette::Window, window);
        palette.setColor(QPalette::Base, base);
        QStyleOptionFrame option;
        option.palette = palette;
        option.state = QStyle::State(state);
        option.lineWidth = 1;
        option.frameShape = QFrame::StyledPanel;
        // Drawn at an offset, as a child's frame is, on a background of neither colour.
        option.rect = QRect(QPoint(3, 2), size);
        const auto render = [&](const QStyle *style) {
            QImage image((size + QSize(6, 4)) * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
            image.setDevicePixelRatio(devicePixelRatio);
            image.fill(QColor(0x80, 0x40, 0x20));
            QPainter painter(&image);
            style->drawPrimitive(QStyle::PE_Frame, &option, &painter);
            return image;
        };
        const QImage drawn = render(m_style.get());
        const QImage expected = render(m_style->baseStyle());
        QPoint where;
        QCOMPARE(largestChannelDifference(drawn, expected, &where), 0);
        // Fusion drew an outline at all: the frame's top-left pixel is not the background.
        QVERIFY(expected.pixel(QPoint(3, 2) * devicePixelRatio) != QColor(0x80, 0x40, 0x20).rgb());
    }

    void plainFrame_underARingClip_startsNoThread()
    {
        // A list's frame is painted with its opaque viewport cut out of the clip. Filled
        // edges stay rectangle fills there: no span batches for Qt's parallel fills.
        QImage image(300, 500, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QStyleOptionFrame option;
        option.palette = QApplication::style()->standardPalette();
        option.state = QStyle::State_Enabled;
        option.rect = QRect(0, 0, 300, 500);
        const int before = threadCount();
        QPainter painter(&image);
        painter.setClipRegion(QRegion(option.rect).subtracted(QRegion(option.rect.adjusted(1, 1, -1, -1))));
        m_style->drawPrimitive(QStyle::PE_Frame, &option, &painter);
        painter.end();
        QCOMPARE(threadCount(), before);
        QVERIFY(image.pixel(0, 250) != QColor(Qt::white).rgb());
    }
};

QTEST_MAIN(TestConsoleStyle)
#include "tst_consolestyle.moc"
