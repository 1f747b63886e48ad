// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/credentials.h>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringView>

#include <array>
#include <optional>

namespace Apinator {

// The environment colour of a profile. Production asks before sending (Profile::confirmBeforeSend).
enum class Environment { Sandbox, Development, Staging, Production };

inline constexpr std::array<Environment, 4> AllEnvironments{Environment::Sandbox, Environment::Development,
                                                            Environment::Staging, Environment::Production};

// "sandbox", "development", "staging", "production": the JSON and CLI spelling.
QString environmentName(Environment environment);
// "Sandbox", "Development", "Staging", "Production": for labels.
QString environmentTitle(Environment environment);
// Case-insensitive; nullopt for anything else.
std::optional<Environment> environmentFromName(QStringView name);

// The fields a profile form shows, secrets included (they are not stored in Profile).
enum class ProfileField { Name, AppId, Key, Secret, WebhookSecret, Cluster, BaseUrl, Environment, Notes };

// "name", "app id", "key", "secret", "webhook secret", "cluster", "base URL", "environment", "notes".
QString profileFieldName(ProfileField field);

// One thing wrong with one field; message is a sentence naming the field, never a secret's value.
struct ProfileIssue
{
    ProfileField field;
    QString message;
    friend bool operator==(const ProfileIssue &, const ProfileIssue &) = default;
};

// The non-secret part of an app's credentials plus how the console shows it.
// The secret and webhook secret live in a SecretStore under the profile's id.
struct Profile
{
    static constexpr qsizetype MaxNameLength = 80;

    QString id; // QUuid without braces; stable across renames, the SecretStore key
    QString name;
    QString appId;
    QString key;
    QString cluster;
    QString baseUrl; // wins over the cluster when set
    Environment environment = Environment::Development;
    QString notes;
    bool confirmBeforeSend = true; // only matters for Production
    // Points at the console's in-process sandbox: its base URL follows the sandbox's port.
    bool embeddedSandbox = false;

    // A profile with a fresh id and everything else default.
    static Profile create();
    static QString newId();
    // "Local sandbox": environment Sandbox, embeddedSandbox, no confirmation, base URL of the port.
    static Profile localSandbox(quint16 port, const QString &appId, const QString &key);
    // "http://127.0.0.1:PORT"
    static QString sandboxBaseUrl(quint16 port);

    // True when a send with this profile must be confirmed first (production and the switch on).
    bool needsConfirmation() const { return environment == Environment::Production && confirmBeforeSend; }
    // Where REST calls go: the base URL without trailing slash, else https://ws-{cluster}.apinator.io.
    QString restBaseUrl() const;
    Credentials credentials(const QByteArray &secret, const QByteArray &webhookSecret = {}) const;

    // Everything wrong with the non-secret fields, in form order; empty when valid.
    // (Names unique within a store: ProfileStore::validate.)
    QList<ProfileIssue> validate() const;
    // The first message for one field, empty when that field is fine.
    QString error(ProfileField field) const;
    bool isValid() const { return validate().isEmpty(); }

    // Per-field checks, shared with the import code and the form. Each returns empty when fine.
    static QString nameError(const QString &name);
    static QString appIdError(const QString &appId);
    static QString keyError(const QString &key);
    // Empty secret is an error; the message never contains the value.
    static QString secretError(const QByteArray &secret);
    // Optional: empty is fine (the secret is used).
    static QString webhookSecretError(const QByteArray &webhookSecret);
    // Both location fields at once: a base URL wins; with neither, the message is on Cluster.
    static QList<ProfileIssue> locationIssues(const QString &cluster, const QString &baseUrl);

    // Never holds secrets. Members: id, name, appId, key, cluster, baseUrl, environment,
    // notes, confirmBeforeSend, embeddedSandbox.
    QJsonObject toJson() const;
    // Strict on types, lenient on unknown members (a newer console's file still loads).
    // On failure returns nullopt and sets *error to a sentence naming the member.
    static std::optional<Profile> fromJson(const QJsonObject &object, QString *error = nullptr);

    friend bool operator==(const Profile &, const Profile &) = default;
};

} // namespace Apinator
