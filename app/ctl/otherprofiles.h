// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

#include <apinator/authinspect.h>

namespace Apinator::Ctl {

class Options;

// With --profile NAME: every other saved profile with its key and secret, so that a signature
// made with another app's credentials can be named. Profiles whose secret cannot be read
// are left out; without --profile, or when the keyring does not answer, the list is empty.
QList<AuthProfileKeys> otherProfileKeys(const Options &options);

} // namespace Apinator::Ctl
