// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Apinator::Ctl {

// The fields of a saved console profile, for `--profile NAME`.
struct ProfileCredentials
{
    QString origin; // "profile \"NAME\"", for messages
    QString appId;
    QString key;
    QString secret;
    QString webhookSecret;
    QString cluster;
    QString baseUrl;
    QString secretsWhere; // "in the system keyring", for "has no secret ..." messages
};

// Reads profile `name` from the console's profiles.json (Apinator::configDirectory(): set
// APINATOR_CONFIG_DIR to point elsewhere) without ever changing that file, then the wanted
// secrets from the keyring (or the opted-in secrets file). Throws UsageError("--profile", ...)
// when the file is unusable, no profile has that name (case-insensitive), or a wanted secret
// cannot be read because the keyring is unavailable: the message carries the keyring's reason.
ProfileCredentials loadProfileCredentials(const QString &name, bool wantSecret, bool wantWebhookSecret);

} // namespace Apinator::Ctl
