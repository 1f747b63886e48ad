// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "consolestyle.h"

#include "widgets/icons.h"

#include <QGroupBox>
#include <QImage>
#include <QPainter>
#include <QPixmapCache>
#include <QStyleOption>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

QIcon ConsoleStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption *option, const QWidget *widget) const
{
    switch (standardIcon) {
    case SP_ToolBarHorizontalExtensionButton:
        return icon(u"more"_s);
    default:
        return QProxyStyle::standardIcon(standardIcon, option, widget);
    }
}

void ConsoleStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                                 const QWidget *widget) const
{
    if (canStretch(element, option, painter)) {
        drawStretched(element, option, painter, widget);
        return;
    }
    if (element == PE_Frame && drawPlainFrame(option, painter, widget))
        return;
    if (element != PE_FrameGroupBox || !isFusion()) {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        return;
    }
    // Fusion's geometry (qfusionstyle.cpp): the frame starts below the title line, or 3 px
    // down for a group box with neither title nor check box.
    constexpr int GroupBoxTopMargin = 3;
    int top = GroupBoxTopMargin;
    const auto *box = qobject_cast<const QGroupBox *>(widget);
    if (!box || box->isCheckable() || !box->title().isEmpty())
        top += qMax(pixelMetric(PM_ExclusiveIndicatorHeight, option, widget), option->fontMetrics.height());
    const QRect frame = option->rect.adjusted(0, top, 0, 0);
    if (frame.width() < 2 * FrameCorner || frame.height() < 2 * FrameCorner)
        return;
    const bool dark = option->palette.color(QPalette::Window).lightness() < 128;
    drawNinePatch(painter, frame, groupBoxFramePatch(dark, painter->device()->devicePixelRatio()));
}

void ConsoleStyle::drawNinePatch(QPainter *painter, const QRect &target, const QPixmap &patch)
{
    constexpr int c = FrameCorner;
    const qreal dpr = patch.devicePixelRatio();
    // Source pieces in the patch's device pixels: corners c x c, a middle of two.
    const auto source = [dpr](int x, int y, int w, int h) { return QRectF(x * dpr, y * dpr, w * dpr, h * dpr); };
    const int left = target.left(), top = target.top();
    const int right = target.left() + target.width() - c, bottom = target.top() + target.height() - c;
    const int middleWidth = target.width() - 2 * c;
    // Corners and the top and bottom edges: c rows each.
    painter->drawPixmap(QRectF(left, top, c, c), patch, source(0, 0, c, c));
    painter->drawPixmap(QRectF(right, top, c, c), patch, source(c + 2, 0, c, c));
    painter->drawPixmap(QRectF(left, bottom, c, c), patch, source(0, c + 2, c, c));
    painter->drawPixmap(QRectF(right, bottom, c, c), patch, source(c + 2, c + 2, c, c));
    painter->drawPixmap(QRectF(left + c, top, middleWidth, c), patch, source(c, 0, 2, c));
    painter->drawPixmap(QRectF(left + c, bottom, middleWidth, c), patch, source(c, c + 2, 2, c));
    // The sides and the middle in bands. Under a clip that is not one rectangle (a box with
    // opaque children) a stretched pixmap is drawn as spans, and Qt hands any call of 96
    // spans or more to its global thread pool (QT_THREAD_PARALLEL_FILLS in qdrawhelper.cpp):
    // the first such call starts the pool's threads, about 0.9 ms of the console's first
    // frame, and every later one hands work to them and waits. 16 rows stay under that
    // unless a row of the clip holds six separate pieces.
    constexpr int Band = 16;
    for (int y = top + c; y < bottom; y += Band) {
        const int h = qMin(Band, bottom - y);
        painter->drawPixmap(QRectF(left, y, c, h), patch, source(0, c, c, 2));
        painter->drawPixmap(QRectF(left + c, y, middleWidth, h), patch, source(c, c, 2, 2));
        painter->drawPixmap(QRectF(right, y, c, h), patch, source(c + 2, c, c, 2));
    }
}

bool ConsoleStyle::drawPlainFrame(const QStyleOption *option, QPainter *painter, const QWidget *widget) const
{
    const QRect r = option->rect;
    if (!isFusion() || r.width() < 3 || r.height() < 3)
        return false;
    // Fusion draws a combo box's popup frame as a menu.
    if (widget && widget->inherits("QComboBoxPrivateContainer"))
        return false;
    if (painter->transform().type() > QTransform::TxTranslate || painter->testRenderHint(QPainter::Antialiasing)
        || painter->device()->devicePixelRatio() != 1.0)
        return false;
    const QBrush &window = option->palette.brush(QPalette::Window);
    if (window.style() != Qt::SolidPattern)
        return false;
    const QRgb key = window.color().rgba();
    auto found = m_outlineColours.constFind(key);
    if (found == m_outlineColours.constEnd())
        found = m_outlineColours.insert(key, plainFrameColour(option, widget));
    if (*found == 0)
        return false;
    // Four edges that do not overlap. Opaque fills stay single rectangle fills under any
    // clip: no spans, so none of Qt's parallel span fills either.
    const QColor colour = QColor::fromRgba(*found);
    painter->fillRect(QRect(r.left(), r.top(), r.width(), 1), colour);
    painter->fillRect(QRect(r.left(), r.bottom(), r.width(), 1), colour);
    painter->fillRect(QRect(r.left(), r.top() + 1, 1, r.height() - 2), colour);
    painter->fillRect(QRect(r.right(), r.top() + 1, 1, r.height() - 2), colour);
    return true;
}

