// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/keychainsecretstore.h>

#include <qt6keychain/keychain.h>

#include <QPointer>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace Apinator {

namespace {

// QtKeychain's own words, with the code when it gave none. Its messages never hold the data.
QString describe(const QKeychain::Job &job)
{
    QString text = job.errorString().trimmed();
    if (text.isEmpty()) {
        switch (job.error()) {
        case QKeychain::AccessDeniedByUser:
            text = u"access denied by the user"_s;
            break;
        case QKeychain::AccessDenied:
            text = u"access denied"_s;
            break;
        case QKeychain::NoBackendAvailable:
            text = u"no keyring service available"_s;
            break;
        case QKeychain::NotImplemented:
            text = u"not implemented on this platform"_s;
            break;
        default:
            text = u"error %1"_s.arg(int(job.error()));
        }
    }
    return u"keyring: "_s + text;
}

bool isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    [[maybe_unused]] const QString text = decoder(bytes);
    return !decoder.hasError();
}

// Runs the handler for a finished job, unless the context went away.
template<typename Job, typename Body>
void whenFinished(KeychainSecretStore *store, Job *job, const QObject *context, Body body)
{
    const QPointer<const QObject> guard(context);
    const bool guarded = context != nullptr;
    QObject::connect(job, &QKeychain::Job::finished, store, [guard, guarded, body](QKeychain::Job *finished) {
        if (guarded && !guard)
            return;
        body(*static_cast<Job *>(finished));
    });
}

} // namespace

SecretVault::SecretVault(const QString &keychainService, const QString &filePath, QObject *parent)
    : SecretVault([keychainService](QString *) { return std::make_unique<KeychainSecretStore>(keychainService); },
                  filePath, parent)
{
}

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : KeychainSecretStore(QString::fromLatin1(DefaultService), parent)
{
}

KeychainSecretStore::KeychainSecretStore(QString service, QObject *parent)
    : KeyringStore(parent)
    , m_service(std::move(service))
{
}

KeychainSecretStore::~KeychainSecretStore() = default;

QString KeychainSecretStore::backendName() const
{
    return u"system keyring"_s;
}

// Jobs have no parent and delete themselves when done: deleting one while the keyring
// still answers it is not safe in QtKeychain.
void KeychainSecretStore::read(const QString &profileId, SecretKind kind, const QObject *context,
                               ReadHandler handler)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(entryKey(profileId, kind));
    whenFinished(this, job, context, [handler](const QKeychain::ReadPasswordJob &done) {
        SecretRead result;
        if (done.error() == QKeychain::NoError) {
            result.found = true;
            result.value = done.binaryData();
        } else if (done.error() != QKeychain::EntryNotFound) {
            result.error = describe(done);
        }
        handler(result);
    });
    job->start();
}

void KeychainSecretStore::write(const QString &profileId, SecretKind kind, const QByteArray &value,
                                const QObject *context, DoneHandler handler)
{
    if (value.isEmpty()) {
        remove(profileId, kind, context, std::move(handler));
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(entryKey(profileId, kind));
    // Text when it is text, so a keyring browser shows it as the user typed it.
    if (isUtf8(value))
        job->setTextData(QString::fromUtf8(value));
    else
        job->setBinaryData(value);
    whenFinished(this, job, context, [handler](const QKeychain::WritePasswordJob &done) {
        handler(done.error() == QKeychain::NoError ? QString() : describe(done));
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &profileId, SecretKind kind, const QObject *context,
                                 DoneHandler handler)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(entryKey(profileId, kind));
    whenFinished(this, job, context, [handler](const QKeychain::DeletePasswordJob &done) {
        const bool gone = done.error() == QKeychain::NoError || done.error() == QKeychain::EntryNotFound;
        handler(gone ? QString() : describe(done));
    });
    job->start();
}

void KeychainSecretStore::probe(const QObject *context, DoneHandler handler)
{
    read(u"apinator-console-probe"_s, SecretKind::Secret, context,
         [handler](const SecretRead &result) { handler(result.error); });
}

} // namespace Apinator

#include "apinator/moc_keychainsecretstore.cpp" // not in mocs_compilation: see core/CMakeLists.txt
