// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace Apinator {

enum class SecretKind { Secret, WebhookSecret };

// "secret", "webhook secret"
QString secretKindName(SecretKind kind);

struct SecretRead
{
    QByteArray value;
    bool found = false; // false with no error: nothing stored (a webhook secret is optional)
    QString error;      // the backend failed; never contains a secret
    bool ok() const { return error.isEmpty(); }
};

// Where a profile's secrets live, keyed by profile id and kind (the shape of KeePassXC's
// QuickUnlockInterface: a small interface, real backends, an explicit fallback).
//
// Every call answers exactly once, later, from the event loop of the store's thread (never
// inside the call itself). The handler is dropped without a call once `context` is destroyed;
// a null context means "as long as the store lives". Secrets are never logged nor put in errors.
class SecretStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    using ReadHandler = std::function<void(const SecretRead &)>;
    using DoneHandler = std::function<void(const QString &error)>; // empty error: done

    ~SecretStore() override;

    // For the window and messages: "system keyring", "this session only", "file only you can read".
    virtual QString backendName() const = 0;

    virtual void read(const QString &profileId, SecretKind kind, const QObject *context, ReadHandler handler) = 0;
    // An empty value removes the entry.
    virtual void write(const QString &profileId, SecretKind kind, const QByteArray &value,
                       const QObject *context, DoneHandler handler) = 0;
    // Removing what is not there succeeds.
    virtual void remove(const QString &profileId, SecretKind kind, const QObject *context, DoneHandler handler) = 0;

    // Both kinds at once, built on the three calls above.
    using PairHandler = std::function<void(const SecretRead &secret, const SecretRead &webhookSecret)>;
    void readBoth(const QString &profileId, const QObject *context, PairHandler handler);
    // The first error of the two writes, else empty. An empty webhook secret removes it.
    void writeBoth(const QString &profileId, const QByteArray &secret, const QByteArray &webhookSecret,
                   const QObject *context, DoneHandler handler);
    void removeBoth(const QString &profileId, const QObject *context, DoneHandler handler);
    // For ProfileStore::duplicate: what `fromId` has, `toId` gets.
    void copyBoth(const QString &fromId, const QString &toId, const QObject *context, DoneHandler handler);

protected:
    explicit SecretStore(QObject *parent = nullptr);
    // Runs `call` later from this store's event loop, unless context has been destroyed by then.
    void answerLater(const QObject *context, std::function<void()> call);
};

// For command-line tools and tests only: spins a local QEventLoop until the store answers
// (or timeoutMs passes: then error says so).
SecretRead readAndWait(SecretStore &store, const QString &profileId, SecretKind kind, int timeoutMs = 30000);
QString writeAndWait(SecretStore &store, const QString &profileId, SecretKind kind, const QByteArray &value,
                     int timeoutMs = 30000);

// This session only: gone when the program exits.
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemorySecretStore)

public:
    explicit MemorySecretStore(QObject *parent = nullptr);
    ~MemorySecretStore() override;

    QString backendName() const override;
    void read(const QString &profileId, SecretKind kind, const QObject *context, ReadHandler handler) override;
    void write(const QString &profileId, SecretKind kind, const QByteArray &value, const QObject *context,
               DoneHandler handler) override;
    void remove(const QString &profileId, SecretKind kind, const QObject *context, DoneHandler handler) override;

    struct Entry
    {
        QString profileId;
        SecretKind kind;
        QByteArray value;
    };
    // What is held, for moving it into another store (SecretVault::useFileFallback).
    QList<Entry> entries() const;

private:
    QHash<QString, QByteArray> m_values; // entryKey -> value
};

// The opt-in "store in a file only I can read".
//
// What it means: the secrets are written UNENCRYPTED to one file in the config folder
// (secrets.json) whose mode is 0600, so other user accounts on this machine cannot read it.
// Anything running as you can, and so can root and anyone with a copy of your disk or its
// backups. It is the protection of ~/.ssh/id_* or ~/.netrc, not of a keyring.
//
// The mode is set on the new file before a byte is written; a file found with group or other
// permission bits is refused rather than read.
class FileSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileSecretStore)

