// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "activeprofile.h"

#include <apinator/profilestore.h>
#include <apinator/secretstore.h>

#include <algorithm>
#include <memory>

namespace Apinator::Ui {

ActiveProfile::ActiveProfile(ProfileStore *profiles, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
{
    // A rename or a new base URL changes what pages sign and where they send.
    connect(m_profiles, &ProfileStore::changed, this, [this] {
        if (!m_id.isEmpty() && m_profiles->indexOf(m_id) < 0)
            select({});
        else
            Q_EMIT changed();
    });
}

ActiveProfile::~ActiveProfile() = default;

std::optional<Profile> ActiveProfile::profile() const
{
    return m_id.isEmpty() ? std::nullopt : m_profiles->findById(m_id);
}

std::optional<Credentials> ActiveProfile::credentials() const
{
    const std::optional<Profile> current = profile();
    if (!current || !m_ready || !m_secretError.isEmpty())
        return std::nullopt;
    return current->credentials(m_secret, m_webhookSecret);
}

void ActiveProfile::select(const QString &id)
{
    if (id == m_id)
        return;
    m_id = id;
    readSecrets();
    Q_EMIT changed();
}

void ActiveProfile::reload()
{
    readSecrets();
    Q_EMIT changed();
}

void ActiveProfile::readSecrets()
{
    const quint64 generation = ++m_generation;
    m_secret.clear();
    m_webhookSecret.clear();
    m_secretError.clear();
    m_ready = false;
    if (m_id.isEmpty())
        return;
    m_secrets->readBoth(m_id, this, [this, generation](const SecretRead &secret, const SecretRead &webhook) {
        if (generation != m_generation)
            return;
        m_ready = true;
        m_secretError = !secret.ok() ? secret.error : webhook.error;
        m_secret = secret.value;
        m_webhookSecret = webhook.value;
        Q_EMIT changed();
    });
}

void ActiveProfile::readAll(const QObject *context, AllHandler handler) const
{
    const QList<Profile> all = m_profiles->profiles();
    struct Pending
    {
        QList<SavedSecrets> found;
        qsizetype left = 0;
        AllHandler handler;
        QStringList order;
    };
    auto pending = std::make_shared<Pending>();
    for (const Profile &profile : all)
        pending->order << profile.id;
    pending->left = all.size();
    pending->handler = std::move(handler);
    if (all.isEmpty()) {
        // Same contract as a store answer: later, never inside the call.
        QMetaObject::invokeMethod(
            const_cast<QObject *>(context ? context : this), [pending] { pending->handler({}); },
            Qt::QueuedConnection);
        return;
    }
    for (const Profile &profile : all) {
        m_secrets->readBoth(profile.id, context, [pending, profile](const SecretRead &s, const SecretRead &w) {
            if (s.ok() && s.found)
                pending->found.append(SavedSecrets{profile, s.value, w.ok() ? w.value : QByteArray()});
            if (--pending->left == 0) {
                // Answers arrive in any order; callers list them in the sidebar's.
                std::stable_sort(pending->found.begin(), pending->found.end(),
                                 [&all = pending->order](const SavedSecrets &a, const SavedSecrets &b) {
                                     return all.indexOf(a.profile.id) < all.indexOf(b.profile.id);
                                 });
                pending->handler(pending->found);
            }
        });
    }
}

} // namespace Apinator::Ui
