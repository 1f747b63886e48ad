// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/profilestore.h>
#include <apinator/secretstore.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Apinator {

namespace {

constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions GroupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup
                                                  | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                                  | QFileDevice::WriteOther | QFileDevice::ExeOther;

QString octalMode(QFileDevice::Permissions p)
{
    // QFileDevice's owner bits are 0x0600-ish "user" bits; translate to the familiar octal.
    int mode = 0;
    mode |= p.testFlag(QFileDevice::ReadUser) ? 0400 : 0;
    mode |= p.testFlag(QFileDevice::WriteUser) ? 0200 : 0;
    mode |= p.testFlag(QFileDevice::ExeUser) ? 0100 : 0;
    mode |= p.testFlag(QFileDevice::ReadGroup) ? 040 : 0;
    mode |= p.testFlag(QFileDevice::WriteGroup) ? 020 : 0;
    mode |= p.testFlag(QFileDevice::ExeGroup) ? 010 : 0;
    mode |= p.testFlag(QFileDevice::ReadOther) ? 04 : 0;
    mode |= p.testFlag(QFileDevice::WriteOther) ? 02 : 0;
    mode |= p.testFlag(QFileDevice::ExeOther) ? 01 : 0;
    return u"%1"_s.arg(mode, 4, 8, QChar(u'0'));
}

} // namespace

QString FileSecretStore::defaultFilePath()
{
    return configDirectory() + u"/secrets.json"_s;
}

FileSecretStore::FileSecretStore(QString filePath, QObject *parent)
    : SecretStore(parent)
    , m_filePath(std::move(filePath))
{
}

FileSecretStore::~FileSecretStore() = default;

bool FileSecretStore::exists() const
{
    return QFileInfo::exists(m_filePath);
}

QString FileSecretStore::backendName() const
{
    return u"file only you can read"_s;
}

QString FileSecretStore::loadError(QHash<QString, QByteArray> *values) const
{
    values->clear();
    const QString where = QDir::toNativeSeparators(m_filePath);
    QFile file(m_filePath);
    if (!file.exists())
        return {};
    // Like ssh with a private key: a file others can read is refused, not used.
    if (const auto permissions = file.permissions(); permissions & GroupOrOther)
        return u"%1 can be read or written by other users (mode %2); run: chmod 600 %1"_s.arg(where,
                                                                                            octalMode(permissions));
    if (!file.open(QIODevice::ReadOnly))
        return u"could not read %1: %2"_s.arg(where, file.errorString());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonObject secrets = document.object().value(u"secrets"_s).toObject();
    if (parseError.error != QJsonParseError::NoError || document.object().value(u"version"_s).toInt() != 1)
        return u"%1 is damaged (not a version 1 secrets file)"_s.arg(where);
    for (auto it = secrets.begin(); it != secrets.end(); ++it) {
        const auto decoded = QByteArray::fromBase64Encoding(it.value().toString().toLatin1(),
                                                             QByteArray::AbortOnBase64DecodingErrors);
        if (!it.value().isString() || !decoded)
            return u"%1 is damaged (entry %2 is not base64)"_s.arg(where, it.key());
        values->insert(it.key(), *decoded);
    }
    return {};
}

QString FileSecretStore::saveValues(const QHash<QString, QByteArray> &values) const
{
    const QString where = QDir::toNativeSeparators(m_filePath);
    const QFileInfo info(m_filePath);
    QDir folder = info.absoluteDir();
    if (!folder.exists()) {
        if (!folder.mkpath(u"."_s))
            return u"could not create the folder of %1"_s.arg(where);
        QFile::setPermissions(folder.absolutePath(), OwnerOnly | QFileDevice::ExeOwner);
    }
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly))
        return u"could not write %1: %2"_s.arg(where, file.errorString());
    // The mode goes on before the first byte: at no moment does the file hold a secret others can read.
    if (!file.setPermissions(OwnerOnly) || (file.permissions() & GroupOrOther)) {
        file.cancelWriting();
        return u"could not make %1 readable by you only: %2"_s.arg(where, file.errorString());
    }
    QJsonObject secrets;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it)
        secrets.insert(it.key(), QString::fromLatin1(it.value().toBase64()));
    file.write(QJsonDocument(QJsonObject{{u"version"_s, 1}, {u"secrets"_s, secrets}}).toJson());
    if (!file.commit())
        return u"could not write %1: %2"_s.arg(where, file.errorString());
    return {};
}

void FileSecretStore::read(const QString &profileId, SecretKind kind, const QObject *context, ReadHandler handler)
{
    QHash<QString, QByteArray> values;
    SecretRead result;
    result.error = loadError(&values);
    if (const auto it = values.constFind(KeyringStore::entryKey(profileId, kind)); it != values.constEnd()) {
        result.found = true;
        result.value = *it;
    }
    answerLater(context, [handler, result] { handler(result); });
}

void FileSecretStore::write(const QString &profileId, SecretKind kind, const QByteArray &value,
                            const QObject *context, DoneHandler handler)
{
    QHash<QString, QByteArray> values;
    QString error = loadError(&values);
    if (error.isEmpty()) {
        if (value.isEmpty())
            values.remove(KeyringStore::entryKey(profileId, kind));
        else
            values.insert(KeyringStore::entryKey(profileId, kind), value);
        error = saveValues(values);
    }
    answerLater(context, [handler, error] { handler(error); });
}

void FileSecretStore::remove(const QString &profileId, SecretKind kind, const QObject *context,
                             DoneHandler handler)
{
    QHash<QString, QByteArray> values;
    QString error = loadError(&values);
    if (error.isEmpty() && values.remove(KeyringStore::entryKey(profileId, kind)))
        error = saveValues(values);
    answerLater(context, [handler, error] { handler(error); });
}

QString FileSecretStore::writeAll(const QList<MemorySecretStore::Entry> &entries)
{
    QHash<QString, QByteArray> values;
    if (const QString error = loadError(&values); !error.isEmpty())
        return error;
    for (const MemorySecretStore::Entry &entry : entries)
        values.insert(KeyringStore::entryKey(entry.profileId, entry.kind), entry.value);
    return saveValues(values);
}

} // namespace Apinator
