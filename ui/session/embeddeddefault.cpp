// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "embeddeddefault.h"

#include "embeddedsandbox.h"

#include <apinator/profilestore.h>
#include <apinator/secretstore.h>

#include <QScopedValueRollback>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

EmbeddedDefault::EmbeddedDefault(ProfileStore *profiles, SecretStore *secrets, EmbeddedSandbox *sandbox,
                                 QObject *parent)
    : QObject(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_sandbox(sandbox)
{
}

QString EmbeddedDefault::prepare()
{
    if (!m_profiles->isEmpty())
        return {};
    const SandboxApp &app = m_sandbox->app();
    const Profile profile = Profile::localSandbox(EmbeddedSandbox::DefaultPort, app.appId, app.key);
    const ProfileStore::Result added = m_profiles->add(profile);
    if (!added.saveError.isEmpty())
        setProblem(added.saveError);
    return added.changed() ? profile.id : QString();
}

void EmbeddedDefault::start()
{
    if (m_started)
        return;
    m_started = true;
    connect(m_profiles, &ProfileStore::changed, this, &EmbeddedDefault::sync);
    sync();
    // The sandbox's own secrets go in the store too, so apinatorctl --profile finds them like
    // any other's: written where missing (a first start that was only a --smoke-test, a
    // keyring that was reset), never rewritten on every start.
    const SandboxApp app = m_sandbox->app();
    for (const Profile &profile : m_profiles->profiles()) {
        if (!profile.embeddedSandbox)
            continue;
        const QString id = profile.id;
        m_secrets->read(id, SecretKind::Secret, this, [this, id, app](const SecretRead &stored) {
            if (!stored.ok() || stored.found)
                return;
            m_secrets->writeBoth(id, app.secret, app.webhookSecret, this, [this, id](const QString &error) {
                if (!error.isEmpty())
                    setProblem(tr("The sandbox profile's secrets could not be stored: %1").arg(error));
                else
                    Q_EMIT secretsStored(id);
            });
        });
    }
}

QString EmbeddedDefault::apply()
{
    const QString created = prepare();
    start();
    return created;
}

std::optional<Credentials> EmbeddedDefault::sandboxCredentials(const Profile &profile) const
{
    if (!profile.embeddedSandbox)
        return std::nullopt;
    const SandboxApp &app = m_sandbox->app();
    Credentials credentials = profile.credentials(app.secret, app.webhookSecret);
    if (m_sandbox->isRunning())
        credentials.baseUrl = m_sandbox->baseUrl();
    return credentials;
}

void EmbeddedDefault::sync()
{
    if (m_syncing)
        return;
    // followSandboxPort() saves and emits changed(): that comes back here.
    QScopedValueRollback guard(m_syncing, true);
    const QList<Profile> &profiles = m_profiles->profiles();
    const auto first = std::find_if(profiles.cbegin(), profiles.cend(),
                                    [](const Profile &p) { return p.embeddedSandbox; });
    if (first == profiles.cend()) {
        if (m_sandbox->isRunning() || m_sandbox->stoppedReason().isEmpty())
            m_sandbox->stop(tr("no profile uses it"));
        return;
    }
    if (!m_sandbox->isRunning()) {
        // The port the profile already names, so saved URLs and scripts keep working.
        const int saved = QUrl(first->baseUrl).port(EmbeddedSandbox::DefaultPort);
        m_sandbox->start(saved > 0 && saved < 65536 ? quint16(saved) : EmbeddedSandbox::DefaultPort);
    }
    if (!m_sandbox->isRunning())
        return;
    const QString url = Profile::sandboxBaseUrl(m_sandbox->port());
    const bool stale = std::any_of(profiles.cbegin(), profiles.cend(),
                                   [&](const Profile &p) { return p.embeddedSandbox && p.baseUrl != url; });
    if (stale) {
        const QString error = m_profiles->followSandboxPort(m_sandbox->port());
        setProblem(error);
    }
}

void EmbeddedDefault::setProblem(const QString &problem)
{
    if (problem == m_problem)
        return;
    m_problem = problem;
    Q_EMIT problemChanged();
}

} // namespace Apinator::Ui
