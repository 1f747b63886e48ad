// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QFlags>

#include <apinator/credentials.h>

namespace Apinator::Ctl {

class Options;

// What a command needs from the credentials; only those are required.
enum class Need : unsigned {
    AppId = 1,
    Key = 2,
    Secret = 4,
    WebhookSecret = 8, // the webhook secret, else the secret
    Location = 16,     // a base URL or a cluster
};
Q_DECLARE_FLAGS(Needs, Need)
Q_DECLARE_OPERATORS_FOR_FLAGS(Needs)

inline constexpr Needs RestNeeds = Need::AppId | Need::Key | Need::Secret | Need::Location;

// --app-id --key --secret --webhook-secret --cluster --base-url. Every command
// accepts all six (scripts pass one set everywhere); the help lists those it uses.
void addCredentialOptions(Options &options, Needs needs);

// Each field from its flag, else from APINATOR_*. The location (base URL or cluster)
// is taken as a pair: a --cluster flag beats an APINATOR_BASE_URL left in the
// environment, and within one source a base URL wins over a cluster.
// Throws UsageError naming the flag (or variable) of the first missing or bad field.
Credentials resolveCredentials(const Options &options, Needs needs);

} // namespace Apinator::Ctl
