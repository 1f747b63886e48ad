// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/secretstore.h>

#include <QPointer>

using namespace Qt::StringLiterals;

namespace Apinator {

namespace {

// A caller's context carried through queued steps: null means "no context", gone means "drop".
class Guard
{
public:
    explicit Guard(const QObject *context)
        : m_object(context)
        , m_guarded(context != nullptr)
    {
    }
    bool alive() const { return !m_guarded || m_object; }
    const QObject *object() const { return m_object.data(); }

private:
    QPointer<const QObject> m_object;
    bool m_guarded;
};

} // namespace

SecretVault::SecretVault(KeyringFactory keyring, const QString &filePath, QObject *parent)
    : SecretStore(parent)
    , m_openKeyring(std::move(keyring))
    , m_memory(std::make_unique<MemorySecretStore>())
    , m_file(std::make_unique<FileSecretStore>(filePath))
{
}

SecretVault::~SecretVault() = default;

void SecretVault::start()
{
    if (m_started)
        return;
    m_started = true;
    QString error;
    m_keychain = m_openKeyring(&error);
    if (!m_keychain) {
        finishProbe(error.isEmpty() ? u"keyring: not available"_s : error);
        return;
    }
    m_keychain->probe(this, [this](const QString &error) { finishProbe(error); });
}

void SecretVault::finishProbe(const QString &error)
{
    if (error.isEmpty()) {
        m_backend = Backend::Keyring;
    } else {
        m_fallbackReason = error;
        // The secrets file exists only because the user opted into it in an earlier session.
        m_backend = m_file->exists() ? Backend::File : Backend::Memory;
    }
    Q_EMIT ready();
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &call : waiting)
        call();
}

void SecretVault::whenReady(std::function<void()> call)
{
    if (!m_deferred)
        start();
    if (isReady())
        call();
    else
        m_waiting.append(std::move(call));
}

SecretStore *SecretVault::active() const
{
    switch (m_backend) {
    case Backend::Keyring:
        return m_keychain.get();
    case Backend::File:
        return m_file.get();
    case Backend::Probing:
    case Backend::Memory:
        break;
    }
    return m_memory.get();
}

QString SecretVault::backendName() const
{
    return isReady() ? active()->backendName() : u"keyring (checking)"_s;
}

QString SecretVault::filePath() const
{
    return m_file->filePath();
}

QString SecretVault::useFileFallback()
{
    switch (m_backend) {
    case Backend::File:
        return {};
    case Backend::Probing:
        return u"the keyring is still being checked"_s;
    case Backend::Keyring:
        return u"the keyring works; secrets stay there"_s;
    case Backend::Memory:
        break;
    }
    if (const QString error = m_file->writeAll(m_memory->entries()); !error.isEmpty())
        return error;
    m_backend = Backend::File;
    // The file has them now; no second copy lingers in memory.
    m_memory = std::make_unique<MemorySecretStore>();
    Q_EMIT backendChanged();
    return {};
}

void SecretVault::read(const QString &profileId, SecretKind kind, const QObject *context, ReadHandler handler)
{
    whenReady([this, profileId, kind, guard = Guard(context), handler] {
        if (!guard.alive())
            return;
        if (m_backend != Backend::Keyring || !m_file->exists()) {
            active()->read(profileId, kind, guard.object(), handler);
            return;
        }
        m_keychain->read(profileId, kind, guard.object(), [this, profileId, kind, guard, handler](const SecretRead &r) {
            if (!guard.alive())
                return;
            if (r.found || !r.ok())
                handler(r);
            else
                m_file->read(profileId, kind, guard.object(), handler);
        });
    });
}

void SecretVault::write(const QString &profileId, SecretKind kind, const QByteArray &value, const QObject *context,
                        DoneHandler handler)
{
    if (value.isEmpty()) {
        remove(profileId, kind, context, std::move(handler));
        return;
    }
    whenReady([this, profileId, kind, value, guard = Guard(context), handler] {
        if (guard.alive())
            active()->write(profileId, kind, value, guard.object(), handler);
    });
}

void SecretVault::remove(const QString &profileId, SecretKind kind, const QObject *context, DoneHandler handler)
{
    whenReady([this, profileId, kind, guard = Guard(context), handler] {
        if (!guard.alive())
            return;
        if (m_backend != Backend::Keyring || !m_file->exists()) {
            active()->remove(profileId, kind, guard.object(), handler);
            return;
        }
        // A copy left in the file from an earlier session would come back on the next read.
        m_keychain->remove(profileId, kind, guard.object(), [this, profileId, kind, guard, handler](const QString &e) {
            if (!guard.alive())
                return;
            if (!e.isEmpty())
                handler(e);
            else
                m_file->remove(profileId, kind, guard.object(), handler);
        });
    });
}

} // namespace Apinator
