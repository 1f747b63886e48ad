// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "profilecredentials.h"

#include "options.h"

#include <apinator/profilestore.h>
#include <apinator/keychainsecretstore.h>
#include <apinator/secretstore.h>

#include <QDir>
#include <QEventLoop>
#include <QStringList>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

namespace {

const QString Flag = u"--profile"_s;

QString oneLine(QString text)
{
    text.replace(u'\n', u' ');
    text.replace(u'\r', u' ');
    return text.simplified();
}

QString readSecret(SecretVault &vault, const Profile &profile, SecretKind kind)
{
    const SecretRead read = readAndWait(vault, profile.id, kind);
    if (!read.ok())
        throw UsageError(Flag, u"cannot read the %1 of profile \"%2\": %3"_s.arg(secretKindName(kind), profile.name,
                                                                                oneLine(read.error)));
    return QString::fromUtf8(read.value);
}

} // namespace

ProfileCredentials loadProfileCredentials(const QString &name, bool wantSecret, bool wantWebhookSecret)
{
    ProfileStore store;
    // Read-only: a damaged file is the console's to move aside, not ours.
    if (const auto loaded = store.load(ProfileStore::LoadMode::ReadOnly); !loaded.ok)
        throw UsageError(Flag, oneLine(loaded.message));
    const auto profile = store.findByName(name);
    if (!profile) {
        QStringList names;
        for (const Profile &p : store.profiles())
            names.append(u'"' + p.name + u'"');
        const QString where = QDir::toNativeSeparators(store.filePath());
        throw UsageError(Flag, names.isEmpty()
                                   ? u"no profile named \"%1\": %2 holds no profile"_s.arg(name, where)
                                   : u"no profile named \"%1\" in %2 (saved: %3)"_s.arg(name, where,
                                                                                       names.join(u", "_s)));
    }

    ProfileCredentials result;
    result.origin = u"profile \"%1\""_s.arg(profile->name);
    result.appId = profile->appId;
    result.key = profile->key;
    result.cluster = profile->cluster;
    result.baseUrl = profile->baseUrl;
    if (!wantSecret && !wantWebhookSecret)
        return result;

    SecretVault vault(QString::fromLatin1(KeychainSecretStore::DefaultService), FileSecretStore::defaultFilePath());
    vault.start();
    if (!vault.isReady()) {
        QEventLoop loop;
        QObject::connect(&vault, &SecretVault::ready, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!vault.isReady())
        throw UsageError(Flag, u"cannot read the secrets of profile \"%1\": the keyring did not answer within 30 s"_s.arg(
                                   profile->name));
    // Secrets kept "for this session only" belong to the console's session, not ours.
    if (vault.backend() == SecretVault::Backend::Memory)
        throw UsageError(Flag, u"cannot read the secrets of profile \"%1\": no keyring answered (%2)"_s.arg(
                                   profile->name, oneLine(vault.fallbackReason())));
    result.secretsWhere = vault.backend() == SecretVault::Backend::File
                              ? u"in "_s + QDir::toNativeSeparators(vault.filePath())
                              : u"in the system keyring"_s;
    if (wantSecret)
        result.secret = readSecret(vault, *profile, SecretKind::Secret);
    if (wantWebhookSecret)
        result.webhookSecret = readSecret(vault, *profile, SecretKind::WebhookSecret);
    return result;
}

} // namespace Apinator::Ctl
