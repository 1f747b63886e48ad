// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/profilestore.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Apinator {

namespace {

QString normalizedName(const QString &name)
{
    return name.trimmed().toCaseFolded();
}

// Empty when the bytes hold a usable profile list, else why not.
QString parseProfiles(const QByteArray &bytes, QList<Profile> *out)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return u"not valid JSON at offset %1: %2"_s.arg(parseError.offset).arg(parseError.errorString());
    if (!document.isObject())
        return u"not a JSON object"_s;
    const QJsonObject root = document.object();
    const QJsonValue version = root.value(u"version"_s);
    if (!version.isDouble())
        return u"no \"version\" number"_s;
    if (version.toInt() > ProfileStore::FileVersion)
        return u"version %1 was written by a newer console (this one reads version %2)"_s.arg(version.toInt())
            .arg(ProfileStore::FileVersion);
    if (!root.value(u"profiles"_s).isArray())
        return u"no \"profiles\" array"_s;

    QList<Profile> profiles;
    QSet<QString> ids;
    const QJsonArray array = root.value(u"profiles"_s).toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        QString error;
        const auto profile = array.at(i).isObject() ? Profile::fromJson(array.at(i).toObject(), &error)
                                                    : std::optional<Profile>{};
        if (!profile)
            return u"profile %1: %2"_s.arg(i + 1).arg(error.isEmpty() ? u"not a JSON object"_s : error);
        if (ids.contains(profile->id))
            return u"profile %1: id %2 appears twice"_s.arg(i + 1).arg(profile->id);
        ids.insert(profile->id);
        profiles.append(*profile);
    }
    *out = profiles;
    return {};
}

// profiles.json.corrupt-20250101-120000, then -2, -3 ... if that exists already.
QString moveAside(const QString &path, QString *error)
{
    const QString base = path + u".corrupt-"_s + QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    QString target = base;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = base + u'-' + QString::number(n);
    QFile file(path);
    if (!file.rename(target)) {
        *error = file.errorString();
        return {};
    }
    return target;
}

} // namespace

QString configDirectory()
{
    const QString overridden = qEnvironmentVariable("APINATOR_CONFIG_DIR");
    if (!overridden.isEmpty())
        return QDir::cleanPath(overridden);
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u"/apinator-console"_s;
}

QString ProfileStore::defaultFilePath()
{
    return configDirectory() + u"/profiles.json"_s;
}

ProfileStore::ProfileStore(QObject *parent)
    : ProfileStore(defaultFilePath(), parent)
{
}

ProfileStore::ProfileStore(QString filePath, QObject *parent)
    : QObject(parent)
    , m_filePath(std::move(filePath))
{
}

ProfileStore::~ProfileStore() = default;

ProfileStore::LoadResult ProfileStore::load(LoadMode mode)
{
    LoadResult result;
    QList<Profile> loaded;
    QString problem;
    QFile file(m_filePath);
    if (!file.exists()) {
        // First launch: nothing to read, nothing wrong.
    } else if (!file.open(QIODevice::ReadOnly)) {
        problem = u"could not be read (%1)"_s.arg(file.errorString());
    } else if (const QString error = parseProfiles(file.readAll(), &loaded); !error.isEmpty()) {
        problem = u"is damaged (%1)"_s.arg(error);
    }
    file.close();

    if (!problem.isEmpty()) {
        result.ok = false;
        loaded.clear();
        const QString subject = u"The saved profiles in %1 "_s.arg(QDir::toNativeSeparators(m_filePath)) + problem;
        if (mode == LoadMode::ReadOnly) {
            result.message = subject + u'.';
        } else {
            QString moveError;
            result.movedAsidePath = moveAside(m_filePath, &moveError);
            if (result.movedAsidePath.isEmpty())
                result.message = subject + u"; it could not be moved aside either (%1), so changes will not be saved."_s.arg(moveError);
            else
                result.message = subject + u". The file was kept as %1 and the console started without profiles."_s.arg(
                                     QDir::toNativeSeparators(result.movedAsidePath));
        }
    }
    m_profiles = loaded;
    Q_EMIT changed();
    return result;
}

QString ProfileStore::save()
{
    QJsonArray array;
    for (const Profile &profile : std::as_const(m_profiles))
        array.append(profile.toJson());
    const QJsonObject root{{u"version"_s, FileVersion}, {u"profiles"_s, array}};

    const QString where = QDir::toNativeSeparators(m_filePath);
    if (!QDir().mkpath(QFileInfo(m_filePath).absolutePath()))
        return u"could not create the folder of %1"_s.arg(where);
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly))
        return u"could not save profiles to %1: %2"_s.arg(where, file.errorString());
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return u"could not save profiles to %1: %2"_s.arg(where, file.errorString());
    return {};
}

QString ProfileStore::commit()
{
    const QString error = save();
    Q_EMIT changed();
    return error;
}

qsizetype ProfileStore::indexOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_profiles.size(); ++i)
        if (m_profiles.at(i).id == id)
            return i;
    return -1;
}

