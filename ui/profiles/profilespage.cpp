// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "profilespage.h"

#include "connectionresultview.h"
#include "connectiontest.h"
#include "productionguard.h"
#include "profileform.h"
#include "session/embeddeddefault.h"
#include "session/embeddedsandbox.h"
#include "widgets/environmentchip.h"
#include "widgets/icons.h"
#include "widgets/messagebar.h"
#include "widgets/textlabel.h"

#include <apinator/secretstore.h>

#include <QAction>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

ProfilesPage::ProfilesPage(const AppContext &context, EmbeddedDefault *embedded, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_embedded(embedded)
    , m_stack(new QStackedWidget(this))
    , m_title(new TextLabel(this))
    , m_chip(new EnvironmentChip(this))
    , m_note(new MessageBar(this))
    , m_message(new MessageBar(this))
    , m_form(new ProfileForm(this))
    , m_save(new QPushButton(icon(u"save"_s), tr("&Save"), this))
    , m_revert(new QPushButton(icon(u"revert"_s), tr("&Revert"), this))
    , m_test(new QPushButton(icon(u"connection"_s), tr("&Test connection"), this))
    , m_result(new ConnectionResultView(this))
    , m_tester(new ConnectionTest(context.http, this))
{
    setObjectName(u"profilesPage"_s);
    m_title->setObjectName(u"profileTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    m_note->setObjectName(u"sandboxNote"_s);
    m_note->setClosable(false);
    m_message->setObjectName(u"pageMessage"_s);
    m_save->setObjectName(u"saveButton"_s);
    m_save->setAccessibleName(tr("Save profile"));
    m_save->setToolTip(tr("Save the profile (Ctrl+S)"));
    m_revert->setObjectName(u"revertButton"_s);
    m_revert->setAccessibleName(tr("Revert changes"));
    m_test->setObjectName(u"testConnectionButton"_s);
    m_test->setAccessibleName(tr("Test connection"));
    m_test->setToolTip(tr("List the app's channels with these credentials: it proves the address, the app id, "
                          "the key and the secret together (Ctrl+T)"));
    m_result->setObjectName(u"connectionResult"_s);

    m_form->setValidator([this](const Profile &profile) { return m_context.profiles->validate(profile); });

    // The editor, scrollable so a small window still reaches every field.
    auto *editor = new QWidget;
    auto *editorLayout = new QVBoxLayout(editor);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addWidget(m_chip, 0, Qt::AlignVCenter);
    header->addStretch(1);
    editorLayout->addLayout(header);
    editorLayout->addWidget(m_note);
    editorLayout->addWidget(m_message);
    editorLayout->addWidget(m_form);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    editorLayout->addLayout(buttons);

    auto *connection = new QGroupBox(tr("Connection"), editor);
    auto *connectionLayout = new QVBoxLayout(connection);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addStretch(1);
    connectionLayout->addLayout(testRow);
    connectionLayout->addWidget(m_result);
    editorLayout->addWidget(connection);
    editorLayout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    // The editor takes the viewport's width. setWidget() lays it out once at its size hint
    // (Qt 6.4 does for a widget never resized); skipping that only moves the text layout to
    // the first show (89.11 M instructions to the first frame against 89.08 M).
    scroll->setWidgetResizable(true);
    scroll->setWidget(editor);
    // Labels wrap to the width: the page scrolls down, never sideways.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);

    auto *empty = new TextLabel(
        tr("No profile yet.\nAdd one with the + button, or import a .env file or an export."), this);
    empty->setObjectName(u"emptyPlaceholder"_s);
    empty->setAlignment(Qt::AlignCenter);
    empty->setForegroundRole(QPalette::PlaceholderText);

    m_stack->addWidget(empty);
    m_stack->addWidget(scroll);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    auto *saveAction = new QAction(this);
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(saveAction);
    connect(saveAction, &QAction::triggered, this, [this] {
        if (m_save->isEnabled())
            save();
    });
    auto *testAction = new QAction(this);
    testAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    testAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(testAction);
    connect(testAction, &QAction::triggered, this, &ProfilesPage::testConnection);

    connect(m_save, &QPushButton::clicked, this, &ProfilesPage::save);
    connect(m_revert, &QPushButton::clicked, this, &ProfilesPage::revert);
    connect(m_test, &QPushButton::clicked, this, &ProfilesPage::testConnection);
    connect(m_form, &ProfileForm::edited, this, [this] {
        refreshHeader();
        refreshButtons();
    });
    connect(m_tester, &ConnectionTest::finished, this, &ProfilesPage::onTestFinished);
    connect(m_context.sandbox, &EmbeddedSandbox::stateChanged, this, &ProfilesPage::refreshSandboxNote);
    // The store changes under us too: a port followed, the confirmation switch turned off.
    connect(m_context.profiles, &ProfileStore::changed, this, [this] {
        if (m_draft || m_profileId.isEmpty())
            return;
        const std::optional<Profile> stored = m_context.profiles->findById(m_profileId);
        if (!stored) {
            showProfile({});
        } else if (!m_form->isDirty() || stored->baseUrl != m_form->profile().baseUrl) {
            const bool secrets = m_form->secretsLoaded();
            const QByteArray secret = m_form->secret(), webhookSecret = m_form->webhookSecret();
            m_form->load(*stored, secrets);
            if (secrets)
                m_form->setSecrets(secret, webhookSecret);
        }
        refreshHeader();
        refreshSandboxNote();
        refreshButtons();
    });
    showProfile({});
}

ProfilesPage::~ProfilesPage() = default;

void ProfilesPage::showProfile(const QString &id)
{
    ++m_generation;
    m_tester->cancel();
    m_result->clear();
    m_message->hide();
    m_draft = false;
    const std::optional<Profile> profile = id.isEmpty() ? std::nullopt : m_context.profiles->findById(id);
    m_profileId = profile ? profile->id : QString();
    if (!profile) {
        m_stack->setCurrentIndex(0);
        return;
    }
    m_stack->setCurrentIndex(1);
    m_form->setSandboxManaged(profile->embeddedSandbox);
    m_form->load(*profile, false);
    readSecrets();
    refreshHeader();
    refreshSandboxNote();
    refreshButtons();
}

void ProfilesPage::showDraft(const ProfileDraft &draft, const QString &note)
{
    ++m_generation;
    m_tester->cancel();
    m_result->clear();
    m_draft = true;
    m_profileId = draft.profile.id;
    m_stack->setCurrentIndex(1);
    m_form->setSandboxManaged(false);
    m_form->load(draft.profile, true);
    m_form->setSecrets(draft.secret, draft.webhookSecret);
    if (note.isEmpty())
        m_message->hide();
    else
        m_message->showMessage(MessageBar::Kind::Info, note);
    refreshHeader();
    refreshSandboxNote();
    refreshButtons();
    m_form->fieldWidget(ProfileField::Name)->setFocus(Qt::OtherFocusReason);
}

bool ProfilesPage::hasUnsavedChanges() const
{
    return m_draft || (!m_profileId.isEmpty() && m_form->isDirty());
}

void ProfilesPage::readSecrets()
{
    const std::optional<Profile> profile = m_context.profiles->findById(m_profileId);
    if (!profile)
        return;
    // The sandbox's profile shows the sandbox's own secrets, whatever the keyring holds.
    if (const std::optional<Credentials> sandbox = m_embedded->sandboxCredentials(*profile)) {
        m_form->setSecrets(sandbox->secret, sandbox->webhookSecret);
        return;
    }
    // A keyring may take its time (or prompt): an answer for a profile no longer shown is dropped.
    const quint64 generation = m_generation;
    m_context.secrets->readBoth(m_profileId, this,
                                [this, generation](const SecretRead &secret, const SecretRead &webhookSecret) {
                                    if (generation != m_generation)
                                        return;
                                    if (!secret.ok() || !webhookSecret.ok())
                                        m_form->setSecretsError(secret.ok() ? webhookSecret.error : secret.error);
                                    else
                                        m_form->setSecrets(secret.value, webhookSecret.value);
                                    if (secret.ok() && !secret.found)
                                        m_form->revealIssue(ProfileField::Secret);
                                    refreshButtons();
                                });
}

bool ProfilesPage::save()
{
    // Saving before the secrets are read would store empty ones.
    if (m_profileId.isEmpty() || !m_form->secretsLoaded())
        return false;
    if (!m_form->validateAll())
        return false;
    const Profile profile = m_form->profile();
    const bool managed = profile.embeddedSandbox;
    const bool secretsChanged = m_draft || m_form->isDirty();
    const ProfileStore::Result result = m_draft ? m_context.profiles->add(profile) : m_context.profiles->update(profile);
    if (!result.changed()) {
        m_message->showMessage(MessageBar::Kind::Error, result.issues.constFirst().message);
        return false;
    }
    const QString id = profile.id;
    const QString name = profile.name;
    const QByteArray secret = m_form->secret();
    const QByteArray webhookSecret = m_form->webhookSecret();
    if (!managed && secretsChanged) {
        m_context.secrets->writeBoth(id, secret, webhookSecret, this, [this, name](const QString &error) {
            if (!error.isEmpty())
                m_message->showMessage(MessageBar::Kind::Error,
                                       tr("The secrets of “%1” could not be stored: %2").arg(name, error));
        });
    }
    // What was saved is what the form now holds: no read back from the keyring.
    ++m_generation;
    m_draft = false;
    m_profileId = id;
    m_message->hide();
    m_form->load(profile, true);
    m_form->setSecrets(secret, webhookSecret);
    refreshHeader();
    refreshSandboxNote();
    refreshButtons();
    if (!result.saveError.isEmpty())
        m_message->showMessage(MessageBar::Kind::Warning,
                               tr("Kept for this session only: %1").arg(result.saveError));
    Q_EMIT statusMessage(tr("Saved “%1”").arg(name));
    Q_EMIT profileSaved(id);
    return true;
}

void ProfilesPage::revert()
{
    if (m_draft) {
        m_draft = false;
        showProfile({});
        Q_EMIT draftDropped();
        return;
    }
    const QString id = m_profileId;
    m_profileId.clear();
    showProfile(id);
}

void ProfilesPage::testConnection()
{
    if (m_profileId.isEmpty() || m_tester->isRunning())
        return;
    // The form's values, saved or not: testing before saving is the point.
    const Profile profile = m_form->profile();
    const std::optional<Credentials> sandbox = m_embedded->sandboxCredentials(profile);
    const Credentials credentials =
        sandbox ? *sandbox : profile.credentials(m_form->secret(), m_form->webhookSecret());
    confirmSend(this, m_context.profiles, profile, tr("Send a test request (list its channels)"),
                [this, credentials, generation = m_generation](bool confirmed) {
                    if (!confirmed || generation != m_generation)
                        return;
                    m_result->showRunning(credentials.restBaseUrl());
                    m_test->setEnabled(false);
                    m_tester->run(credentials);
                });
}

void ProfilesPage::onTestFinished(const ConnectionReport &report)
{
    m_result->showReport(report);
    refreshButtons();
    Q_EMIT statusMessage(report.ok ? tr("Connection test passed") : tr("Connection test failed"));
}

void ProfilesPage::refreshHeader()
{
    const Profile profile = m_form->profile();
    m_title->setText(profile.name.isEmpty() ? tr("Unnamed profile") : profile.name);
    m_chip->setEnvironment(profile.environment);
}

void ProfilesPage::refreshButtons()
{
    const bool shown = !m_profileId.isEmpty();
    m_save->setEnabled(shown && m_form->secretsLoaded() && (m_draft || m_form->isDirty()));
    m_revert->setEnabled(shown && (m_draft || m_form->isDirty()));
    m_test->setEnabled(shown && m_form->secretsLoaded() && !m_tester->isRunning());
}

void ProfilesPage::refreshSandboxNote()
{
    const Profile profile = m_form->profile();
    if (m_profileId.isEmpty() || !profile.embeddedSandbox) {
        m_note->hide();
        return;
    }
    const EmbeddedSandbox *sandbox = m_context.sandbox;
    if (!sandbox->isRunning() && sandbox->stoppedReason().isEmpty()) {
        m_note->showMessage(MessageBar::Kind::Info, tr("Served by the console's built-in sandbox, starting…"));
        return;
    }
    const QString text =
        sandbox->isRunning()
            ? tr("Served by the console's built-in sandbox on 127.0.0.1:%1, running while the console runs. "
                 "Its app id, key and secrets are fixed: point your app or SDK at %2 with them.")
                  .arg(sandbox->port())
                  .arg(sandbox->baseUrl())
            : tr("Served by the console's built-in sandbox, which is not running: %1.").arg(sandbox->stoppedReason());
    m_note->showMessage(sandbox->isRunning() ? MessageBar::Kind::Info : MessageBar::Kind::Warning, text);
}

} // namespace Apinator::Ui
