// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QVariantHash>

#include <memory>

class QSettings;

namespace Apinator::Ui {

// The window's own settings, typed, in one INI file beside the profiles. Only layout
// and navigation live here; never a credential, never a secret. Changes stay in memory
// until sync(): a run that ends without it (--smoke-test, a crash) writes nothing.
class UiSettings final
{
public:
    // path: the INI file; empty: memory only.
    explicit UiSettings(const QString &path = {});
    ~UiSettings();
    UiSettings(const UiSettings &) = delete;
    UiSettings &operator=(const UiSettings &) = delete;

    // console.ini beside profiles.json (configDirectory()).
    static QString defaultPath();

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray mainSplitter() const;
    void setMainSplitter(const QByteArray &state);
    QByteArray sidebarSplitter() const;
    void setSidebarSplitter(const QByteArray &state);
    QString lastPage() const;
    void setLastPage(const QString &pageId);
    QString lastProfileId() const;
    void setLastProfileId(const QString &profileId);

    // Writes the changes to the file.
    void sync();

private:
    QByteArray bytes(const char *key) const;
    QString string(const char *key) const;
    void set(const char *key, const QVariant &value);

    std::unique_ptr<QSettings> m_settings; // null: in memory
    QVariantHash m_pending; // set but not yet written
};

} // namespace Apinator::Ui
