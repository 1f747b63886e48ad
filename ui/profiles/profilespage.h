// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "appcontext.h"

#include <apinator/profileio.h>

#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace Apinator::Ui {

class ConnectionResultView;
class ConnectionTest;
class EmbeddedDefault;
class EnvironmentChip;
class MessageBar;
class ProfileForm;
struct ConnectionReport;

// The "Profiles" page: the selected profile's fields (inline validation), Save and
// Revert, and Test connection with its result. Unsaved new profiles (Add, an import
// that needs fixing) are drafts until saved.
class ProfilesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilesPage)
public:
    ProfilesPage(const AppContext &context, EmbeddedDefault *embedded, QWidget *parent = nullptr);
    ~ProfilesPage() override;

    // Shows a saved profile (empty id: the "no profile" placeholder).
    void showProfile(const QString &id);
    // Shows an unsaved profile; note (optional) says where it came from and what to fix.
    void showDraft(const ProfileDraft &draft, const QString &note = {});

    QString profileId() const { return m_profileId; }
    bool isDraft() const { return m_draft; }
    bool hasUnsavedChanges() const;

    // Validates, then adds or updates the profile and writes its secrets. False when a
    // field is wrong (the form says which) or the store refused.
    bool save();
    // Back to the saved values; a draft is dropped.
    void revert();
    void testConnection();

    ProfileForm *form() const { return m_form; }
    ConnectionResultView *connectionView() const { return m_result; }

Q_SIGNALS:
    // A draft became a saved profile, or a profile was saved.
    void profileSaved(const QString &id);
    void draftDropped();
    // One line for the status bar.
    void statusMessage(const QString &message);

private:
    void refreshHeader();
    void refreshButtons();
    void refreshSandboxNote();
    void readSecrets();
    void onTestFinished(const ConnectionReport &report);

    AppContext m_context;
    EmbeddedDefault *m_embedded;
    QString m_profileId;
    bool m_draft = false;
    quint64 m_generation = 0; // drops secret reads meant for a profile no longer shown

    QStackedWidget *m_stack;
    QLabel *m_title;
    EnvironmentChip *m_chip;
    MessageBar *m_note;
    MessageBar *m_message;
    ProfileForm *m_form;
    QPushButton *m_save;
    QPushButton *m_revert;
    QPushButton *m_test;
    ConnectionResultView *m_result;
    ConnectionTest *m_tester;
};

} // namespace Apinator::Ui
