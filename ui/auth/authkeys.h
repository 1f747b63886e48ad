// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/authinspect.h>

#include <QString>

namespace Apinator::Ui {

// What the three tabs of the Auth page sign and check with: the selected profile's key and
// secret (held in memory only) and the other saved profiles'.
struct AuthKeys
{
    QString profileName;
    QByteArray key;
    QByteArray secret;
    QList<AuthProfileKeys> others;
    // Empty when key and secret can be used; else why not ("Select a profile", "reading ...").
    QString problem;
    bool usable() const { return problem.isEmpty(); }
    // An inspector input with the keys filled in.
    AuthInspectInput input() const
    {
        AuthInspectInput in;
        in.key = key;
        in.secret = secret;
        in.others = others;
        return in;
    }
};

} // namespace Apinator::Ui
