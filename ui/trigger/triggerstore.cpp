// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "trigger/triggerstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {

QJsonObject toJson(const TriggerTemplate &t)
{
    QJsonObject o;
    o[u"name"_s] = t.name;
    o[u"event"_s] = t.draft.event;
    o[u"channels"_s] = QJsonArray::fromStringList(t.draft.channels);
    o[u"socketId"_s] = t.draft.socketId;
    o[u"data"_s] = QString::fromUtf8(t.draft.data);
    o[u"rawText"_s] = t.draft.rawText;
    return o;
}

TriggerTemplate fromJson(const QJsonObject &o)
{
    TriggerTemplate t;
    t.name = o.value(u"name"_s).toString();
    t.draft.event = o.value(u"event"_s).toString();
    for (const QJsonValue &c : o.value(u"channels"_s).toArray())
        t.draft.channels << c.toString();
    t.draft.socketId = o.value(u"socketId"_s).toString();
    t.draft.data = o.value(u"data"_s).toString().toUtf8();
    t.draft.rawText = o.value(u"rawText"_s).toBool();
    return t;
}

} // namespace

TriggerStore::TriggerStore(QString path)
    : m_path(std::move(path))
{
}

QString TriggerStore::load()
{
    m_profiles.clear();
    if (m_path.isEmpty() || !QFileInfo::exists(m_path))
        return {};
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("cannot read %1: %2").arg(m_path, file.errorString());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (!doc.isObject())
        return tr("%1 is not a JSON object: %2").arg(m_path, error.errorString());
    const QJsonObject profiles = doc.object().value(u"profiles"_s).toObject();
    for (auto it = profiles.begin(); it != profiles.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        PerProfile p;
        for (const QJsonValue &e : o.value(u"recentEvents"_s).toArray())
            p.recent << e.toString();
        for (const QJsonValue &t : o.value(u"templates"_s).toArray())
            p.templates << fromJson(t.toObject());
        m_profiles.insert(it.key(), p);
    }
    return {};
}

QStringList TriggerStore::recentEvents(const QString &profileId) const
{
    return m_profiles.value(profileId).recent;
}

void TriggerStore::addRecentEvent(const QString &profileId, const QString &event)
{
    QStringList &recent = m_profiles[profileId].recent;
    if (!recent.isEmpty() && recent.first() == event)
        return;
    recent.removeAll(event);
    recent.prepend(event);
    while (recent.size() > MaxRecent)
        recent.removeLast();
    save();
}

QList<TriggerTemplate> TriggerStore::templates(const QString &profileId) const
{
    return m_profiles.value(profileId).templates;
}

QString TriggerStore::saveTemplate(const QString &profileId, const TriggerTemplate &entry)
{
    if (entry.name.trimmed().isEmpty())
        return tr("The template needs a name");
    QList<TriggerTemplate> &list = m_profiles[profileId].templates;
    TriggerTemplate stored = entry;
    stored.name = entry.name.trimmed();
    bool replaced = false;
    for (TriggerTemplate &t : list) {
        if (t.name == stored.name) {
            t = stored;
            replaced = true;
        }
    }
    if (!replaced)
        list << stored;
    return save();
}

QString TriggerStore::renameTemplate(const QString &profileId, const QString &from, const QString &to)
{
    const QString name = to.trimmed();
    if (name.isEmpty())
        return tr("The template needs a name");
    QList<TriggerTemplate> &list = m_profiles[profileId].templates;
    TriggerTemplate *found = nullptr;
    for (TriggerTemplate &t : list) {
        if (t.name == name && name != from)
            return tr("A template named \"%1\" exists already").arg(name);
        if (t.name == from)
            found = &t;
    }
    if (!found)
        return tr("No template named \"%1\"").arg(from);
    found->name = name;
    return save();
}

QString TriggerStore::removeTemplate(const QString &profileId, const QString &name)
{
    QList<TriggerTemplate> &list = m_profiles[profileId].templates;
    const auto removed = list.removeIf([&](const TriggerTemplate &t) { return t.name == name; });
    if (!removed)
        return tr("No template named \"%1\"").arg(name);
    return save();
}

QString TriggerStore::save()
{
    if (m_path.isEmpty())
        return {};
    QJsonObject profiles;
    for (auto it = m_profiles.cbegin(); it != m_profiles.cend(); ++it) {
        QJsonArray templates;
        for (const TriggerTemplate &t : it->templates)
            templates << toJson(t);
        QJsonObject o;
        o[u"recentEvents"_s] = QJsonArray::fromStringList(it->recent);
        o[u"templates"_s] = templates;
        profiles[it.key()] = o;
    }
    QJsonObject root;
    root[u"version"_s] = 1;
    root[u"profiles"_s] = profiles;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("cannot write %1: %2").arg(m_path, file.errorString());
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return tr("cannot write %1: %2").arg(m_path, file.errorString());
    return {};
}

} // namespace Apinator::Ui
