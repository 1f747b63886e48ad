// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/secretstore.h>

#include <QEventLoop>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace Apinator {

QString secretKindName(SecretKind kind)
{
    return kind == SecretKind::Secret ? u"secret"_s : u"webhook secret"_s;
}

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{
}

QString KeyringStore::entryKey(const QString &profileId, SecretKind kind)
{
    return profileId + (kind == SecretKind::Secret ? u"/secret"_s : u"/webhook-secret"_s);
}

SecretStore::~SecretStore() = default;

void SecretStore::answerLater(const QObject *context, std::function<void()> call)
{
    const QPointer<const QObject> guard(context);
    const bool guarded = context != nullptr;
    // Queued even when the answer is known now: callers may rely on "never inside the call".
    QMetaObject::invokeMethod(
        this,
        [guard, guarded, call = std::move(call)] {
            if (guarded && !guard)
                return;
            call();
        },
        Qt::QueuedConnection);
}

void SecretStore::readBoth(const QString &profileId, const QObject *context, PairHandler handler)
{
    read(profileId, SecretKind::Secret, context, [this, profileId, context, handler](const SecretRead &secret) {
        read(profileId, SecretKind::WebhookSecret, context, [secret, handler](const SecretRead &webhookSecret) {
            handler(secret, webhookSecret);
        });
    });
}

void SecretStore::writeBoth(const QString &profileId, const QByteArray &secret, const QByteArray &webhookSecret,
                            const QObject *context, DoneHandler handler)
{
    write(profileId, SecretKind::Secret, secret, context,
          [this, profileId, webhookSecret, context, handler](const QString &error) {
              if (!error.isEmpty()) {
                  handler(error);
                  return;
              }
              write(profileId, SecretKind::WebhookSecret, webhookSecret, context, handler);
          });
}

void SecretStore::removeBoth(const QString &profileId, const QObject *context, DoneHandler handler)
{
    remove(profileId, SecretKind::Secret, context, [this, profileId, context, handler](const QString &first) {
        remove(profileId, SecretKind::WebhookSecret, context, [first, handler](const QString &second) {
            handler(first.isEmpty() ? second : first);
        });
    });
}

void SecretStore::copyBoth(const QString &fromId, const QString &toId, const QObject *context, DoneHandler handler)
{
    readBoth(fromId, context, [this, toId, context, handler](const SecretRead &secret, const SecretRead &webhook) {
        if (!secret.ok() || !webhook.ok()) {
            handler(secret.ok() ? webhook.error : secret.error);
            return;
        }
        writeBoth(toId, secret.value, webhook.value, context, handler);
    });
}

namespace {

template<typename Result, typename Start>
Result waitFor(int timeoutMs, Start start, Result timedOut)
{
    QEventLoop loop;
    QObject context; // dropping it on return drops a late answer
    std::optional<Result> result;
    start(&context, [&](const Result &r) {
        result = r;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!result)
        loop.exec();
    return result ? *result : timedOut;
}

QString timeoutMessage(int timeoutMs)
{
    return u"the secret store did not answer within %1 s"_s.arg(timeoutMs / 1000.0);
}

} // namespace

SecretRead readAndWait(SecretStore &store, const QString &profileId, SecretKind kind, int timeoutMs)
{
    SecretRead timedOut;
    timedOut.error = timeoutMessage(timeoutMs);
    return waitFor<SecretRead>(
        timeoutMs,
        [&](const QObject *context, auto done) { store.read(profileId, kind, context, done); },
        timedOut);
}

QString writeAndWait(SecretStore &store, const QString &profileId, SecretKind kind, const QByteArray &value,
                     int timeoutMs)
{
    return waitFor<QString>(
        timeoutMs,
        [&](const QObject *context, auto done) { store.write(profileId, kind, value, context, done); },
        timeoutMessage(timeoutMs));
}

MemorySecretStore::MemorySecretStore(QObject *parent)
    : SecretStore(parent)
{
}

MemorySecretStore::~MemorySecretStore() = default;

QString MemorySecretStore::backendName() const
{
    return u"this session only"_s;
}

void MemorySecretStore::read(const QString &profileId, SecretKind kind, const QObject *context, ReadHandler handler)
{
    SecretRead result;
    const auto it = m_values.constFind(KeyringStore::entryKey(profileId, kind));
    if (it != m_values.constEnd()) {
        result.found = true;
        result.value = *it;
    }
    answerLater(context, [handler, result] { handler(result); });
}

void MemorySecretStore::write(const QString &profileId, SecretKind kind, const QByteArray &value,
                              const QObject *context, DoneHandler handler)
{
    if (value.isEmpty())
        m_values.remove(KeyringStore::entryKey(profileId, kind));
    else
        m_values.insert(KeyringStore::entryKey(profileId, kind), value);
    answerLater(context, [handler] { handler({}); });
}

void MemorySecretStore::remove(const QString &profileId, SecretKind kind, const QObject *context,
                               DoneHandler handler)
{
    m_values.remove(KeyringStore::entryKey(profileId, kind));
    answerLater(context, [handler] { handler({}); });
}

QList<MemorySecretStore::Entry> MemorySecretStore::entries() const
{
    QList<Entry> result;
    for (auto it = m_values.constBegin(); it != m_values.constEnd(); ++it) {
        const qsizetype slash = it.key().lastIndexOf(u'/');
        const SecretKind kind = QStringView(it.key()).mid(slash + 1) == u"secret" ? SecretKind::Secret
                                                                                  : SecretKind::WebhookSecret;
        result.append({it.key().left(slash), kind, it.value()});
    }
    return result;
}

} // namespace Apinator
