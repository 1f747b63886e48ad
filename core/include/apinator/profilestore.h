// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/profile.h>

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace Apinator {

// The folder holding profiles.json (and secrets.json when the user opted into the file store):
// $APINATOR_CONFIG_DIR when set (tests, scripts, portable setups), else
// QStandardPaths::GenericConfigLocation + "/apinator-console" (~/.config/apinator-console on Linux).
// The console and apinatorctl both call this, so they share one file whatever their application
// names are. Honours QStandardPaths::setTestModeEnabled.
QString configDirectory();

// The saved profiles: one JSON file of non-secret fields, rewritten atomically on every change.
// Every mutation validates first (nothing changes on an issue), then saves; a failed save keeps
// the change in memory for this session and reports why in the result.
class ProfileStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileStore)

public:
    static constexpr int FileVersion = 1;

    // configDirectory() + "/profiles.json"
    static QString defaultFilePath();

    explicit ProfileStore(QObject *parent = nullptr);
    explicit ProfileStore(QString filePath, QObject *parent = nullptr);
    ~ProfileStore() override;

    const QString &filePath() const { return m_filePath; }

    struct LoadResult
    {
        bool ok = true;         // false: the file was unusable and the store starts empty
        QString movedAsidePath; // where the unusable file went ("profiles.json.corrupt-yyyyMMdd-HHmmss")
        QString message;        // for the window: what happened and where the old file is
    };
    enum class LoadMode {
        Recover,  // the console: an unusable file is moved aside and the store starts empty
        ReadOnly, // apinatorctl: an unusable file is reported and left where it is
    };
    // Replaces the list with the file's. A missing file is a first launch: ok and empty.
    LoadResult load(LoadMode mode = LoadMode::Recover);
    // Writes the whole list atomically (QSaveFile). Empty on success, else a sentence with the path.
    QString save();

    struct Result
    {
        QList<ProfileIssue> issues; // validation: nothing changed
        QString saveError;          // changed in memory but not on disk
        bool ok() const { return issues.isEmpty() && saveError.isEmpty(); }
        bool changed() const { return issues.isEmpty(); }
    };

    const QList<Profile> &profiles() const { return m_profiles; }
    qsizetype count() const { return m_profiles.size(); }
    bool isEmpty() const { return m_profiles.isEmpty(); }
    qsizetype indexOf(const QString &id) const; // -1 when absent
    std::optional<Profile> findById(const QString &id) const;
    // Case-insensitive, ignoring surrounding spaces.
    std::optional<Profile> findByName(const QString &name) const;

    // Profile::validate() plus "a profile named X already exists" (another id, same name).
    QList<ProfileIssue> validate(const Profile &profile) const;
    // base, else "base (2)", "base (3)", ... unused by any profile.
    QString uniqueName(const QString &base) const;

    // Appends (or inserts at index); an empty id gets a fresh one, an id already present is an issue.
    Result add(const Profile &profile, qsizetype index = -1);
    // Replaces the profile with the same id.
    Result update(const Profile &profile);
    // Inserts "Copy of X" (unique, new id) right after X and returns it; nullopt for an unknown id.
    // Secrets are not copied here: SecretVault::copySecrets.
    std::optional<Profile> duplicate(const QString &id, QString *saveError = nullptr);

    struct Removed
    {
        Profile profile;
        qsizetype index = -1; // where it was: add(profile, index) undoes the removal
        QString saveError;
    };
    // nullopt for an unknown id. Secrets stay in the SecretStore: remove them once undo is no longer offered.
    std::optional<Removed> remove(const QString &id);
    // Moves the profile to index (clamped). Empty on success, else the save error or "no profile ...".
    QString move(const QString &id, qsizetype toIndex);
    // Adds all or none (the import path): ids that clash get fresh ones, names get uniqueName().
    // Returns the added profiles as stored.
    struct AddAllResult
    {
        QList<Profile> added;
        QList<ProfileIssue> issues; // of the first invalid profile: nothing added
        QString saveError;
    };
    AddAllResult addAll(const QList<Profile> &profiles);
    // Points every embeddedSandbox profile at 127.0.0.1:port. Empty on success, else the save error.
    QString followSandboxPort(quint16 port);

Q_SIGNALS:
    // Any change of the list: contents, order, or a reload.
    void changed();

private:
    QString commit(); // save() + changed()

    QString m_filePath;
    QList<Profile> m_profiles;
};

} // namespace Apinator
