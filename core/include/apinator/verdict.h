// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

namespace Apinator {

// One reason a signature check failed (or a fact worth saying about it):
// a stable code for scripts and a sentence for people.
struct Cause
{
    QString code;    // "signature_mismatch"
    QString message; // "the signature does not match the body signed with this secret"
    friend bool operator==(const Cause &, const Cause &) = default;
};

using CauseList = QList<Cause>;

inline bool hasCause(const CauseList &causes, QStringView code)
{
    for (const Cause &c : causes)
        if (c.code == code)
            return true;
    return false;
}

} // namespace Apinator
