// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/profile.h>

#include <QWidget>

class QListWidget;
class QListWidgetItem;
class QToolButton;

namespace Apinator::Ui {

// The list of profiles with their environment colour, and the buttons that act on it:
// add, duplicate, delete, move up and down (or drag), import, export. It only asks:
// ProfileActions does the work.
class ProfilesSidebar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilesSidebar)
public:
    explicit ProfilesSidebar(QWidget *parent = nullptr);

    // Rebuilds the list; the current profile stays current when it is still there.
    void setProfiles(const QList<Profile> &profiles);
    QString currentId() const;
    // Selects without emitting currentChanged (empty: no selection, e.g. while a draft is shown).
    void setCurrentId(const QString &id);
    QStringList ids() const;

    QListWidget *list() const { return m_list; }

Q_SIGNALS:
    void currentChanged(const QString &id);
    void addRequested();
    void duplicateRequested(const QString &id);
    void deleteRequested(const QString &id);
    void moveRequested(const QString &id, qsizetype toIndex);
    void importRequested();
    void exportRequested();

private:
    QToolButton *addButton(const QString &iconName, const QString &objectName, const QString &text,
                           const QKeySequence &shortcut = {});
    void refreshButtons();

    QListWidget *m_list;
    QToolButton *m_add;
    QToolButton *m_duplicate;
    QToolButton *m_delete;
    QToolButton *m_up;
    QToolButton *m_down;
    QToolButton *m_import;
    QToolButton *m_export;
    bool m_filling = false;
};

} // namespace Apinator::Ui
