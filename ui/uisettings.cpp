// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "uisettings.h"

#include <apinator/profilestore.h>

#include <QDir>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {
constexpr char GeometryKey[] = "window/geometry";
constexpr char StateKey[] = "window/state";
constexpr char MainSplitterKey[] = "window/mainSplitter";
constexpr char SidebarSplitterKey[] = "window/sidebarSplitter";
constexpr char LastPageKey[] = "navigation/lastPage";
constexpr char LastProfileKey[] = "navigation/lastProfile";
} // namespace

UiSettings::UiSettings(const QString &path)
{
    if (!path.isEmpty())
        m_settings = std::make_unique<QSettings>(path, QSettings::IniFormat);
}

UiSettings::~UiSettings() = default;

QString UiSettings::defaultPath()
{
    return QDir(configDirectory()).filePath(u"console.ini"_s);
}

QByteArray UiSettings::bytes(const char *key) const
{
    const QString k = QString::fromLatin1(key);
    if (m_pending.contains(k) || !m_settings)
        return m_pending.value(k).toByteArray();
    return m_settings->value(k).toByteArray();
}

QString UiSettings::string(const char *key) const
{
    const QString k = QString::fromLatin1(key);
    if (m_pending.contains(k) || !m_settings)
        return m_pending.value(k).toString();
    return m_settings->value(k).toString();
}

void UiSettings::set(const char *key, const QVariant &value)
{
    m_pending.insert(QString::fromLatin1(key), value);
}

QByteArray UiSettings::windowGeometry() const { return bytes(GeometryKey); }
void UiSettings::setWindowGeometry(const QByteArray &geometry) { set(GeometryKey, geometry); }
QByteArray UiSettings::windowState() const { return bytes(StateKey); }
void UiSettings::setWindowState(const QByteArray &state) { set(StateKey, state); }
QByteArray UiSettings::mainSplitter() const { return bytes(MainSplitterKey); }
void UiSettings::setMainSplitter(const QByteArray &state) { set(MainSplitterKey, state); }
QByteArray UiSettings::sidebarSplitter() const { return bytes(SidebarSplitterKey); }
void UiSettings::setSidebarSplitter(const QByteArray &state) { set(SidebarSplitterKey, state); }
QString UiSettings::lastPage() const { return string(LastPageKey); }
void UiSettings::setLastPage(const QString &pageId) { set(LastPageKey, pageId); }
QString UiSettings::lastProfileId() const { return string(LastProfileKey); }
void UiSettings::setLastProfileId(const QString &profileId) { set(LastProfileKey, profileId); }

void UiSettings::sync()
{
    if (!m_settings)
        return;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        m_settings->setValue(it.key(), it.value());
    m_pending.clear();
    m_settings->sync();
}

} // namespace Apinator::Ui
