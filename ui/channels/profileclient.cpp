// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "profileclient.h"

#include "pagecontext.h"
#include "session/activeprofile.h"

#include <apinator/restclient.h>

#include <QCoreApplication>

namespace Apinator::Ui {

std::unique_ptr<RestClient> restClientForActiveProfile(const PageContext &context, QString *problem)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("ProfileClient", text); };
    const std::optional<Profile> profile = context.active ? context.active->profile() : std::nullopt;
    if (!profile) {
        *problem = tr("Select a profile in the sidebar first.");
        return nullptr;
    }
    const std::optional<Credentials> credentials = context.active->credentials();
    if (!credentials) {
        *problem = context.active->secretError().isEmpty()
            ? tr("Reading the secret of %1…").arg(profile->name)
            : tr("The secret of %1 could not be read: %2").arg(profile->name, context.active->secretError());
        return nullptr;
    }
    if (const QString error = credentials->restError(); !error.isEmpty()) {
        *problem = tr("%1 cannot call the REST API: %2").arg(profile->name, error);
        return nullptr;
    }
    problem->clear();
    return std::make_unique<RestClient>(context.app.http, *credentials);
}

} // namespace Apinator::Ui
