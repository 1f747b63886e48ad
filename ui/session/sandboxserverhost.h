// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "session/sandboxhost.h"

#include <apinator/sandboxserver.h>

namespace Apinator::Ui {

// The console's sandbox settings: the defaults, but bodies up to 16 MiB (the composer sends
// data documents of several megabytes, which a 1 MiB limit would answer with 413).
SandboxConfig consoleSandboxConfig();

// Hosts made of a SandboxServer with base's settings (tests shorten its timeouts); the port
// and the apps come from each call.
SandboxHostFactory sandboxServerFactory(SandboxConfig base = consoleSandboxConfig());

} // namespace Apinator::Ui