std::optional<Profile> ProfileStore::findById(const QString &id) const
{
    const qsizetype index = indexOf(id);
    return index < 0 ? std::nullopt : std::optional<Profile>(m_profiles.at(index));
}

std::optional<Profile> ProfileStore::findByName(const QString &name) const
{
    const QString wanted = normalizedName(name);
    for (const Profile &profile : m_profiles)
        if (normalizedName(profile.name) == wanted)
            return profile;
    return std::nullopt;
}

QList<ProfileIssue> ProfileStore::validate(const Profile &profile) const
{
    QList<ProfileIssue> issues = profile.validate();
    const auto other = findByName(profile.name);
    if (other && other->id != profile.id && Profile::nameError(profile.name).isEmpty())
        issues.prepend({ProfileField::Name, u"a profile named \"%1\" already exists"_s.arg(other->name)});
    return issues;
}

QString ProfileStore::uniqueName(const QString &base) const
{
    const QString trimmed = base.trimmed();
    if (!findByName(trimmed))
        return trimmed;
    for (int n = 2;; ++n) {
        const QString suffix = u" (%1)"_s.arg(n);
        const QString candidate = trimmed.left(Profile::MaxNameLength - suffix.size()) + suffix;
        if (!findByName(candidate))
            return candidate;
    }
}

ProfileStore::Result ProfileStore::add(const Profile &profile, qsizetype index)
{
    Profile added = profile;
    if (added.id.isEmpty())
        added.id = Profile::newId();
    Result result;
    if (indexOf(added.id) >= 0) {
        result.issues.append({ProfileField::Name, u"profile id %1 is already in the list"_s.arg(added.id)});
        return result;
    }
    result.issues = validate(added);
    if (!result.issues.isEmpty())
        return result;
    if (index < 0 || index > m_profiles.size())
        index = m_profiles.size();
    m_profiles.insert(index, added);
    result.saveError = commit();
    return result;
}

ProfileStore::Result ProfileStore::update(const Profile &profile)
{
    Result result;
    const qsizetype index = indexOf(profile.id);
    if (index < 0) {
        result.issues.append({ProfileField::Name, u"no profile with id %1"_s.arg(profile.id)});
        return result;
    }
    result.issues = validate(profile);
    if (!result.issues.isEmpty())
        return result;
    if (m_profiles.at(index) == profile)
        return result;
    m_profiles[index] = profile;
    result.saveError = commit();
    return result;
}

std::optional<Profile> ProfileStore::duplicate(const QString &id, QString *saveError)
{
    const qsizetype index = indexOf(id);
    if (index < 0)
        return std::nullopt;
    Profile copy = m_profiles.at(index);
    copy.id = Profile::newId();
    const QString prefix = u"Copy of "_s;
    copy.name = uniqueName(prefix + copy.name.trimmed().left(Profile::MaxNameLength - prefix.size()));
    m_profiles.insert(index + 1, copy);
    const QString error = commit();
    if (saveError)
        *saveError = error;
    return copy;
}

std::optional<ProfileStore::Removed> ProfileStore::remove(const QString &id)
{
    const qsizetype index = indexOf(id);
    if (index < 0)
        return std::nullopt;
    Removed removed;
    removed.profile = m_profiles.takeAt(index);
    removed.index = index;
    removed.saveError = commit();
    return removed;
}

QString ProfileStore::move(const QString &id, qsizetype toIndex)
{
    const qsizetype from = indexOf(id);
    if (from < 0)
        return u"no profile with id %1"_s.arg(id);
    const qsizetype to = std::clamp<qsizetype>(toIndex, 0, m_profiles.size() - 1);
    if (from == to)
        return {};
    m_profiles.move(from, to);
    return commit();
}

ProfileStore::AddAllResult ProfileStore::addAll(const QList<Profile> &profiles)
{
    AddAllResult result;
    QList<Profile> pending;
    QSet<QString> ids;
    for (const Profile &existing : std::as_const(m_profiles))
        ids.insert(existing.id);
    // Names must be unique against the store and within the batch: check against a scratch list.
    const QList<Profile> before = m_profiles;
    for (Profile profile : profiles) {
        if (profile.id.isEmpty() || ids.contains(profile.id))
            profile.id = Profile::newId();
        ids.insert(profile.id);
        profile.name = uniqueName(profile.name);
        if (const QList<ProfileIssue> issues = validate(profile); !issues.isEmpty()) {
            m_profiles = before;
            result.issues = issues;
            return result;
        }
        m_profiles.append(profile);
        pending.append(profile);
    }
    if (pending.isEmpty())
        return result;
    result.added = pending;
    result.saveError = commit();
    return result;
}

QString ProfileStore::followSandboxPort(quint16 port)
{
    const QString url = Profile::sandboxBaseUrl(port);
    bool touched = false;
    for (Profile &profile : m_profiles) {
        if (profile.embeddedSandbox && profile.baseUrl != url) {
            profile.baseUrl = url;
            touched = true;
        }
    }
    return touched ? commit() : QString();
}

} // namespace Apinator
