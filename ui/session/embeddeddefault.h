// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/credentials.h>
#include <apinator/profile.h>

#include <QObject>
#include <QString>

namespace Apinator {
class ProfileStore;
class SecretStore;
}

namespace Apinator::Ui {

class EmbeddedSandbox;

// The embedded default: with no profiles, start the sandbox and create a "Local sandbox"
// profile pointing at it; whenever a profile uses the sandbox, keep it running and keep
// those profiles' base URL on its port. Drives core objects only, no widgets.
class EmbeddedDefault final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbeddedDefault)
public:
    EmbeddedDefault(ProfileStore *profiles, SecretStore *secrets, EmbeddedSandbox *sandbox,
                    QObject *parent = nullptr);

    // At start-up, after the profiles are loaded: with none, creates the "Local sandbox"
    // profile (on the default port until start() knows the real one) and returns its id.
    // Starts nothing, so the window can show first.
    QString prepare();
    // Starts the sandbox when a profile uses it (its base URL follows the port), stores the
    // sandbox profiles' secrets where missing, and from now on keeps the sandbox in step
    // with the profiles.
    void start();
    // prepare() then start(), for callers with nothing to show in between.
    QString apply();
    // Why the last start or save failed, for the window; empty when all went well.
    const QString &problem() const { return m_problem; }

    // The credentials to use for a profile that points at the embedded sandbox (its app's,
    // secrets included: they are the sandbox's own, not the user's). nullopt otherwise.
    std::optional<Credentials> sandboxCredentials(const Profile &profile) const;

Q_SIGNALS:
    void problemChanged();
    // A sandbox profile's secrets were written to the store (start() found them missing):
    // whoever read them before must read again.
    void secretsStored(const QString &profileId);

private:
    void sync();
    void setProblem(const QString &problem);

    ProfileStore *m_profiles;
    SecretStore *m_secrets;
    EmbeddedSandbox *m_sandbox;
    QString m_problem;
    bool m_syncing = false;
    bool m_started = false;
};

} // namespace Apinator::Ui
