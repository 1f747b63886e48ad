// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace Apinator {

// One app the sandbox serves: its id, key and secrets (the sandbox's own, not a user's),
// and where its webhooks go. Plain data, apart from the server (sandboxserver.h), so that
// code which only shows or stores these needs no Qt Network.
struct SandboxApp
{
    QString appId = QStringLiteral("local");
    QString key = QStringLiteral("local-key");
    QByteArray secret = QByteArrayLiteral("local-secret");
    QByteArray webhookSecret = QByteArrayLiteral("local-webhook-secret");
    QString webhookUrl; // empty: no webhooks
};

} // namespace Apinator
