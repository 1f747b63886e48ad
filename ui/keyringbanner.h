// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

namespace Apinator {
class SecretVault;
}

namespace Apinator::Ui {

class MessageBar;

// Keeps the window's keyring banner in step with the SecretVault: hidden while the keyring
// answers; when none does, QtKeychain's reason, "this session only", and the opt-in to a
// file only the user can read, explained plainly before it is taken.
class KeyringBanner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyringBanner)
public:
    KeyringBanner(SecretVault *vault, MessageBar *bar, QObject *parent = nullptr);

    // The opt-in's explanation dialog (window-modal, asynchronous).
    void offerFileStore();

private:
    void refresh();

    SecretVault *m_vault;
    MessageBar *m_bar;
};

} // namespace Apinator::Ui
