// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/profileio.h>

#include "envparser.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Apinator::ProfileIo {

namespace {

// An import file is small; anything bigger is the wrong file.
constexpr qint64 MaxImportBytes = 1024 * 1024;

ProfileImport failure(const QString &error)
{
    ProfileImport result;
    result.error = error;
    return result;
}

// Empty on success; else a sentence with the path.
QString readSmallFile(const QString &path, QByteArray *bytes)
{
    QFile file(path);
    const QString where = QDir::toNativeSeparators(path);
    if (!file.open(QIODevice::ReadOnly))
        return u"could not read %1: %2"_s.arg(where, file.errorString());
    if (file.size() > MaxImportBytes)
        return u"%1 is larger than 1 MiB; it is not a profile file"_s.arg(where);
    *bytes = file.readAll();
    return {};
}

QString lineAt(const QByteArray &bytes, int offset, int *lineNumber, int *column)
{
    offset = std::clamp(offset, 0, int(bytes.size()));
    const qsizetype start = bytes.lastIndexOf('\n', offset - 1) + 1;
    qsizetype end = bytes.indexOf('\n', offset);
    if (end < 0)
        end = bytes.size();
    *lineNumber = int(bytes.left(start).count('\n')) + 1;
    *column = offset - int(start) + 1;
    QString line = QString::fromUtf8(bytes.mid(start, end - start)).trimmed();
    if (line.size() > 80)
        line = line.left(80) + u"..."_s;
    return line;
}

const QSet<QString> &exportMembers()
{
    static const QSet<QString> members = [] {
        QSet<QString> set;
        const QJsonObject sample = Profile().toJson();
        for (auto it = sample.begin(); it != sample.end(); ++it)
            set.insert(it.key());
        return set;
    }();
    return members;
}

} // namespace

ProfileImport parseEnv(const QByteArray &text, const QString &name)
{
    const Env::Parsed parsed = Env::parse(text);
    if (!parsed.error.isEmpty())
        return failure(parsed.error);

    ProfileDraft draft;
    draft.profile = Profile::create();
    draft.profile.name = name;
    bool any = false;
    for (const Env::Entry &entry : parsed.entries) {
        const QString &value = entry.value;
        QString error;
        if (entry.name == u"APINATOR_APP_ID") {
            draft.profile.appId = value;
            error = value.isEmpty() ? QString() : Profile::appIdError(value);
        } else if (entry.name == u"APINATOR_KEY") {
            draft.profile.key = value;
            error = value.isEmpty() ? QString() : Profile::keyError(value);
        } else if (entry.name == u"APINATOR_SECRET") {
            draft.secret = value.toUtf8();
            error = value.isEmpty() ? QString() : Profile::secretError(draft.secret);
        } else if (entry.name == u"APINATOR_WEBHOOK_SECRET") {
            draft.webhookSecret = value.toUtf8();
            error = Profile::webhookSecretError(draft.webhookSecret);
        } else if (entry.name == u"APINATOR_CLUSTER") {
            draft.profile.cluster = value;
            error = value.isEmpty() ? QString() : Credentials::clusterError(value);
        } else if (entry.name == u"APINATOR_BASE_URL") {
            draft.profile.baseUrl = value;
            error = value.isEmpty() ? QString() : Credentials::baseUrlError(value);
        } else {
            continue; // other tools' variables share .env files
        }
        any = true;
        if (!error.isEmpty()) {
            const QString shown = Env::isSecretName(entry.name) ? QString(entry.name + u"=<hidden>"_s)
                                                                : QString(entry.name + u'=' + value);
            return failure(u"line %1: %2: %3"_s.arg(entry.line).arg(error, shown));
        }
    }
    if (!any)
        return failure(u"no APINATOR_ variable found (expected APINATOR_APP_ID, APINATOR_KEY, APINATOR_SECRET, "
                       "APINATOR_WEBHOOK_SECRET, APINATOR_CLUSTER or APINATOR_BASE_URL)"_s);
    ProfileImport result;
    result.drafts.append(draft);
    return result;
}

ProfileImport readEnvFile(const QString &path)
{
    QByteArray bytes;
    if (const QString error = readSmallFile(path, &bytes); !error.isEmpty())
        return failure(error);
    const QFileInfo info(path);
    QString name = info.fileName().startsWith(u".env") ? info.absoluteDir().dirName() : info.completeBaseName();
    if (name.isEmpty())
        name = u"Imported"_s;
    ProfileImport result = parseEnv(bytes, name);
    if (!result.ok())
        result.error = QDir::toNativeSeparators(path) + u", "_s + result.error;
    return result;
}

