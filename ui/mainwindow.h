// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "appcontext.h"

#include <QMainWindow>

class QAction;
class QSplitter;

namespace Apinator::Ui {

class ActiveProfile;
class EmbeddedDefault;
class MessageBar;
class Navigation;
class ProfileActions;
class ProfilesPage;
class ProfilesSidebar;
class StatusBarView;

// The console's window: pages on the right (only those that exist), the pages list and
// the profiles on the left, banners on top, the status bar below. Everything it works
// with comes in through the AppContext.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    // embedded: the embedded-default keeper built at start-up (it outlives the window).
    MainWindow(const AppContext &context, EmbeddedDefault *embedded, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Selects the profile shown at start: the last one used, else the first.
    void selectInitialProfile(const QString &preferredId = {});

    Navigation *navigation() const { return m_navigation; }
    ProfilesSidebar *sidebar() const { return m_sidebar; }
    ProfilesPage *profilesPage() const { return m_profilesPage; }
    ProfileActions *profileActions() const { return m_actions; }
    StatusBarView *statusBarView() const { return m_status; }
    MessageBar *keyringBanner() const { return m_keyringBanner; }
    MessageBar *messages() const { return m_messages; }
    QSplitter *splitter() const { return m_splitter; }
    ActiveProfile *activeProfile() const { return m_active; }

    void showAbout();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void restoreLayout();
    void saveLayout();
    void refreshTitle();
    void showStartupNotices();

    AppContext m_context;
    EmbeddedDefault *m_embedded;
    Navigation *m_navigation;
    MessageBar *m_keyringBanner;
    MessageBar *m_messages;
    ProfilesSidebar *m_sidebar;
    ProfilesPage *m_profilesPage;
    ProfileActions *m_actions;
    StatusBarView *m_status;
    QSplitter *m_splitter;
    ActiveProfile *m_active;
    QAction *m_undoAction = nullptr;
    bool m_closeReady = false;
};

} // namespace Apinator::Ui
