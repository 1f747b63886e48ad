// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/verdict.h>

#include <QByteArray>

#include <functional>
#include <optional>

namespace Apinator::Webhooks {

// A change a proxy or framework made to the body after it was signed, found by
// trying the inverse change: the bytes the sender signed and the cause that says so.
struct BodyChange
{
    Cause cause;
    QByteArray original;
};

// verifies(candidate) says whether a candidate original body verifies. Tries, in this
// order: a trailing newline added or removed, CRLF and LF line ends swapped, the JSON
// re-serialized (compact, spaced, indented; keys as received, sorted or reordered), a
// leading BOM. nullopt when none explains the mismatch.
std::optional<BodyChange> findBodyChange(const QByteArray &body,
                                         const std::function<bool(QByteArrayView)> &verifies);

} // namespace Apinator::Webhooks