QRgb ConsoleStyle::plainFrameColour(const QStyleOption *option, const QWidget *widget) const
{
    constexpr int n = OutlineSample;
    QImage sample(n, n, QImage::Format_ARGB32_Premultiplied);
    sample.fill(Qt::transparent);
    {
        QPainter painter(&sample);
        drawBaseAt(PE_Frame, option, QRect(0, 0, n, n), &painter, widget);
    }
    const QRgb edge = sample.pixel(0, 0);
    if (qAlpha(edge) != 255)
        return 0;
    for (int y = 0; y < n; ++y) {
        for (int x = 0; x < n; ++x) {
            const bool onEdge = x == 0 || y == 0 || x == n - 1 || y == n - 1;
            if (sample.pixel(x, y) != (onEdge ? edge : QRgb(0)))
                return 0;
        }
    }
    return edge;
}

bool ConsoleStyle::canStretch(PrimitiveElement element, const QStyleOption *option, const QPainter *painter) const
{
    if (element != PE_FrameLineEdit && element != PE_PanelButtonCommand)
        return false;
    if (!isFusion() || option->rect.width() <= 2 * (2 * StretchEdge + 2))
        return false;
    // A scaled or rotated painter would stretch the seams; a textured palette is not uniform.
    if (painter->transform().type() > QTransform::TxTranslate)
        return false;
    const QPalette &palette = option->palette;
    for (const QPalette::ColorRole role : {QPalette::Window, QPalette::Button, QPalette::Base, QPalette::Highlight}) {
        if (palette.brush(role).style() != Qt::SolidPattern)
            return false;
    }
    return true;
}

void ConsoleStyle::drawStretched(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                                 const QWidget *widget) const
{
    constexpr int e = StretchEdge;
    constexpr int narrowWidth = 2 * e + 2;
    const QRect target = option->rect;
    const qreal dpr = painter->device()->devicePixelRatio();
    const auto *button = qstyleoption_cast<const QStyleOptionButton *>(option);
    const int features = button ? int(button->features) : 0;
    // Everything Fusion reads for these two: the state, the button's features, the height,
    // the direction and the palette (by its cache key, as Fusion keys its own pixmaps).
    // Concatenated, not QString::arg(): a dozen of these in the first frame.
    const QChar dash(u'-');
    const QString key = u"apinator-stretch-"_s + QString::number(int(element)) + dash
        + QString::number(uint(option->state)) + dash + QString::number(features) + dash
        + QString::number(target.height()) + dash + QString::number(int(option->direction)) + dash
        + QString::number(option->palette.cacheKey()) + dash + QString::number(dpr);
    QPixmap patch;
    if (!QPixmapCache::find(key, &patch)) {
        patch = QPixmap(QSize(narrowWidth, target.height()) * dpr);
        patch.setDevicePixelRatio(dpr);
        patch.fill(Qt::transparent);
        QPainter patchPainter(&patch);
        drawBaseAt(element, option, QRect(0, 0, narrowWidth, target.height()), &patchPainter, widget);
        patchPainter.end();
        QPixmapCache::insert(key, patch);
    }
    const int h = target.height();
    const auto source = [dpr, h](int x, int w) { return QRectF(x * dpr, 0, w * dpr, h * dpr); };
    painter->drawPixmap(QRectF(target.left(), target.top(), e, h), patch, source(0, e));
    painter->drawPixmap(QRectF(target.left() + e, target.top(), target.width() - 2 * e, h), patch, source(e, 2));
    painter->drawPixmap(QRectF(target.left() + target.width() - e, target.top(), e, h), patch, source(e + 2, e));
}

void ConsoleStyle::drawBaseAt(PrimitiveElement element, const QStyleOption *option, const QRect &rect,
                              QPainter *painter, const QWidget *widget) const
{
    // A copy of the option's own type, so the base style still sees a button's features
    // or a frame's line width.
    const auto draw = [&](auto copy) {
        copy.rect = rect;
        baseStyle()->drawPrimitive(element, &copy, painter, widget);
    };
    if (const auto *button = qstyleoption_cast<const QStyleOptionButton *>(option))
        draw(*button);
    else if (const auto *frame = qstyleoption_cast<const QStyleOptionFrame *>(option))
        draw(*frame);
    else
        draw(*option);
}

bool ConsoleStyle::isFusion() const
{
    return baseStyle()->name().compare(u"fusion"_s, Qt::CaseInsensitive) == 0;
}

QPixmap ConsoleStyle::groupBoxFramePatch(bool dark, qreal devicePixelRatio)
{
    const QString key = u"apinator-groupbox-%1-%2"_s.arg(dark ? u"dark"_s : u"light"_s).arg(devicePixelRatio);
    QPixmap patch;
    if (QPixmapCache::find(key, &patch))
        return patch;
    // The same look as Fusion's pixmap: a faint translucent fill inside a soft rounded
    // outline, dark on light palettes and light on dark ones.
    // A middle of two pixels, not one: QRasterPaintEngine turns a stretched one-pixel source
    // into a translucent fillRect, and that goes through the parallel span fills again.
    constexpr int Side = 2 * FrameCorner + 2;
    patch = QPixmap(QSize(Side, Side) * devicePixelRatio);
    patch.setDevicePixelRatio(devicePixelRatio);
    patch.fill(Qt::transparent);
    QPainter painter(&patch);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(dark ? QColor(255, 255, 255, 46) : QColor(0, 0, 0, 46));
    painter.setBrush(dark ? QColor(255, 255, 255, 8) : QColor(0, 0, 0, 8));
    painter.drawRoundedRect(QRectF(0, 0, Side, Side).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
    painter.end();
    QPixmapCache::insert(key, patch);
    return patch;
}

} // namespace Apinator::Ui
