// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "profileactions.h"

#include "profileform.h"
#include "profilespage.h"
#include "profilessidebar.h"
#include "profileswitcher.h"
#include "widgets/messagebar.h"

#include <apinator/profileio.h>
#include <apinator/secretstore.h>

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {

// The console's own export starts with '{'; anything else is read as a .env file.
bool looksLikeExport(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(4096).trimmed();
    return head.startsWith('{') || head.startsWith("\xEF\xBB\xBF{");
}

} // namespace

ProfileActions::ProfileActions(const AppContext &context, ProfilesSidebar *sidebar, ProfilesPage *page,
                               MessageBar *messages, QWidget *window)
    : QObject(window)
    , m_context(context)
    , m_sidebar(sidebar)
    , m_page(page)
    , m_messages(messages)
    , m_window(window)
{
    connect(m_context.profiles, &ProfileStore::changed, this, &ProfileActions::refreshList);
    connect(m_sidebar, &ProfilesSidebar::currentChanged, this, [this](const QString &id) {
        if (!select(id))
            m_sidebar->setCurrentId(m_page->isDraft() ? QString() : m_currentId);
    });
    connect(m_sidebar, &ProfilesSidebar::addRequested, this, &ProfileActions::add);
    connect(m_sidebar, &ProfilesSidebar::duplicateRequested, this, &ProfileActions::duplicate);
    connect(m_sidebar, &ProfilesSidebar::deleteRequested, this, &ProfileActions::remove);
    connect(m_sidebar, &ProfilesSidebar::moveRequested, this, &ProfileActions::move);
    connect(m_sidebar, &ProfilesSidebar::importRequested, this, &ProfileActions::importWithDialog);
    connect(m_sidebar, &ProfilesSidebar::exportRequested, this, &ProfileActions::exportWithDialog);
    connect(m_page, &ProfilesPage::profileSaved, this, [this](const QString &id) {
        m_sidebar->setCurrentId(id);
        setCurrent(id);
    });
    connect(m_page, &ProfilesPage::draftDropped, this, [this] {
        const QStringList ids = m_sidebar->ids();
        select(ids.contains(m_currentId) ? m_currentId : ids.value(0));
    });
    // Closing the "Deleted" message ends the chance to undo.
    connect(m_messages, &MessageBar::closed, this, [this] { finishPendingRemoval(); });
    refreshList();
}

ProfileActions::~ProfileActions() = default;

void ProfileActions::refreshList()
{
    m_sidebar->setProfiles(m_context.profiles->profiles());
    m_sidebar->setCurrentId(m_page->isDraft() ? QString() : m_currentId);
}

void ProfileActions::setCurrent(const QString &id)
{
    if (m_currentId == id)
        return;
    m_currentId = id;
    Q_EMIT currentChanged(id);
}

bool ProfileActions::select(const QString &id)
{
    if (!m_page->isDraft() && id == m_page->profileId() && id == m_currentId)
        return true;
    // The one modal question of the window: losing typed credentials silently would be worse.
    if (m_page->hasUnsavedChanges()) {
        const QString name = m_page->form()->profile().name;
        const auto answer = QMessageBox::question(
            m_window, tr("Unsaved changes"),
            tr("“%1” has changes that are not saved.").arg(name.isEmpty() ? tr("New profile") : name),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !m_page->save()))
            return false;
    }
    m_page->showProfile(id);
    m_sidebar->setCurrentId(m_page->profileId());
    setCurrent(m_page->profileId());
    return true;
}

void ProfileActions::add()
{
    if (m_page->hasUnsavedChanges() && !select(m_currentId))
        return;
    Profile profile = Profile::create();
    profile.name = m_context.profiles->uniqueName(tr("New profile"));
    profile.cluster = u"eu"_s;
    m_page->showDraft({profile, {}, {}}, tr("A new profile: fill in the app's credentials from its dashboard, "
                                            "then Save."));
    m_sidebar->setCurrentId({});
    setCurrent({});
}