ProfileImport parseExport(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        int line = 0;
        int column = 0;
        const QString content = lineAt(json, parseError.offset, &line, &column);
        return failure(u"line %1, column %2: %3: %4"_s.arg(line).arg(column).arg(parseError.errorString(), content));
    }
    if (!document.isObject())
        return failure(u"not a profile export: the top level is not a JSON object"_s);
    const QJsonObject root = document.object();
    if (root.value(u"format"_s).toString() != QLatin1StringView(ExportFormat))
        return failure(u"not a profile export: \"format\" is not \"%1\""_s.arg(QLatin1StringView(ExportFormat)));
    const QJsonValue version = root.value(u"version"_s);
    if (!version.isDouble() || version.toDouble() != double(version.toInt()) || version.toInt() < 1)
        return failure(u"\"version\" must be a whole number"_s);
    if (version.toInt() > ExportVersion)
        return failure(u"the export is version %1, from a newer console; this one reads version %2"_s
                           .arg(version.toInt())
                           .arg(ExportVersion));
    for (auto it = root.begin(); it != root.end(); ++it)
        if (it.key() != u"format" && it.key() != u"version" && it.key() != u"exportedAt" && it.key() != u"profiles")
            return failure(u"unknown member \"%1\" at the top level"_s.arg(it.key()));
    if (!root.value(u"profiles"_s).isArray())
        return failure(u"\"profiles\" must be an array"_s);

    ProfileImport result;
    const QJsonArray profiles = root.value(u"profiles"_s).toArray();
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        const QString label = u"profile %1"_s.arg(i + 1);
        if (!profiles.at(i).isObject())
            return failure(label + u": not a JSON object"_s);
        const QJsonObject object = profiles.at(i).toObject();
        const QString named = object.value(u"name"_s).isString()
                                  ? label + u" (\""_s + object.value(u"name"_s).toString() + u"\")"_s
                                  : label;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (exportMembers().contains(it.key()))
                continue;
            // Someone pasted a secret into an export: refuse rather than guess where it goes.
            if (it.key().contains(u"secret"_s, Qt::CaseInsensitive))
                return failure(named + u": member \"%1\" is a secret; exports never carry secrets"_s.arg(it.key()));
            return failure(named + u": unknown member \"%1\""_s.arg(it.key()));
        }
        QString error;
        const auto profile = Profile::fromJson(object, &error);
        if (!profile)
            return failure(named + u": "_s + error);
        if (const QList<ProfileIssue> issues = profile->validate(); !issues.isEmpty())
            return failure(named + u": "_s + issues.constFirst().message);
        result.drafts.append({*profile, {}, {}});
    }
    if (result.drafts.isEmpty())
        return failure(u"the export holds no profile"_s);
    return result;
}

ProfileImport readExportFile(const QString &path)
{
    QByteArray bytes;
    if (const QString error = readSmallFile(path, &bytes); !error.isEmpty())
        return failure(error);
    ProfileImport result = parseExport(bytes);
    if (!result.ok())
        result.error = QDir::toNativeSeparators(path) + u", "_s + result.error;
    return result;
}

ProfileImport readFile(const QString &path)
{
    QByteArray bytes;
    if (const QString error = readSmallFile(path, &bytes); !error.isEmpty())
        return failure(error);
    QByteArrayView view(bytes);
    if (view.startsWith("\xEF\xBB\xBF"))
        view = view.sliced(3);
    return view.trimmed().startsWith('{') ? readExportFile(path) : readEnvFile(path);
}

QByteArray exportJson(const QList<Profile> &profiles)
{
    QJsonArray array;
    for (const Profile &profile : profiles)
        array.append(profile.toJson());
    const QJsonObject root{
        {u"format"_s, QLatin1StringView(ExportFormat)},
        {u"version"_s, ExportVersion},
        {u"exportedAt"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {u"profiles"_s, array},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString writeExportFile(const QString &path, const QList<Profile> &profiles)
{
    const QString where = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return u"could not write %1: %2"_s.arg(where, file.errorString());
    file.write(exportJson(profiles));
    if (!file.commit())
        return u"could not write %1: %2"_s.arg(where, file.errorString());
    return {};
}

} // namespace Apinator::ProfileIo
