// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The network module's one entry point (NetworkModule resolves it by name). Built into the
// module only: the console's executable and the tests never link this file.
#include "session/linkednetworkparts.h"

extern "C" Q_DECL_EXPORT Apinator::Ui::NetworkParts *apinator_console_network_parts()
{
    static Apinator::Ui::LinkedNetworkParts parts;
    return &parts;
}
