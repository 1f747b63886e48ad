// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>
#include <QString>

namespace Apinator::Ui {

// An icon from resources/icons/NAME.svg, rendered at the exact device pixel size asked
// for (sharp at any scale), its "currentColor" painted in the current palette's text
// colour (so it follows light and dark), disabled and selected modes included.
QIcon icon(const QString &name);

// The application icon, in its own colours.
QIcon appIcon();

} // namespace Apinator::Ui
