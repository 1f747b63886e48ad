// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/profile.h>

#include <QHash>
#include <QSet>
#include <QWidget>

#include <functional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QMenu;
class QPlainTextEdit;
class QRadioButton;

namespace Apinator::Ui {

// The fields of one profile with inline validation: each message sits under its field
// and says what is wrong. Shown for a field once the user has left it, and for all of
// them after a save attempt. Knows nothing of stores: the page loads and saves.
class ProfileForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileForm)
public:
    using Validator = std::function<QList<ProfileIssue>(const Profile &)>;

    explicit ProfileForm(QWidget *parent = nullptr);

    // Profile-level checks (the page adds the store's "name already used").
    void setValidator(Validator validator);

    // Fills every field. secretsLoaded false: the secret fields wait (setSecrets follows).
    void load(const Profile &profile, bool secretsLoaded);
    void setSecrets(const QByteArray &secret, const QByteArray &webhookSecret);
    // The secrets could not be read: the fields stay editable and say why.
    void setSecretsError(const QString &error);
    bool secretsLoaded() const { return m_secretsLoaded; }
    // The embedded sandbox's profile: credentials and location are the sandbox's, read-only.
    void setSandboxManaged(bool managed);

    // The loaded profile with the fields' values.
    Profile profile() const;
    QByteArray secret() const;
    QByteArray webhookSecret() const;
    // Everything wrong, secrets included, in form order.
    QList<ProfileIssue> issues() const;
    bool isDirty() const;

    // Shows the message of one field now, as if the user had left it (a saved profile
    // whose secret is missing from the keyring).
    void revealIssue(ProfileField field);
    // Shows every message and focuses the first wrong field; true when nothing is wrong.
    bool validateAll();
    // The message shown under a field now (empty when none is shown).
    QString shownError(ProfileField field) const;
    QWidget *fieldWidget(ProfileField field) const;

Q_SIGNALS:
    // Any field changed by the user.
    void edited();

private:
    QLabel *addErrorRow(QFormLayout *form, ProfileField field);
    QLineEdit *addSecretEdit(const QString &objectName, const QString &accessibleName);
    void touch(ProfileField field);
    void onEdited();
    void refreshErrors();
    void updateLocationMode();
    void updateConfirmSwitch();
    void showKnownClusters();
    bool eventFilter(QObject *watched, QEvent *event) override;

    Validator m_validator;
    Profile m_loaded;
    QByteArray m_loadedSecret;
    QByteArray m_loadedWebhookSecret;
    bool m_secretsLoaded = false;
    QString m_secretsError;
    bool m_managed = false;
    bool m_filling = false;
    QSet<int> m_touched; // ProfileField values (Qt 6.4 has no qHash for enums)

    QLineEdit *m_name;
    QComboBox *m_environment;
    QCheckBox *m_confirm;
    QLineEdit *m_appId;
    QLineEdit *m_key;
    QLineEdit *m_secret;
    QLineEdit *m_webhookSecret;
    QLabel *m_webhookHint;
    QRadioButton *m_clusterRadio;
    QLineEdit *m_cluster;      // a cluster name, with the known ones a click away
    QMenu *m_clusterMenu = nullptr; // made on first use
    QRadioButton *m_baseUrlRadio;
    QLineEdit *m_baseUrl;
    QButtonGroup *m_locationGroup;
    QPlainTextEdit *m_notes;
    QHash<int, QLabel *> m_errors;
};

} // namespace Apinator::Ui
