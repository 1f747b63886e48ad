// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/profile.h>

#include <QJsonValue>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Apinator {

namespace {

// Characters that break a URL path segment or a header value; app ids and keys travel in both.
QString identifierError(const QString &what, const QString &value)
{
    if (value.isEmpty())
        return u"%1 is empty"_s.arg(what);
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c.isSpace())
            return u"%1 contains a space at position %2"_s.arg(what).arg(i + 1);
        if (c.category() == QChar::Other_Control)
            return u"%1 contains a control character at position %2"_s.arg(what).arg(i + 1);
        if (c == u'/' || c == u'?' || c == u'#' || c == u'%')
            return u"%1 contains '%2' at position %3; it must fit in a URL path"_s.arg(what, c).arg(i + 1);
    }
    return {};
}

QString secretValueError(const QString &what, const QByteArray &value)
{
    // Never quote the value: only say what kind of character is wrong.
    for (const char c : value) {
        if (c == '\n' || c == '\r')
            return u"%1 contains a line break"_s.arg(what);
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t')
            return u"%1 contains a control character"_s.arg(what);
    }
    if (!value.isEmpty() && (value.front() == ' ' || value.back() == ' ' || value.front() == '\t'
                             || value.back() == '\t'))
        return u"%1 starts or ends with a space (pasted by mistake?)"_s.arg(what);
    return {};
}

} // namespace

QString environmentName(Environment environment)
{
    switch (environment) {
    case Environment::Sandbox:
        return u"sandbox"_s;
    case Environment::Development:
        return u"development"_s;
    case Environment::Staging:
        return u"staging"_s;
    case Environment::Production:
        return u"production"_s;
    }
    return {};
}

QString environmentTitle(Environment environment)
{
    QString name = environmentName(environment);
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    return name;
}

std::optional<Environment> environmentFromName(QStringView name)
{
    for (const Environment environment : AllEnvironments)
        if (name.compare(environmentName(environment), Qt::CaseInsensitive) == 0)
            return environment;
    return std::nullopt;
}

QString profileFieldName(ProfileField field)
{
    switch (field) {
    case ProfileField::Name:
        return u"name"_s;
    case ProfileField::AppId:
        return u"app id"_s;
    case ProfileField::Key:
        return u"key"_s;
    case ProfileField::Secret:
        return u"secret"_s;
    case ProfileField::WebhookSecret:
        return u"webhook secret"_s;
    case ProfileField::Cluster:
        return u"cluster"_s;
    case ProfileField::BaseUrl:
        return u"base URL"_s;
    case ProfileField::Environment:
        return u"environment"_s;
    case ProfileField::Notes:
        return u"notes"_s;
    }
    return {};
}

Profile Profile::create()
{
    Profile profile;
    profile.id = newId();
    return profile;
}

QString Profile::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Profile Profile::localSandbox(quint16 port, const QString &appId, const QString &key)
{
    Profile profile = create();
    profile.name = u"Local sandbox"_s;
    profile.appId = appId;
    profile.key = key;
    profile.baseUrl = sandboxBaseUrl(port);
    profile.environment = Environment::Sandbox;
    profile.confirmBeforeSend = false;
    profile.embeddedSandbox = true;
    return profile;
}

QString Profile::sandboxBaseUrl(quint16 port)
{
    return u"http://127.0.0.1:%1"_s.arg(port);
}

QString Profile::restBaseUrl() const
{
    return credentials({}).restBaseUrl();
}

Credentials Profile::credentials(const QByteArray &secret, const QByteArray &webhookSecret) const
{
    Credentials result;
    result.appId = appId;
    result.key = key;
    result.secret = secret;
    result.webhookSecret = webhookSecret;
    result.cluster = cluster;
    result.baseUrl = baseUrl;
    return result;
}

QString Profile::nameError(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return u"name is empty"_s;
    if (trimmed.size() > MaxNameLength)
        return u"name has %1 characters; the limit is %2"_s.arg(trimmed.size()).arg(MaxNameLength);
    for (const QChar c : name)
        if (c.category() == QChar::Other_Control)
            return u"name contains a control character"_s;
    return {};
}

QString Profile::appIdError(const QString &value)
{
    return identifierError(u"app id"_s, value);
}

QString Profile::keyError(const QString &value)
{
    return identifierError(u"key"_s, value);
}

