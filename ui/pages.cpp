// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "navigation.h"
#include "pagecontext.h"

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

void registerPages(Navigation &navigation, const PageContext &context)
{
    // Each page is built the first time it is shown: start-up pays only for the one on screen.
    Q_UNUSED(navigation);
    Q_UNUSED(context);
}

} // namespace Apinator::Ui
