// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "trigger/triggerdraft.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Apinator::Ui {

// A saved event: name, channels and data (never a credential).
struct TriggerTemplate
{
    QString name;
    TriggerDraft draft;
};

// The Trigger page's memory per profile: recent event names and saved templates, in one
// JSON file (trigger.json beside profiles.json), rewritten atomically with QSaveFile.
class TriggerStore final
{
    Q_DECLARE_TR_FUNCTIONS(Apinator::Ui::TriggerStore)

public:
    static constexpr int MaxRecent = 20;

    // path: the JSON file; empty: memory only.
    explicit TriggerStore(QString path);

    // Reads the file; a missing file is empty. Empty on success, else what is wrong.
    QString load();
    const QString &path() const { return m_path; }

    QStringList recentEvents(const QString &profileId) const;
    // Moves the name to the front; saves.
    void addRecentEvent(const QString &profileId, const QString &event);

    QList<TriggerTemplate> templates(const QString &profileId) const;
    // Adds or replaces the template of that name; saves. Empty on success, else why not.
    QString saveTemplate(const QString &profileId, const TriggerTemplate &entry);
    QString renameTemplate(const QString &profileId, const QString &from, const QString &to);
    QString removeTemplate(const QString &profileId, const QString &name);

private:
    QString save();

    struct PerProfile
    {
        QStringList recent;
        QList<TriggerTemplate> templates;
    };
    QString m_path;
    QHash<QString, PerProfile> m_profiles;
};

} // namespace Apinator::Ui
