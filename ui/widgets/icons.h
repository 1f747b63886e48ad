// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>
#include <QImage>
#include <QString>

namespace Apinator::Ui {

// An icon from resources/icons/NAME.svg, rendered at the exact device pixel size asked
// for (sharp at any scale), its "currentColor" painted in the current palette's text
// colour (so it follows light and dark), disabled and selected modes included.
QIcon icon(const QString &name);

// The application icon, in its own colours.
QIcon appIcon();

// How icon() draws NAME at SIDE x SIDE device pixels in COLOR: from its SVG, and from the
// raster made at build time for the common sizes (a null image for other sizes).
QImage iconFromSvg(const QString &name, int side, const QColor &color);
QImage iconFromRaster(const QString &name, int side, const QColor &color);

} // namespace Apinator::Ui
