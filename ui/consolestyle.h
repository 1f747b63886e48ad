// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QProxyStyle>

namespace Apinator::Ui {

// The platform's style, minus the two built-in PNGs Fusion reads while the first frame is
// made: the menu bar's extension arrow (asked for in QMenuBar's constructor) and the
// group-box frame. Reading a PNG through QImageReader loads every image-format plugin
// (GIF, ICO, JPEG, SVG, and libjpeg with them): about 5 % of the console's start-up. The
// arrow comes from the console's SVG icons, the frame is drawn.
class ConsoleStyle final : public QProxyStyle
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleStyle)
public:
    // baseKey: the style to wrap, by name (QStyle::name() of the one -style or the platform chose).
    explicit ConsoleStyle(const QString &baseKey)
        : QProxyStyle(baseKey)
    {
    }

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;
    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
};

} // namespace Apinator::Ui
