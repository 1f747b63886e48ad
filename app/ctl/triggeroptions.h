// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/restclient.h>

namespace Apinator::Ctl {

class Options;

// --event, --channel, --data/--data-file and --socket-id: the event a command sends
// (trigger) or writes as code (snippet).
void addTriggerOptions(Options &options);

// The event from those options, checked flag by flag so a UsageError names the flag;
// request.error() is the backstop.
TriggerRequest triggerRequestFrom(const Options &options);

} // namespace Apinator::Ctl
