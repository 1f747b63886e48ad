// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <functional>

#include <apinator/credentials.h>
#include <apinator/restclient.h>

#include "output.h"

namespace Apinator::Ctl {

class Options;

inline constexpr int DefaultRestTimeoutMs = 30000;

// --json and --timeout, shared by the commands that call the REST API.
void addRestOptions(Options &options);

enum class HumanOutput {
    StatusAndBody, // "HTTP 200 OK (12 ms)" then the answer: trigger
    BodyOnly,      // the answer only, on success: channels, channel (pipes into jq)
};

// Starts a call with a fresh client, waits for it in an event loop and prints the
// result: the human form, or the --json envelope. A failure also gets one line on
// stderr. Returns ExitOk, ExitServerError or ExitNetworkError; start() returning
// nullptr (input the client refuses) throws UsageError with its message.
using StartCall = std::function<RestReply *(RestClient &client, QString *error)>;
int runRestCall(const Options &options, const Credentials &credentials, HumanOutput human, const StartCall &start);

// {"request": {...}, "status": N, "body": ..., "elapsed_ms": N, "timings_ms": {...}, "error": ...}
OrderedJson restEnvelope(const RestResult &result);

} // namespace Apinator::Ctl
