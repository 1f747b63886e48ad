// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The icons drawn at build time match what drawing their SVG gives at run time, pixel for
// pixel to the rounding, in any colour; other sizes still come from the SVG.
#include "widgets/iconraster.h"
#include "widgets/icons.h"

#include <QApplication>
#include <QDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Apinator::Ui;

class TestIcons final : public QObject
{
    Q_OBJECT

private:
    // The largest difference of any channel of any pixel.
    static int maxDifference(const QImage &a, const QImage &b)
    {
        int worst = 0;
        for (int y = 0; y < a.height(); ++y) {
            for (int x = 0; x < a.width(); ++x) {
                const QRgb p = a.pixel(x, y);
                const QRgb q = b.pixel(x, y);
                worst = std::max({worst, qAbs(qRed(p) - qRed(q)), qAbs(qGreen(p) - qGreen(q)),
                              qAbs(qBlue(p) - qBlue(q)), qAbs(qAlpha(p) - qAlpha(q))});
            }
        }
        return worst;
    }

private Q_SLOTS:
    void everyIconIsDrawnAtBuildTime()
    {
        (void)iconFromSvg(u"add"_s, 16, Qt::black); // registers the resources
        QStringList svgs = QDir(u":/icons"_s).entryList({u"*.svg"_s});
        for (QString &name : svgs)
            name.chop(4);
        QStringList rastered;
        for (int i = 0; i < IconRaster::entryCount; ++i) {
            if (IconRaster::entries[i].side == 16)
                rastered << QString::fromLatin1(IconRaster::entries[i].name);
        }
        svgs.sort();
        rastered.sort();
        QVERIFY(!svgs.isEmpty());
        QCOMPARE(rastered, svgs);
    }

    void rasterMatchesTheSvg_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("side");
        QTest::addColumn<QColor>("color");
        for (int i = 0; i < IconRaster::entryCount; ++i) {
            const IconRaster::Entry &e = IconRaster::entries[i];
            for (const QColor &color : {QColor(Qt::black), QColor(0xee, 0xee, 0xee), QColor(0x35, 0x84, 0xe4)}) {
                QTest::addRow("%s %d %s", e.name, e.side, qPrintable(color.name()))
                    << QString::fromLatin1(e.name) << e.side << color;
            }
        }
    }

    void rasterMatchesTheSvg()
    {
        QFETCH(QString, name);
        QFETCH(int, side);
        QFETCH(QColor, color);
        const QImage svg = iconFromSvg(name, side, color);
        const QImage raster = iconFromRaster(name, side, color);
        QCOMPARE(raster.size(), QSize(side, side));
        QCOMPARE(svg.size(), QSize(side, side));
        // Not blank: the comparison means something.
        int opaque = 0;
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < side; ++x)
                opaque += qAlpha(raster.pixel(x, y)) > 0;
        QVERIFY2(opaque > side, qPrintable(u"%1 has %2 visible pixels"_s.arg(name).arg(opaque)));
        QVERIFY2(maxDifference(svg, raster) <= 2, qPrintable(u"differs by %1"_s.arg(maxDifference(svg, raster))));
    }

    void otherSizes_comeFromTheSvg()
    {
        QVERIFY(iconFromRaster(u"add"_s, 20, Qt::black).isNull());
        QVERIFY(iconFromRaster(u"no-such-icon"_s, 16, Qt::black).isNull());
        const QPixmap twenty = icon(u"add"_s).pixmap(QSize(20, 20));
        QCOMPARE(twenty.size(), QSize(20, 20));
        QCOMPARE(maxDifference(twenty.toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied),
                               iconFromSvg(u"add"_s, 20, QApplication::palette().color(QPalette::WindowText))),
                 0);
    }

    void unknownIcon_isNullAndDrawsNothing()
    {
        // The SVG is read only when needed: a known icon is not null without reading it, an
        // unknown one is null and says which.
        QVERIFY(!icon(u"save"_s).isNull());
        QTest::ignoreMessage(QtWarningMsg, "icon no-such-icon is missing from the resources");
        const QIcon missing = icon(u"no-such-icon"_s);
        QVERIFY(missing.isNull());
        QVERIFY(missing.pixmap(QSize(24, 24)).isNull());
        // A copy of an engine that has not read its SVG yet still finds it.
        const QIcon copy = icon(u"export"_s);
        QIcon detached = copy;
        detached.detach();
        QCOMPARE(detached.pixmap(QSize(20, 20)).size(), QSize(20, 20));
    }

    void iconUsesTheRasterForItsSizes()
    {
        const QColor text = QApplication::palette().color(QPalette::Active, QPalette::WindowText);
        const QPixmap pixmap = icon(u"save"_s).pixmap(QSize(24, 24));
        QCOMPARE(maxDifference(pixmap.toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied),
                               iconFromRaster(u"save"_s, 24, text)),
                 0);
    }
};

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
