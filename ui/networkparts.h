// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "session/sandboxhost.h"

class QWidget;

namespace Apinator::Ui {

struct PageContext;

// The parts of the window built on Qt Network: the sandbox's servers and the Monitor and
// Webhooks pages. The console opens them from a module after its first frame
// (NetworkModule), so that Qt Network, Qt WebSockets, Kerberos and libproxy are not loaded
// before it; tests link them (LinkedNetworkParts). No other code of the window may use
// Qt Network: that is what keeps it out of the executable.
class NetworkParts
{
public:
    virtual ~NetworkParts() = default;

    // A server for apps on port (0: any free port), or nullptr with *error set.
    virtual std::unique_ptr<SandboxHost> startSandbox(quint16 port, const QList<SandboxApp> &apps,
                                                      QString *error) = 0;
    virtual QWidget *createMonitorPage(const PageContext &context) = 0;
    virtual QWidget *createWebhooksPage(const PageContext &context) = 0;
};

// What NetworkModule resolves in the module: a function of this type, by the name below,
// returning an object that lives as long as the process.
using NetworkPartsEntry = NetworkParts *(*)();
inline constexpr char NetworkPartsEntryName[] = "apinator_console_network_parts";

} // namespace Apinator::Ui