void ProfileActions::duplicate(const QString &id)
{
    QString saveError;
    const std::optional<Profile> copy = m_context.profiles->duplicate(id, &saveError);
    if (!copy)
        return;
    if (!saveError.isEmpty())
        showError(tr("Kept for this session only: %1").arg(saveError));
    // Shown once its secrets are there too, so the form never flashes "secret is empty".
    const QString name = copy->name;
    const QString copyId = copy->id;
    m_context.secrets->copyBoth(id, copyId, this, [this, name, copyId](const QString &error) {
        if (!error.isEmpty())
            showError(tr("The secrets were not copied to “%1”: %2").arg(name, error));
        if (m_context.profiles->indexOf(copyId) >= 0)
            select(copyId);
    });
}

void ProfileActions::remove(const QString &id)
{
    if (!m_context.profiles->findById(id))
        return;
    // Only one deletion can be undone: the one before it is final now.
    finishPendingRemoval();
    std::optional<ProfileStore::Removed> removed = m_context.profiles->remove(id);
    if (!removed)
        return;
    const QString name = removed->profile.name;
    m_pending = std::move(removed);
    const QStringList ids = m_sidebar->ids();
    if (m_currentId == id || m_page->profileId() == id) {
        const qsizetype index = qMin(m_pending->index, qsizetype(ids.size()) - 1);
        m_page->showProfile(index >= 0 ? ids.at(index) : QString());
        m_sidebar->setCurrentId(m_page->profileId());
        setCurrent(m_page->profileId());
    }
    m_messages->showMessage(MessageBar::Kind::Info, tr("Deleted “%1”.").arg(name));
    if (!m_pending->saveError.isEmpty())
        m_messages->showMessage(MessageBar::Kind::Warning,
                                tr("Deleted “%1” for this session only: %2").arg(name, m_pending->saveError));
    QPushButton *undoButton = m_messages->addAction(tr("&Undo"), tr("Undo deleting %1").arg(name));
    undoButton->setObjectName(u"undoDeleteButton"_s);
    connect(undoButton, &QPushButton::clicked, this, &ProfileActions::undo);
    Q_EMIT undoAvailableChanged(true);
}

void ProfileActions::undo()
{
    if (!m_pending)
        return;
    const ProfileStore::Removed removed = std::move(*m_pending);
    m_pending.reset();
    Q_EMIT undoAvailableChanged(false);
    m_messages->hide();
    const ProfileStore::Result result = m_context.profiles->add(removed.profile, removed.index);
    if (!result.changed()) {
        showError(tr("“%1” could not be restored: %2").arg(removed.profile.name, result.issues.constFirst().message));
        return;
    }
    if (!result.saveError.isEmpty())
        showError(tr("Restored for this session only: %1").arg(result.saveError));
    select(removed.profile.id);
}

void ProfileActions::finishPendingRemoval(std::function<void()> done)
{
    if (!m_pending) {
        if (done)
            done();
        return;
    }
    const QString id = m_pending->profile.id;
    m_pending.reset();
    Q_EMIT undoAvailableChanged(false);
    if (m_messages->findChild<QPushButton *>(u"undoDeleteButton"_s))
        m_messages->hide();
    // The store answers even when this object is gone (null context): the secrets must go.
    m_context.secrets->removeBoth(id, nullptr, [done = std::move(done)](const QString &) {
        if (done)
            done();
    });
}

void ProfileActions::move(const QString &id, qsizetype toIndex)
{
    if (const QString error = m_context.profiles->move(id, toIndex); !error.isEmpty())
        showError(error);
    m_sidebar->setCurrentId(id);
}

