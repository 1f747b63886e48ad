// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "session/linkednetworkparts.h"

#include "monitor/monitorpage.h"
#include "session/sandboxserverhost.h"
#include "webhooks/webhookspage.h"

namespace Apinator::Ui {

std::unique_ptr<SandboxHost> LinkedNetworkParts::startSandbox(quint16 port, const QList<SandboxApp> &apps,
                                                             QString *error)
{
    return sandboxServerFactory()(port, apps, error);
}

QWidget *LinkedNetworkParts::createMonitorPage(const PageContext &context)
{
    return new MonitorPage(context);
}

QWidget *LinkedNetworkParts::createWebhooksPage(const PageContext &context)
{
    return new WebhooksPage(context);
}

} // namespace Apinator::Ui
