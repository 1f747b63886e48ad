// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The parts module's one entry point (PartsModule resolves it by name). Built into the
// module only: the console's executable and the tests never link this file.
#include "session/linkedparts.h"

extern "C" Q_DECL_EXPORT Apinator::Ui::DeferredParts *apinator_console_parts()
{
    static Apinator::Ui::LinkedParts parts;
    return &parts;
}