public:
    // configDirectory() + "/secrets.json"
    static QString defaultFilePath();

    explicit FileSecretStore(QString filePath, QObject *parent = nullptr);
    ~FileSecretStore() override;

    const QString &filePath() const { return m_filePath; }
    bool exists() const;

    QString backendName() const override;
    void read(const QString &profileId, SecretKind kind, const QObject *context, ReadHandler handler) override;
    void write(const QString &profileId, SecretKind kind, const QByteArray &value, const QObject *context,
               DoneHandler handler) override;
    void remove(const QString &profileId, SecretKind kind, const QObject *context, DoneHandler handler) override;

    // Synchronous bulk write (creates the file even when entries is empty). Empty on success.
    QString writeAll(const QList<MemorySecretStore::Entry> &entries);

private:
    QString loadError(QHash<QString, QByteArray> *values) const;
    QString saveValues(const QHash<QString, QByteArray> &values) const;

    QString m_filePath;
};

// A system keyring: a SecretStore that can say whether it answers at all. The one in use is
// KeychainSecretStore (keychainsecretstore.h).
class KeyringStore : public SecretStore
{
public:
    using SecretStore::SecretStore;
    // Asks the keyring for an entry that does not exist: "not found" means it answers.
    // The error is the keyring's reason otherwise.
    virtual void probe(const QObject *context, DoneHandler handler) = 0;
    // Entries are named "<profileId>/secret" and "<profileId>/webhook-secret".
    static QString entryKey(const QString &profileId, SecretKind kind);
};

// Opens the keyring when a SecretVault starts, or says why it cannot (nullptr, *error set).
using KeyringFactory = std::function<std::unique_ptr<KeyringStore>(QString *error)>;

// The store the console and apinatorctl use: the keyring when it answers, else this session's
// memory (with the reason the keyring gave, for the window's banner), or the file when the user
// opted into it. Calls made while the one probe runs wait for it.
//
// The opt-in persists as the file itself: when the keyring fails and the file exists, the vault
// starts on the file. When the keyring answers and the file exists (the user opted in while the
// keyring was down), a secret missing from the keyring is still read from the file, and a removal
// clears both.
class SecretVault final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretVault)

public:
    enum class Backend { Probing, Keyring, Memory, File };

    // The keyring opened by keyring() when the vault starts (the console opens it from its
    // parts module, after the first frame), the file fallback at filePath.
    SecretVault(KeyringFactory keyring, const QString &filePath, QObject *parent = nullptr);
    // KeychainSecretStore with keychainService (apinatorctl: KeychainSecretStore::DefaultService,
    // FileSecretStore::defaultFilePath()). Defined with KeychainSecretStore, so that a program
    // that passes its own KeyringFactory does not link QtKeychain. No default constructor for
    // the same reason: moc's meta-type of a default-constructible class calls it.
    SecretVault(const QString &keychainService, const QString &filePath, QObject *parent = nullptr);
    ~SecretVault() override;

    // Starts the probe (the first call of any kind does too). ready() follows, from the event loop.
    void start();
    // Until start(), calls wait instead of starting the probe: a window paints its first
    // frame before the keyring's libraries (libsecret, GIO) load and answer.
    void deferProbeUntilStart() { m_deferred = true; }
    bool isReady() const { return m_backend != Backend::Probing; }
    Backend backend() const { return m_backend; }
    // The active backend's name; "keyring (checking)" while probing.
    QString backendName() const override;
    // Why the keyring is not used, as QtKeychain said it; empty when it is.
    const QString &fallbackReason() const { return m_fallbackReason; }
    QString filePath() const;

    // The opt-in: secrets go to the file from now on, the ones held in memory this session
    // included. Empty on success, else why (the vault then stays as it was).
    QString useFileFallback();

    void read(const QString &profileId, SecretKind kind, const QObject *context, ReadHandler handler) override;
    void write(const QString &profileId, SecretKind kind, const QByteArray &value, const QObject *context,
               DoneHandler handler) override;
    void remove(const QString &profileId, SecretKind kind, const QObject *context, DoneHandler handler) override;

Q_SIGNALS:
    // The probe ended: backend() and fallbackReason() are set.
    void ready();
    // useFileFallback() switched the backend.
    void backendChanged();

private:
    void whenReady(std::function<void()> call);
    void finishProbe(const QString &error);
    SecretStore *active() const;

    KeyringFactory m_openKeyring;
    std::unique_ptr<KeyringStore> m_keychain; // from m_openKeyring, at start()
    std::unique_ptr<MemorySecretStore> m_memory;
    std::unique_ptr<FileSecretStore> m_file;
    Backend m_backend = Backend::Probing;
    bool m_started = false;
    bool m_deferred = false;
    QString m_fallbackReason;
    QList<std::function<void()>> m_waiting;
};

} // namespace Apinator
