// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "deferredparts.h"

namespace Apinator::Ui {

// The deferred parts called directly: what the module hands the console, and what tests
// link in its place.
class LinkedParts final : public DeferredParts
{
public:
    std::unique_ptr<SandboxHost> startSandbox(quint16 port, const QList<SandboxApp> &apps, QString *error) override;
    std::unique_ptr<HistoryStore> openHistory(QString *error) override;
    std::unique_ptr<KeyringStore> openKeyring(const QString &service, QString *error) override;
    QWidget *createMonitorPage(const PageContext &context) override;
    QWidget *createWebhooksPage(const PageContext &context) override;
};

} // namespace Apinator::Ui
