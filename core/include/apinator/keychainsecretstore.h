// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/secretstore.h>

namespace Apinator {

// The system keyring through QtKeychain: Secret Service or KWallet on Linux, Keychain on macOS,
// Credential Manager on Windows. Entries are named "<profileId>/secret" and
// "<profileId>/webhook-secret" under the service name.
class KeychainSecretStore final : public KeyringStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    static constexpr auto DefaultService = "io.github.apinator_console.Console";

    explicit KeychainSecretStore(QObject *parent = nullptr);
    explicit KeychainSecretStore(QString service, QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    const QString &service() const { return m_service; }

    QString backendName() const override;
    void read(const QString &profileId, SecretKind kind, const QObject *context, ReadHandler handler) override;
    void write(const QString &profileId, SecretKind kind, const QByteArray &value, const QObject *context,
               DoneHandler handler) override;
    void remove(const QString &profileId, SecretKind kind, const QObject *context, DoneHandler handler) override;

    // The error is QtKeychain's reason.
    void probe(const QObject *context, DoneHandler handler) override;

private:
    QString m_service;
};

} // namespace Apinator
