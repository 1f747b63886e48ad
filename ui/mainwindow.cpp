// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "aboutdialog.h"
#include "keyringbanner.h"
#include "navigation.h"
#include "pagecontext.h"
#include "profiles/profileactions.h"
#include "profiles/profileform.h"
#include "profiles/profilespage.h"
#include "profiles/profilessidebar.h"
#include "session/activeprofile.h"
#include "session/authendpointsettings.h"
#include "session/embeddeddefault.h"
#include "session/sendlog.h"
#include "statusbarview.h"
#include "uisettings.h"
#include "widgets/icons.h"
#include "widgets/messagebar.h"
#include "widgets/textlabel.h"
#include "widgets/widgethelpers.h"

#include <apinator/secretstore.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {
constexpr auto ProfilesPageId = "profiles";
constexpr int ProfilesPageOrder = 90; // after the six pages still to come (Trigger 10 ... History 60)
} // namespace

MainWindow::MainWindow(const AppContext &context, EmbeddedDefault *embedded, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_embedded(embedded)
    , m_navigation(new Navigation(this))
    , m_keyringBanner(new MessageBar(this))
    , m_messages(new MessageBar(this))
    , m_sidebar(new ProfilesSidebar(this))
    , m_profilesPage(new ProfilesPage(context, embedded, this))
    , m_actions(nullptr)
    , m_status(new StatusBarView(context.sandbox, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_active(new ActiveProfile(context.profiles, context.secrets, this))
{
    setObjectName(u"mainWindow"_s);
    setWindowIcon(appIcon());
    m_messages->setObjectName(u"messages"_s);

    // Pages register and the last one is restored before any is built: only the page on
    // screen is built at start-up.
    m_navigation->holdBuilds(true);
    m_navigation->addPage(QLatin1StringView(ProfilesPageId), tr("Profiles"), u"profiles"_s, ProfilesPageOrder,
                          m_profilesPage);

    // Left: the pages, then the profiles; right: the page.
    auto *left = new QWidget(this);
    left->setObjectName(u"sidebar"_s);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 0, 6);
    auto *pagesTitle = new TextLabel(tr("Pages"), left);
    makeSectionHeading(pagesTitle);
    leftLayout->addWidget(pagesTitle);
    leftLayout->addWidget(m_navigation->list());
    leftLayout->addSpacing(6);
    leftLayout->addWidget(m_sidebar, 1);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 6, 6, 0);
    rightLayout->addWidget(m_navigation->stack());
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(left);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({260, 740});

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_keyringBanner);
    layout->addWidget(m_messages);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);
    setStatusBar(m_status);

    m_actions = new ProfileActions(context, m_sidebar, m_profilesPage, m_messages, this);
    // Only a vault can lose its keyring; a test's memory store needs no banner.
    if (auto *vault = qobject_cast<SecretVault *>(context.secrets))
        new KeyringBanner(vault, m_keyringBanner, this);

    registerPages(*m_navigation, PageContext{m_context, m_active, m_navigation, m_messages, new SendLog(this),
                                             new AuthEndpointSettings(this)});

    connect(m_actions, &ProfileActions::currentChanged, this, [this](const QString &id) {
        m_active->select(id);
        m_status->setProfile(m_context.profiles->findById(id));
        if (!id.isEmpty())
            m_context.settings->setLastProfileId(id);
        refreshTitle();
    });
    connect(m_context.profiles, &ProfileStore::changed, this, [this] {
        m_status->setProfile(m_context.profiles->findById(m_actions->currentId()));
        refreshTitle();
    });
    connect(m_embedded, &EmbeddedDefault::secretsStored, m_active, [this](const QString &id) {
        if (id == m_active->id())
            m_active->reload();
    });
    connect(m_profilesPage, &ProfilesPage::profileSaved, m_active, [this](const QString &id) {
        if (id == m_active->id())
            m_active->reload();
    });
    connect(m_profilesPage, &ProfilesPage::statusMessage, this,
            [this](const QString &message) { m_status->showMessage(message, 5000); });
    connect(m_navigation, &Navigation::currentChanged, this,
            [this](const QString &id) { m_context.settings->setLastPage(id); });
    connect(m_embedded, &EmbeddedDefault::problemChanged, this, [this] {
        if (!m_embedded->problem().isEmpty())
            m_messages->showMessage(MessageBar::Kind::Error, m_embedded->problem());
    });

    buildMenus();
    restoreLayout();
    m_navigation->holdBuilds(false);
    showStartupNotices();
    refreshTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *add = file->addAction(icon(u"add"_s), tr("&New profile"), m_actions, &ProfileActions::add);
    add->setObjectName(u"newProfileAction"_s);
    add->setShortcut(QKeySequence::New);
    QAction *import = file->addAction(icon(u"import"_s), tr("&Import profiles…"), m_actions,
                                      &ProfileActions::importWithDialog);
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    QAction *exportAction = file->addAction(icon(u"export"_s), tr("&Export profiles (without secrets)…"), m_actions,
                                            &ProfileActions::exportWithDialog);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_undoAction = edit->addAction(icon(u"undo"_s), tr("&Undo delete"), m_actions, &ProfileActions::undo);
    m_undoAction->setObjectName(u"undoDeleteAction"_s);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setEnabled(false);
    connect(m_actions, &ProfileActions::undoAvailableChanged, m_undoAction, &QAction::setEnabled);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addActions(m_navigation->actions());
    addActions(m_navigation->actions()); // Ctrl+N works with the menu bar hidden too
    go->addSeparator();
    QAction *switcher = go->addAction(icon(u"search"_s), tr("Switch &profile…"), m_actions,
                                      &ProfileActions::openSwitcher);
    switcher->setObjectName(u"switchProfileAction"_s);
    switcher->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    addAction(switcher);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(icon(u"info"_s), tr("&About Apinator Console"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::restoreLayout()
{
    UiSettings *settings = m_context.settings;
    if (!restoreGeometry(settings->windowGeometry())) {
        // First start: a comfortable size, never larger than the screen.
        QSize size(1100, 720);
        if (const QScreen *screen = QGuiApplication::primaryScreen())
            size = size.boundedTo(screen->availableSize() * 0.9);
        resize(size);
    }
    // Invalid or missing state is ignored by Qt: the defaults above stay.
    restoreState(settings->windowState());
    const QByteArray splitter = settings->mainSplitter();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    const QString page = settings->lastPage();
    if (page.isEmpty() || !m_navigation->showPage(page))
        m_navigation->showPage(QLatin1StringView(ProfilesPageId));
}

void MainWindow::saveLayout()
{
    UiSettings *settings = m_context.settings;
    settings->setWindowGeometry(saveGeometry());
    settings->setWindowState(saveState());
    settings->setMainSplitter(m_splitter->saveState());
    settings->setLastPage(m_navigation->currentId());
    settings->sync();
}

void MainWindow::selectInitialProfile(const QString &preferredId)
{
    const ProfileStore *store = m_context.profiles;
    QString id = preferredId;
    if (id.isEmpty() || store->indexOf(id) < 0)
        id = m_context.settings->lastProfileId();
    if (id.isEmpty() || store->indexOf(id) < 0)
        id = store->isEmpty() ? QString() : store->profiles().constFirst().id;
    m_actions->select(id);
}

void MainWindow::showStartupNotices()
{
    const ProfileStore::LoadResult &load = m_context.profileLoad;
    if (!load.ok)
        m_messages->showMessage(MessageBar::Kind::Error, load.message);
    else if (!m_embedded->problem().isEmpty())
        m_messages->showMessage(MessageBar::Kind::Error, m_embedded->problem());
}

void MainWindow::refreshTitle()
{
    // The profile's name only: never a key, never a secret.
    const std::optional<Profile> profile = m_context.profiles->findById(m_actions->currentId());
    setWindowTitle(profile ? tr("%1 — Apinator Console").arg(profile->name) : tr("Apinator Console"));
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Closing may wait for the secret store: m_closeReady marks the second, final close().
    if (!m_closeReady) {
        if (m_profilesPage->hasUnsavedChanges()) {
            const auto answer = QMessageBox::question(
                this, tr("Unsaved changes"), tr("Save the changes to “%1” before closing?")
                                                 .arg(m_profilesPage->form()->profile().name),
                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
            if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !m_profilesPage->save())) {
                event->ignore();
                return;
            }
        }
        saveLayout();
        if (m_actions->canUndo()) {
            // A deleted profile's secrets go once undo is no longer offered: wait for the store.
            event->ignore();
            m_actions->finishPendingRemoval([self = QPointer<MainWindow>(this)] {
                if (!self)
                    return;
                self->m_closeReady = true;
                self->close();
            });
            return;
        }
    }
    QMainWindow::closeEvent(event);
}

} // namespace Apinator::Ui
