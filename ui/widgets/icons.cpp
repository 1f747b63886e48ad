// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "icons.h"

#include "widgets/iconraster.h"

#include <QBuffer>
#include <QFile>
#include <QGuiApplication>
#include <QIconEngine>
#include <QImageReader>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QPixmapCache>

using namespace Qt::StringLiterals;

// Outside any namespace: Q_INIT_RESOURCE declares a global function. The resources are
// linked into a static library, whose static initialisers the linker may drop.
static void initApinatorResources()
{
    Q_INIT_RESOURCE(apinator);
}

namespace Apinator::Ui {

namespace {

QByteArray loadSvg(const QString &name)
{
    static const bool loaded = (initApinatorResources(), true);
    Q_UNUSED(loaded);
    QFile file(u":/icons/"_s + name + u".svg"_s);
    if (!file.open(QIODevice::ReadOnly))
        qWarning("icon %s is missing from the resources", qPrintable(name));
    return file.readAll();
}

// Through Qt's SVG image plugin, loaded on the first size the rasters do not have: linking
// Qt SVG would load it, and relocate all its symbols, at every start (0.7 M instructions).
QImage drawSvg(QByteArray svg, const QSize &size, const QColor &color)
{
    svg.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
    QBuffer buffer(&svg);
    QImageReader reader(&buffer, "svg");
    reader.setScaledSize(size);
    QImage image = reader.read();
    if (image.isNull()) {
        // Once: every icon would say the same (the package depends on the plugin).
        static const bool warned = [&reader] {
            qWarning("icons: Qt's SVG image plugin cannot draw them (%s)", qPrintable(reader.errorString()));
            return true;
        }();
        Q_UNUSED(warned);
        return {};
    }
    return image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
}

// The raster of that icon at that side; side 0 takes any side.
const IconRaster::Entry *findRaster(const QString &name, int side)
{
    const QByteArray key = name.toLatin1();
    for (int i = 0; i < IconRaster::entryCount; ++i) {
        const IconRaster::Entry &e = IconRaster::entries[i];
        if ((side == 0 || e.side == side) && key == e.name)
            return &e;
    }
    return nullptr;
}

// The SVG is read from the resources the first time a size without a raster is asked for:
// a window start asks only for rastered sizes, and made 43 icons.
class SvgIconEngine final : public QIconEngine
{
public:
    explicit SvgIconEngine(QString name)
        : m_name(std::move(name))
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->drawPixmap(rect, render(rect.size(), mode, dpr));
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State) override { return render(size, mode, 1.0); }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State, qreal scale) override
    {
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
        // Before 6.8 QIcon::pixmap() passes the size in device pixels already.
        return render(size / scale, mode, scale);
#else
        return render(size, mode, scale);
#endif
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine *clone() const override { return new SvgIconEngine(*this); }
    QString key() const override { return u"apinator-svg"_s; }
    QString iconName() override { return m_name; }
    bool isNull() override
    {
        if (m_exists == Exists::Unknown)
            m_exists = findRaster(m_name, 0) || !svg().isEmpty() ? Exists::Yes : Exists::No;
        return m_exists == Exists::No;
    }

private:
    static QColor colorFor(QIcon::Mode mode)
    {
        const QPalette palette = QGuiApplication::palette();
        switch (mode) {
        case QIcon::Disabled:
            return palette.color(QPalette::Disabled, QPalette::WindowText);
        case QIcon::Selected:
            return palette.color(QPalette::Active, QPalette::HighlightedText);
        default:
            return palette.color(QPalette::Active, QPalette::WindowText);
        }
    }

    const QByteArray &svg() const
    {
        if (!m_svgLoaded) {
            m_svg = loadSvg(m_name);
            m_svgLoaded = true;
        }
        return m_svg;
    }

    QPixmap render(const QSize &size, QIcon::Mode mode, qreal scale) const
    {
        if (size.isEmpty())
            return {};
        const QColor color = colorFor(mode);
        const QSize device = size * scale;
        // Concatenated, not QString::arg(): a window start asks for about 25 of these.
        const QString cacheKey = u"apinator:"_s + m_name + u':' + QString::number(device.width()) + u'x'
            + QString::number(device.height()) + u':' + QString::number(color.rgba(), 16);
        QPixmap pixmap;
        if (QPixmapCache::find(cacheKey, &pixmap))
            return pixmap;
        const QImage raster = device.width() == device.height() ? iconFromRaster(m_name, device.width(), color) : QImage();
        if (raster.isNull() && svg().isEmpty())
            return {};
        pixmap = QPixmap::fromImage(raster.isNull() ? drawSvg(svg(), device, color) : raster);
        pixmap.setDevicePixelRatio(scale);
        QPixmapCache::insert(cacheKey, pixmap);
        return pixmap;
    }

    enum class Exists { Unknown, Yes, No };

    QString m_name;
    mutable QByteArray m_svg;
    mutable bool m_svgLoaded = false;
    Exists m_exists = Exists::Unknown;
};

} // namespace

QImage iconFromSvg(const QString &name, int side, const QColor &color)
{
    return drawSvg(loadSvg(name), QSize(side, side), color);
}

QImage iconFromRaster(const QString &name, int side, const QColor &color)
{
    const IconRaster::Entry *e = side > 0 ? findRaster(name, side) : nullptr;
    if (!e)
        return {};
    // Read-only over the table: QPixmap::fromImage copies it, any writer detaches.
    if (!e->mask)
        return QImage(e->data, side, side, side * 4, QImage::Format_ARGB32_Premultiplied);
    // The coverage tinted: what drawing the SVG in this (opaque) colour gives, to the rounding.
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    const QRgb rgb = color.rgb();
    for (int y = 0; y < side; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        const unsigned char *coverage = e->data + y * side;
        for (int x = 0; x < side; ++x)
            line[x] = qPremultiply(qRgba(qRed(rgb), qGreen(rgb), qBlue(rgb), coverage[x]));
    }
    return image;
}

QIcon icon(const QString &name)
{
    return QIcon(new SvgIconEngine(name));
}

QIcon appIcon()
{
    return icon(u"apinator"_s);
}

} // namespace Apinator::Ui
