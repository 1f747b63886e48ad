// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "session/linkedparts.h"

#include "monitor/monitorpage.h"
#include "session/sandboxserverhost.h"
#include "webhooks/webhookspage.h"

#include <apinator/keychainsecretstore.h>
#include <apinator/sqlhistorystore.h>

namespace Apinator::Ui {

std::unique_ptr<SandboxHost> LinkedParts::startSandbox(quint16 port, const QList<SandboxApp> &apps, QString *error)
{
    return sandboxServerFactory()(port, apps, error);
}

std::unique_ptr<HistoryStore> LinkedParts::openHistory(QString *)
{
    return std::make_unique<SqlHistoryStore>();
}

std::unique_ptr<KeyringStore> LinkedParts::openKeyring(const QString &service, QString *)
{
    return std::make_unique<KeychainSecretStore>(service);
}

QWidget *LinkedParts::createMonitorPage(const PageContext &context)
{
    return new MonitorPage(context);
}

QWidget *LinkedParts::createWebhooksPage(const PageContext &context)
{
    return new WebhooksPage(context);
}

} // namespace Apinator::Ui
