// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// How verdicts print: shared by verify webhook, verify channel and auth test.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <apinator/authinspect.h>
#include <apinator/verdict.h>

#include "output.h"

namespace Apinator::Ctl {

// "  - message [code]" lines.
QByteArray causeLines(const CauseList &causes, QByteArrayView bullet);
OrderedJson causeCodes(const CauseList &causes);
OrderedJson causeMessages(const CauseList &causes);
// Empty means "could not be worked out": null.
OrderedJson orNull(const QByteArray &value);

// verify channel --json: {"valid", "causes", "expected_auth", "provided_auth", "channel_data",
// "messages", "expected_string_to_sign", "signed_string", "signed_with_profile"}
OrderedJson channelVerdictJson(const AuthInspection &verdict);
// "valid"/"invalid", the causes, expected and provided auth, and the signed string when known.
QByteArray channelVerdictText(const AuthInspection &verdict);

} // namespace Apinator::Ctl
