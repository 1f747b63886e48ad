// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/credentials.h>
#include <apinator/profile.h>

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace Apinator {
class ProfileStore;
class SecretStore;
}

namespace Apinator::Ui {

// The profile the pages work with: the one selected in the sidebar, with its secrets read
// from the SecretStore and kept in memory (never on disk, never in a widget's text) so a
// page can sign as the user types. The window owns one and hands it to every page.
class ActiveProfile final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActiveProfile)
public:
    ActiveProfile(ProfileStore *profiles, SecretStore *secrets, QObject *parent = nullptr);
    ~ActiveProfile() override;

    QString id() const { return m_id; }
    // The selected profile as saved; nullopt when none is selected.
    std::optional<Profile> profile() const;
    // True once the secrets of the selected profile have been read.
    bool isReady() const { return m_ready; }
    // The selected profile's credentials with its secrets; nullopt while they are being
    // read, with no profile, or when the read failed (secretError() says why). A profile
    // with no stored secret gives credentials with an empty secret: restError() says so.
    std::optional<Credentials> credentials() const;
    QString secretError() const { return m_secretError; }

    // Every saved profile with its secrets, for "signed with another profile's secret" checks.
    // Answers once, later; profiles whose secrets cannot be read are left out.
    struct SavedSecrets
    {
        Profile profile;
        QByteArray secret;
        QByteArray webhookSecret;
    };
    using AllHandler = std::function<void(const QList<SavedSecrets> &)>;
    void readAll(const QObject *context, AllHandler handler) const;

    ProfileStore *profiles() const { return m_profiles; }
    SecretStore *secrets() const { return m_secrets; }

    void select(const QString &id);
    // Reads the secrets again (after the profile editor saved new ones).
    void reload();

Q_SIGNALS:
    // The selection, the profile's fields or its secrets changed: read everything again.
    void changed();

private:
    void readSecrets();

    ProfileStore *m_profiles;
    SecretStore *m_secrets;
    QString m_id;
    QByteArray m_secret;
    QByteArray m_webhookSecret;
    QString m_secretError;
    bool m_ready = false;
    quint64 m_generation = 0; // a read answered after a newer one started is dropped
};

} // namespace Apinator::Ui
