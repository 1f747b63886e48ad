// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "profileclient.h"

#include "pagecontext.h"
#include "session/activeprofile.h"

#include <apinator/restclient.h>

#include <QCoreApplication>

namespace Apinator::Ui {

namespace {

// The context of this file's texts, in a form lupdate reads (a lambda calling translate()
// filed them under "Apinator::Ui", a context nothing looks up).
struct ProfileClient
{
    Q_DECLARE_TR_FUNCTIONS(Apinator::Ui::ProfileClient)
};

} // namespace

std::unique_ptr<RestClient> restClientForActiveProfile(const PageContext &context, QString *problem)
{
    const std::optional<Profile> profile = context.active ? context.active->profile() : std::nullopt;
    if (!profile) {
        *problem = ProfileClient::tr("Select a profile in the sidebar first.");
        return nullptr;
    }
    const std::optional<Credentials> credentials = context.active->credentials();
    if (!credentials) {
        *problem = context.active->secretError().isEmpty()
            ? ProfileClient::tr("Reading the secret of %1…").arg(profile->name)
            : ProfileClient::tr("The secret of %1 could not be read: %2").arg(profile->name, context.active->secretError());
        return nullptr;
    }
    if (const QString error = credentials->restError(); !error.isEmpty()) {
        *problem = ProfileClient::tr("%1 cannot call the REST API: %2").arg(profile->name, error);
        return nullptr;
    }
    problem->clear();
    return std::make_unique<RestClient>(context.app.http, *credentials);
}

} // namespace Apinator::Ui