QString Profile::secretError(const QByteArray &secret)
{
    if (secret.isEmpty())
        return u"secret is empty"_s;
    return secretValueError(u"secret"_s, secret);
}

QString Profile::webhookSecretError(const QByteArray &webhookSecret)
{
    return secretValueError(u"webhook secret"_s, webhookSecret);
}

QList<ProfileIssue> Profile::locationIssues(const QString &cluster, const QString &baseUrl)
{
    QList<ProfileIssue> issues;
    // A cluster typed beside a base URL is unused, but a bad one is still worth flagging.
    if (!cluster.isEmpty())
        if (const QString error = Credentials::clusterError(cluster); !error.isEmpty())
            issues.append({ProfileField::Cluster, error});
    if (!baseUrl.isEmpty()) {
        if (const QString error = Credentials::baseUrlError(baseUrl); !error.isEmpty())
            issues.append({ProfileField::BaseUrl, error});
    } else if (cluster.isEmpty()) {
        issues.append({ProfileField::Cluster, u"set a cluster (eu, us, ...) or a base URL"_s});
    }
    return issues;
}

QList<ProfileIssue> Profile::validate() const
{
    QList<ProfileIssue> issues;
    if (const QString error = nameError(name); !error.isEmpty())
        issues.append({ProfileField::Name, error});
    if (const QString error = appIdError(appId); !error.isEmpty())
        issues.append({ProfileField::AppId, error});
    if (const QString error = keyError(key); !error.isEmpty())
        issues.append({ProfileField::Key, error});
    issues.append(locationIssues(cluster, baseUrl));
    return issues;
}

QString Profile::error(ProfileField field) const
{
    const QList<ProfileIssue> issues = validate();
    for (const ProfileIssue &issue : issues)
        if (issue.field == field)
            return issue.message;
    return {};
}

QJsonObject Profile::toJson() const
{
    return QJsonObject{
        {u"id"_s, id},
        {u"name"_s, name},
        {u"appId"_s, appId},
        {u"key"_s, key},
        {u"cluster"_s, cluster},
        {u"baseUrl"_s, baseUrl},
        {u"environment"_s, environmentName(environment)},
        {u"notes"_s, notes},
        {u"confirmBeforeSend"_s, confirmBeforeSend},
        {u"embeddedSandbox"_s, embeddedSandbox},
    };
}

std::optional<Profile> Profile::fromJson(const QJsonObject &object, QString *error)
{
    QString problem;
    const auto text = [&](const QString &member, QString *out, bool required) {
        const QJsonValue value = object.value(member);
        if (value.isUndefined()) {
            if (required && problem.isEmpty())
                problem = u"member \"%1\" is missing"_s.arg(member);
            return;
        }
        if (!value.isString()) {
            if (problem.isEmpty())
                problem = u"member \"%1\" must be a string"_s.arg(member);
            return;
        }
        *out = value.toString();
    };
    const auto flag = [&](const QString &member, bool *out) {
        const QJsonValue value = object.value(member);
        if (value.isUndefined())
            return;
        if (!value.isBool()) {
            if (problem.isEmpty())
                problem = u"member \"%1\" must be true or false"_s.arg(member);
            return;
        }
        *out = value.toBool();
    };

    Profile profile;
    QString environment;
    text(u"id"_s, &profile.id, true);
    text(u"name"_s, &profile.name, true);
    text(u"appId"_s, &profile.appId, false);
    text(u"key"_s, &profile.key, false);
    text(u"cluster"_s, &profile.cluster, false);
    text(u"baseUrl"_s, &profile.baseUrl, false);
    text(u"environment"_s, &environment, false);
    text(u"notes"_s, &profile.notes, false);
    flag(u"confirmBeforeSend"_s, &profile.confirmBeforeSend);
    flag(u"embeddedSandbox"_s, &profile.embeddedSandbox);

    if (problem.isEmpty() && QUuid::fromString(profile.id).isNull())
        problem = u"member \"id\" is not a UUID"_s;
    if (problem.isEmpty() && !environment.isEmpty()) {
        if (const auto parsed = environmentFromName(environment))
            profile.environment = *parsed;
        else
            problem = u"member \"environment\" is \"%1\"; expected sandbox, development, staging or production"_s.arg(
                environment);
    }
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    // One spelling for ids, whatever the file had.
    profile.id = QUuid::fromString(profile.id).toString(QUuid::WithoutBraces);
    return profile;
}

} // namespace Apinator
