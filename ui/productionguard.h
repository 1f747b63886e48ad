// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace Apinator {
class ProfileStore;
struct Profile;
}

namespace Apinator::Ui {

// Every page that sends something with a profile goes through this first. For a
// production profile with its switch on it asks, naming the profile and what is about
// to be sent; "Don't ask again for this profile" turns the switch off in the store.
// The dialog is window-modal and asynchronous: proceed(true) runs after "Send",
// proceed(false) after "Cancel"; for any other profile proceed(true) runs at once.
void confirmSend(QWidget *parent, ProfileStore *profiles, const Profile &profile, const QString &action,
                 std::function<void(bool confirmed)> proceed);

// The dialog's object name, for tests and accessibility tools.
inline constexpr auto ConfirmSendDialogName = "confirmSendDialog";

} // namespace Apinator::Ui
