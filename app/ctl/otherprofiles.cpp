// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "otherprofiles.h"

#include "options.h"

#include <apinator/profilestore.h>
#include <apinator/keychainsecretstore.h>
#include <apinator/secretstore.h>

#include <QEventLoop>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

QList<AuthProfileKeys> otherProfileKeys(const Options &options)
{
    const auto name = options.value(u"--profile"_s);
    if (!name)
        return {};
    ProfileStore store;
    if (!store.load(ProfileStore::LoadMode::ReadOnly).ok)
        return {};
    const auto selected = store.findByName(*name);
    SecretVault vault(QString::fromLatin1(KeychainSecretStore::DefaultService), FileSecretStore::defaultFilePath());
    vault.start();
    if (!vault.isReady()) {
        QEventLoop loop;
        QObject::connect(&vault, &SecretVault::ready, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    // Session-only secrets belong to the console's session, not ours.
    if (!vault.isReady() || vault.backend() == SecretVault::Backend::Memory)
        return {};
    QList<AuthProfileKeys> out;
    for (const Profile &profile : store.profiles()) {
        if (selected && profile.id == selected->id)
            continue;
        const SecretRead read = readAndWait(vault, profile.id, SecretKind::Secret);
        if (read.ok() && !read.value.isEmpty())
            out.append({profile.name, profile.key.toUtf8(), read.value});
    }
    return out;
}

} // namespace Apinator::Ctl