void ProfileActions::importFile(const QString &path)
{
    const QString fileName = QFileInfo(path).fileName();
    const ProfileImport imported = ProfileIo::readFile(path);
    if (!imported.ok()) {
        showError(tr("Nothing was imported from %1: %2").arg(fileName, imported.error));
        return;
    }
    // A .env names one app and may leave fields out: the form shows what is missing.
    if (imported.drafts.size() == 1 && !looksLikeExport(path)) {
        const ProfileDraft &draft = imported.drafts.constFirst();
        if (!m_context.profiles->validate(draft.profile).isEmpty() || !Profile::secretError(draft.secret).isEmpty()) {
            m_page->showDraft(draft, tr("Imported from %1. Complete the fields marked below, then Save.")
                                         .arg(fileName));
            m_page->form()->validateAll();
            m_sidebar->setCurrentId({});
            setCurrent({});
            return;
        }
    }
    QList<Profile> profiles;
    for (const ProfileDraft &draft : imported.drafts)
        profiles << draft.profile;
    const ProfileStore::AddAllResult added = m_context.profiles->addAll(profiles);
    if (!added.issues.isEmpty()) {
        showError(tr("Nothing was imported from %1: %2").arg(fileName, added.issues.constFirst().message));
        return;
    }
    // addAll may give fresh ids: secrets follow the drafts in order.
    for (qsizetype i = 0; i < added.added.size() && i < imported.drafts.size(); ++i) {
        const ProfileDraft &draft = imported.drafts.at(i);
        if (!draft.secret.isEmpty() || !draft.webhookSecret.isEmpty())
            m_context.secrets->writeBoth(added.added.at(i).id, draft.secret, draft.webhookSecret, this,
                                         [this](const QString &error) {
                                             if (!error.isEmpty())
                                                 showError(tr("Imported, but the secrets could not be stored: %1")
                                                               .arg(error));
                                         });
    }
    if (!added.added.isEmpty())
        select(added.added.constFirst().id);
    QString text = added.added.size() == 1
                       ? tr("Imported “%1” from %2.").arg(added.added.constFirst().name, fileName)
                       : tr("Imported %1 profiles from %2.").arg(added.added.size()).arg(fileName);
    if (looksLikeExport(path))
        text += u' ' + tr("An export holds no secrets: enter them on each profile.");
    if (!added.saveError.isEmpty())
        text += u' ' + tr("Kept for this session only: %1").arg(added.saveError);
    m_messages->showMessage(added.saveError.isEmpty() ? MessageBar::Kind::Success : MessageBar::Kind::Warning, text);
}

void ProfileActions::exportTo(const QString &path)
{
    const QList<Profile> &profiles = m_context.profiles->profiles();
    if (const QString error = ProfileIo::writeExportFile(path, profiles); !error.isEmpty()) {
        showError(error);
        return;
    }
    const QString count = profiles.size() == 1 ? tr("1 profile") : tr("%1 profiles").arg(profiles.size());
    m_messages->showMessage(MessageBar::Kind::Success, tr("Exported %1 to %2. The file holds no secret.")
                                                           .arg(count, QDir::toNativeSeparators(path)));
}

void ProfileActions::importWithDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Import profiles"), QDir::homePath(),
        tr("Profiles (*.json *.env .env*);;All files (*)"), nullptr, QFileDialog::DontUseNativeDialog);
    if (!path.isEmpty())
        importFile(path);
}

void ProfileActions::exportWithDialog()
{
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export profiles (without secrets)"),
                                                QDir::homePath() + u"/apinator-profiles.json"_s,
                                                tr("JSON (*.json)"), nullptr, QFileDialog::DontUseNativeDialog);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += u".json"_s;
    exportTo(path);
}

void ProfileActions::openSwitcher()
{
    auto *switcher = new ProfileSwitcher(m_context.profiles->profiles(), m_currentId, m_window);
    switcher->setAttribute(Qt::WA_DeleteOnClose);
    connect(switcher, &ProfileSwitcher::profileChosen, this, [this](const QString &id) { select(id); });
    switcher->open();
}

void ProfileActions::showError(const QString &text)
{
    m_messages->showMessage(MessageBar::Kind::Error, text);
}

void ProfileActions::showInfo(const QString &text)
{
    m_messages->showMessage(MessageBar::Kind::Info, text);
}

} // namespace Apinator::Ui
