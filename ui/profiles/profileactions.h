// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "appcontext.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QWidget;

namespace Apinator::Ui {

class MessageBar;
class ProfilesPage;
class ProfilesSidebar;

// What the sidebar's buttons, the menus and Ctrl+P do to the profiles: select (asking
// about unsaved changes), add, duplicate, delete with undo, reorder, import, export.
// Messages go to the window's message bar, never to a modal box, except the question
// about unsaved changes.
class ProfileActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileActions)
public:
    ProfileActions(const AppContext &context, ProfilesSidebar *sidebar, ProfilesPage *page, MessageBar *messages,
                   QWidget *window);
    ~ProfileActions() override;

    QString currentId() const { return m_currentId; }
    // Shows the profile; false when the user kept editing unsaved changes instead.
    bool select(const QString &id);
    void add();
    void duplicate(const QString &id);
    // Deletes at once and offers Undo until the next deletion, the message's close, or exit.
    void remove(const QString &id);
    bool canUndo() const { return m_pending.has_value(); }
    void undo();
    // Removes the secrets of a deletion that can no longer be undone; done runs after.
    void finishPendingRemoval(std::function<void()> done = {});
    void move(const QString &id, qsizetype toIndex);

    void importFile(const QString &path);
    void exportTo(const QString &path);
    void importWithDialog();
    void exportWithDialog();
    void openSwitcher();

Q_SIGNALS:
    void currentChanged(const QString &id);
    void undoAvailableChanged(bool available);

private:
    void refreshList();
    void setCurrent(const QString &id);
    void showError(const QString &text);
    void showInfo(const QString &text);

    AppContext m_context;
    ProfilesSidebar *m_sidebar;
    ProfilesPage *m_page;
    MessageBar *m_messages;
    QWidget *m_window;
    QString m_currentId;
    std::optional<ProfileStore::Removed> m_pending;
};

} // namespace Apinator::Ui
