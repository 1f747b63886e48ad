// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "networkparts.h"

namespace Apinator::Ui {

// The network parts called directly: what the module hands the console, and what tests
// link in its place.
class LinkedNetworkParts final : public NetworkParts
{
public:
    std::unique_ptr<SandboxHost> startSandbox(quint16 port, const QList<SandboxApp> &apps, QString *error) override;
    QWidget *createMonitorPage(const PageContext &context) override;
    QWidget *createWebhooksPage(const PageContext &context) override;
};

} // namespace Apinator::Ui
