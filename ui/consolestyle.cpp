// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "consolestyle.h"

#include "widgets/icons.h"

#include <QGroupBox>
#include <QPainter>
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
    if (element != PE_FrameGroupBox || baseStyle()->name().compare(u"fusion"_s, Qt::CaseInsensitive) != 0) {
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
    const QRectF frame = QRectF(option->rect.adjusted(0, top, 0, 0)).adjusted(0.5, 0.5, -0.5, -0.5);
    // The same look as Fusion's pixmap: a faint translucent fill inside a soft rounded outline,
    // dark on light palettes and light on dark ones.
    const bool dark = option->palette.color(QPalette::Window).lightness() < 128;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(dark ? QColor(255, 255, 255, 46) : QColor(0, 0, 0, 46));
    painter->setBrush(dark ? QColor(255, 255, 255, 8) : QColor(0, 0, 0, 8));
    painter->drawRoundedRect(frame, 3, 3);
    painter->restore();
}

} // namespace Apinator::Ui
