// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <memory>

namespace Apinator {
class RestClient;
}

namespace Apinator::Ui {

struct PageContext;

// A RestClient signed with the active profile's secret (Channels, History's resend).
// Without one, *problem says why: no profile, secrets still being read, or invalid credentials.
std::unique_ptr<RestClient> restClientForActiveProfile(const PageContext &context, QString *problem);

} // namespace Apinator::Ui
