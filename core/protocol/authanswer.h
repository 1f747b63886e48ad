// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// Private to the core: reading what an auth endpoint answered, for the inspector.
#pragma once

#include <apinator/authinspect.h>

namespace Apinator {

struct AuthAnswer
{
    CauseList causes;
    bool usable = false;   // a signature was found that can be compared
    bool isObject = false; // the answer was a JSON object (so channel_data could be in it)
    QByteArray auth;       // as found
    bool hasKey = false;   // auth had a "key:" prefix
    QByteArray key;
    QByteArray signature;  // lowercased for comparison
    std::optional<QByteArray> channelData;
};

// Causes it can give: response_not_json, auth_is_json_string, missing_auth_field,
// channel_data_not_string, missing_key_prefix, malformed_auth. thisKey only words messages.
AuthAnswer readAuthAnswer(const QByteArray &pasted, AuthInspectInput::Pasted kind, const QByteArray &thisKey);

} // namespace Apinator
