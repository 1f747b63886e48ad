// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "profileform.h"

#include "widgets/environmentchip.h"
#include "widgets/icons.h"
#include "widgets/textlabel.h"

#include <QAction>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRadioButton>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {

int key(ProfileField field)
{
    return int(field);
}

// The label's text in the form and the accessible name of its control.
QString fieldLabel(ProfileField field)
{
    switch (field) {
    case ProfileField::Name:
        return QObject::tr("Name");
    case ProfileField::AppId:
        return QObject::tr("App id");
    case ProfileField::Key:
        return QObject::tr("Key");
    case ProfileField::Secret:
        return QObject::tr("Secret");
    case ProfileField::WebhookSecret:
        return QObject::tr("Webhook secret");
    case ProfileField::Cluster:
        return QObject::tr("Cluster");
    case ProfileField::BaseUrl:
        return QObject::tr("Base URL");
    case ProfileField::Environment:
        return QObject::tr("Environment");
    case ProfileField::Notes:
        return QObject::tr("Notes");
    }
    return {};
}

QLineEdit *lineEdit(QWidget *parent, const QString &objectName, ProfileField field)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(fieldLabel(field));
    return edit;
}

} // namespace

ProfileForm::ProfileForm(QWidget *parent)
    : QWidget(parent)
    , m_name(lineEdit(this, u"nameEdit"_s, ProfileField::Name))
    , m_environment(new QComboBox(this))
    , m_confirm(new QCheckBox(tr("Ask before sending anything with this profile"), this))
    , m_appId(lineEdit(this, u"appIdEdit"_s, ProfileField::AppId))
    , m_key(lineEdit(this, u"keyEdit"_s, ProfileField::Key))
    , m_secret(addSecretEdit(u"secretEdit"_s, fieldLabel(ProfileField::Secret)))
    , m_webhookSecret(addSecretEdit(u"webhookSecretEdit"_s, fieldLabel(ProfileField::WebhookSecret)))
    , m_webhookHint(new TextLabel(tr("Optional: when empty, the secret is used."), this))
    , m_clusterRadio(new QRadioButton(tr("Cluster"), this))
    , m_cluster(new QLineEdit(this))
    , m_baseUrlRadio(new QRadioButton(tr("Custom base URL"), this))
    , m_baseUrl(lineEdit(this, u"baseUrlEdit"_s, ProfileField::BaseUrl))
    , m_locationGroup(new QButtonGroup(this))
    , m_notes(new QPlainTextEdit(this))
{
    m_name->setMaxLength(int(Profile::MaxNameLength));
    for (Environment environment : AllEnvironments)
        m_environment->addItem(environmentIcon(environment), environmentTitle(environment),
                               environmentName(environment));
    m_environment->setObjectName(u"environmentCombo"_s);
    m_environment->setAccessibleName(fieldLabel(ProfileField::Environment));
    m_confirm->setObjectName(u"confirmCheck"_s);
    m_confirm->setAccessibleName(m_confirm->text());
    m_confirm->setToolTip(tr("Production profiles ask, naming the profile, before anything is sent."));
    m_appId->setPlaceholderText(tr("123"));
    m_key->setPlaceholderText(tr("app_key_1"));
    m_webhookSecret->setPlaceholderText(tr("Empty: the secret is used"));
    m_webhookHint->setObjectName(u"webhookHint"_s);
    m_webhookHint->setForegroundRole(QPalette::PlaceholderText);

    m_clusterRadio->setObjectName(u"clusterRadio"_s);
    m_clusterRadio->setAccessibleName(tr("Use a cluster"));
    m_baseUrlRadio->setObjectName(u"baseUrlRadio"_s);
    m_baseUrlRadio->setAccessibleName(tr("Use a custom base URL"));
    m_locationGroup->addButton(m_clusterRadio);
    m_locationGroup->addButton(m_baseUrlRadio);
    // A line edit, not an editable combo box: any [a-z0-9-]+ name is valid, and the combo
    // box's line edit, completer and popup cost 2 % of the window's first frame.
    m_cluster->setObjectName(u"clusterEdit"_s);
    m_cluster->setAccessibleName(fieldLabel(ProfileField::Cluster));
    m_cluster->setPlaceholderText(tr("eu, us or your cluster's name"));
    QAction *known = m_cluster->addAction(icon(u"chevron-down"_s), QLineEdit::TrailingPosition);
    known->setObjectName(u"knownClustersAction"_s);
    known->setToolTip(tr("Known clusters (Alt+Down)"));
    connect(known, &QAction::triggered, this, &ProfileForm::showKnownClusters);
    m_cluster->installEventFilter(this);
    m_baseUrl->setPlaceholderText(u"http://127.0.0.1:6001"_s);

    m_notes->setObjectName(u"notesEdit"_s);
    m_notes->setAccessibleName(fieldLabel(ProfileField::Notes));
    m_notes->setTabChangesFocus(true); // Tab leaves the field like every other one
    m_notes->setPlaceholderText(tr("Anything to remember about this app"));
    m_notes->setFixedHeight(m_notes->fontMetrics().lineSpacing() * 4 + 12);

    // Each message has its own row under its field: the form grows down, never sideways.
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow); // messages use the full width
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);

    const auto addRow = [&](ProfileField field, QWidget *widget) {
        auto *label = new TextLabel(fieldLabel(field) + u':', this);
        label->setBuddy(widget);
        form->addRow(label, widget);
    };
    addRow(ProfileField::Name, m_name);
    addErrorRow(form, ProfileField::Name);
    auto *environmentRow = new QHBoxLayout;
    environmentRow->addWidget(m_environment);
    environmentRow->addWidget(m_confirm, 1);
    auto *environmentLabel = new TextLabel(fieldLabel(ProfileField::Environment) + u':', this);
    environmentLabel->setBuddy(m_environment);
    form->addRow(environmentLabel, environmentRow);
    addRow(ProfileField::AppId, m_appId);
    addErrorRow(form, ProfileField::AppId);
    addRow(ProfileField::Key, m_key);
    addErrorRow(form, ProfileField::Key);
    addRow(ProfileField::Secret, m_secret);
    addErrorRow(form, ProfileField::Secret);
    addRow(ProfileField::WebhookSecret, m_webhookSecret);
    form->addRow(QString(), m_webhookHint);
    addErrorRow(form, ProfileField::WebhookSecret);

    auto *clusterRow = new QHBoxLayout;
    clusterRow->addWidget(m_clusterRadio);
    clusterRow->addWidget(m_cluster, 1);
    form->addRow(new TextLabel(tr("Server:"), this), clusterRow);
    addErrorRow(form, ProfileField::Cluster);
    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_baseUrlRadio);
    urlRow->addWidget(m_baseUrl, 1);
    form->addRow(QString(), urlRow);
    addErrorRow(form, ProfileField::BaseUrl);
    addRow(ProfileField::Notes, m_notes);

    for (QLineEdit *edit : {m_name, m_appId, m_key, m_secret, m_webhookSecret, m_cluster, m_baseUrl})
        connect(edit, &QLineEdit::textChanged, this, &ProfileForm::onEdited);
    connect(m_name, &QLineEdit::editingFinished, this, [this] { touch(ProfileField::Name); });
    connect(m_appId, &QLineEdit::editingFinished, this, [this] { touch(ProfileField::AppId); });
    connect(m_key, &QLineEdit::editingFinished, this, [this] { touch(ProfileField::Key); });
    connect(m_secret, &QLineEdit::editingFinished, this, [this] { touch(ProfileField::Secret); });
    connect(m_webhookSecret, &QLineEdit::editingFinished, this, [this] { touch(ProfileField::WebhookSecret); });
    connect(m_baseUrl, &QLineEdit::editingFinished, this, [this] { touch(ProfileField::BaseUrl); });
    connect(m_cluster, &QLineEdit::editingFinished, this, [this] { touch(ProfileField::Cluster); });
    connect(m_environment, &QComboBox::currentIndexChanged, this, [this] {
        updateConfirmSwitch();
        onEdited();
    });
    connect(m_confirm, &QCheckBox::toggled, this, &ProfileForm::onEdited);
    connect(m_locationGroup, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool checked) {
        if (!checked)
            return;
        updateLocationMode();
        onEdited();
    });
    connect(m_notes, &QPlainTextEdit::textChanged, this, &ProfileForm::onEdited);

    // Form order; the list-taking setTabOrder() is Qt 6.6+.
    const QList<QWidget *> order{m_name,          m_environment,  m_confirm, m_appId,        m_key,     m_secret,
                                 m_webhookSecret, m_clusterRadio, m_cluster, m_baseUrlRadio, m_baseUrl, m_notes};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
    m_clusterRadio->setChecked(true);
    updateLocationMode();
    updateConfirmSwitch();
}

QLabel *ProfileForm::addErrorRow(QFormLayout *form, ProfileField field)
{
    auto *label = new WrappingLabel(this);
    label->setObjectName(profileFieldName(field).remove(u' ') + u"Error"_s);
    label->setTextFormat(Qt::PlainText);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, environmentColor(Environment::Production));
    label->setPalette(p);
    label->hide();
    form->addRow(QString(), label);
    m_errors.insert(key(field), label);
    return label;
}

QLineEdit *ProfileForm::addSecretEdit(const QString &objectName, const QString &accessibleName)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setEchoMode(QLineEdit::Password);
    QAction *reveal = edit->addAction(icon(u"eye"_s), QLineEdit::TrailingPosition);
    reveal->setCheckable(true);
    reveal->setToolTip(tr("Show the %1").arg(accessibleName.toLower()));
    connect(reveal, &QAction::toggled, edit, [edit, reveal](bool shown) {
        edit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        reveal->setIcon(icon(shown ? u"eye-off"_s : u"eye"_s));
    });
    return edit;
}

void ProfileForm::setValidator(Validator validator)
{
    m_validator = std::move(validator);
    refreshErrors();
}

void ProfileForm::load(const Profile &profile, bool secretsLoaded)
{
    m_filling = true;
    m_loaded = profile;
    m_touched.clear();
    m_secretsError.clear();
    m_name->setText(profile.name);
    m_environment->setCurrentIndex(m_environment->findData(environmentName(profile.environment)));
    m_confirm->setChecked(profile.confirmBeforeSend);
    m_appId->setText(profile.appId);
    m_key->setText(profile.key);
    const bool useUrl = !profile.baseUrl.isEmpty();
    (useUrl ? m_baseUrlRadio : m_clusterRadio)->setChecked(true);
    m_cluster->setText(profile.cluster.isEmpty() && !useUrl ? u"eu"_s : profile.cluster);
    m_baseUrl->setText(profile.baseUrl);
    m_notes->setPlainText(profile.notes);
    m_secretsLoaded = secretsLoaded;
    m_loadedSecret.clear();
    m_loadedWebhookSecret.clear();
    m_secret->clear();
    m_webhookSecret->clear();
    // Until the store answers, the secret fields are disabled: an empty field must never be
    // saved over a real secret.
    m_secret->setPlaceholderText(secretsLoaded ? QString() : tr("Reading from the keyring…"));
    m_secret->setEnabled(secretsLoaded);
    m_webhookSecret->setEnabled(secretsLoaded);
    m_filling = false;
    updateLocationMode();
    updateConfirmSwitch();
    refreshErrors();
}

void ProfileForm::setSecrets(const QByteArray &secret, const QByteArray &webhookSecret)
{
    m_filling = true;
    m_loadedSecret = secret;
    m_loadedWebhookSecret = webhookSecret;
    m_secret->setText(QString::fromUtf8(secret));
    m_webhookSecret->setText(QString::fromUtf8(webhookSecret));
    m_secret->setPlaceholderText(QString());
    m_secretsLoaded = true;
    m_secret->setEnabled(true);
    m_webhookSecret->setEnabled(true);
    m_filling = false;
    refreshErrors();
}

void ProfileForm::setSecretsError(const QString &error)
{
    setSecrets({}, {});
    m_secretsError = tr("The secrets could not be read: %1").arg(error);
    refreshErrors();
}

void ProfileForm::setSandboxManaged(bool managed)
{
    m_managed = managed;
    for (QLineEdit *edit : {m_appId, m_key, m_secret, m_webhookSecret, m_baseUrl})
        edit->setReadOnly(managed);
    // The sandbox serves fixed credentials; the name and notes stay the user's.
    m_environment->setEnabled(!managed);
    m_clusterRadio->setEnabled(!managed);
    m_baseUrlRadio->setEnabled(!managed);
    updateLocationMode();
}

Profile ProfileForm::profile() const
{
    Profile p = m_loaded;
    p.name = m_name->text().trimmed();
    p.environment = environmentFromName(m_environment->currentData().toString()).value_or(p.environment);
    p.confirmBeforeSend = m_confirm->isChecked();
    p.appId = m_appId->text().trimmed();
    p.key = m_key->text().trimmed();
    // Only the chosen location is kept, so the other cannot silently win later.
    if (m_baseUrlRadio->isChecked()) {
        p.baseUrl = m_baseUrl->text().trimmed();
        p.cluster.clear();
    } else {
        p.cluster = m_cluster->text().trimmed();
        p.baseUrl.clear();
    }
    p.notes = m_notes->toPlainText();
    return p;
}

QByteArray ProfileForm::secret() const
{
    return m_secret->text().toUtf8();
}

QByteArray ProfileForm::webhookSecret() const
{
    return m_webhookSecret->text().toUtf8();
}

QList<ProfileIssue> ProfileForm::issues() const
{
    const Profile p = profile();
    QList<ProfileIssue> found = m_validator ? m_validator(p) : p.validate();
    // The sandbox's own secrets are not the user's to fill in.
    if (m_secretsLoaded && !m_managed) {
        if (const QString e = Profile::secretError(secret()); !e.isEmpty())
            found.append({ProfileField::Secret, e});
        if (const QString e = Profile::webhookSecretError(webhookSecret()); !e.isEmpty())
            found.append({ProfileField::WebhookSecret, e});
    }
    return found;
}

bool ProfileForm::isDirty() const
{
    return profile() != m_loaded || secret() != m_loadedSecret || webhookSecret() != m_loadedWebhookSecret;
}

void ProfileForm::revealIssue(ProfileField field)
{
    m_touched.insert(key(field));
    refreshErrors();
}

bool ProfileForm::validateAll()
{
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it)
        m_touched.insert(it.key());
    m_touched.insert(key(ProfileField::Cluster));
    refreshErrors();
    const QList<ProfileIssue> found = issues();
    if (found.isEmpty())
        return true;
    if (QWidget *w = fieldWidget(found.constFirst().field))
        w->setFocus(Qt::OtherFocusReason);
    return false;
}

QString ProfileForm::shownError(ProfileField field) const
{
    const QLabel *label = m_errors.value(key(field));
    return label && !label->isHidden() ? label->text() : QString();
}

QWidget *ProfileForm::fieldWidget(ProfileField field) const
{
    switch (field) {
    case ProfileField::Name:
        return m_name;
    case ProfileField::AppId:
        return m_appId;
    case ProfileField::Key:
        return m_key;
    case ProfileField::Secret:
        return m_secret;
    case ProfileField::WebhookSecret:
        return m_webhookSecret;
    case ProfileField::Cluster:
        return m_cluster;
    case ProfileField::BaseUrl:
        return m_baseUrl;
    case ProfileField::Environment:
        return m_environment;
    case ProfileField::Notes:
        return m_notes;
    }
    return nullptr;
}

void ProfileForm::touch(ProfileField field)
{
    if (m_filling || m_touched.contains(key(field)))
        return;
    m_touched.insert(key(field));
    refreshErrors();
}

void ProfileForm::onEdited()
{
    if (m_filling)
        return;
    refreshErrors();
    Q_EMIT edited();
}

void ProfileForm::refreshErrors()
{
    QHash<int, QString> messages;
    for (const ProfileIssue &issue : issues()) {
        if (!messages.contains(key(issue.field)))
            messages.insert(key(issue.field), issue.message);
    }
    if (!m_secretsError.isEmpty() && !messages.contains(key(ProfileField::Secret)))
        messages.insert(key(ProfileField::Secret), m_secretsError);
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it) {
        // A field the user has not left yet stays quiet, unless it is already wrong on load.
        const bool secretUnreadable = it.key() == key(ProfileField::Secret) && !m_secretsError.isEmpty();
        const QString message =
            m_touched.contains(it.key()) || secretUnreadable ? messages.value(it.key()) : QString();
        it.value()->setText(message);
        it.value()->setVisible(!message.isEmpty());
        if (QWidget *field = fieldWidget(ProfileField(it.key())))
            field->setAccessibleDescription(message);
    }
}

void ProfileForm::updateLocationMode()
{
    const bool useUrl = m_baseUrlRadio->isChecked();
    m_cluster->setEnabled(!useUrl && !m_managed);
    m_baseUrl->setEnabled(useUrl);
}

void ProfileForm::showKnownClusters()
{
    if (!m_cluster->isEnabled())
        return;
    if (!m_clusterMenu) {
        m_clusterMenu = new QMenu(this);
        m_clusterMenu->setObjectName(u"knownClustersMenu"_s);
        for (const QString &name : {u"eu"_s, u"us"_s}) {
            QAction *pick = m_clusterMenu->addAction(name);
            connect(pick, &QAction::triggered, this, [this, name] {
                m_cluster->setText(name);
                touch(ProfileField::Cluster); // a pick from the list is a finished edit
                m_cluster->setFocus();
            });
        }
    }
    m_clusterMenu->setMinimumWidth(m_cluster->width());
    m_clusterMenu->popup(m_cluster->mapToGlobal(QPoint(0, m_cluster->height())));
}

bool ProfileForm::eventFilter(QObject *watched, QEvent *event)
{
    // Alt+Down and F4 open the list, as they do on a combo box.
    if (watched == m_cluster && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Down && key->modifiers() == Qt::AltModifier)
            || (key->key() == Qt::Key_F4 && key->modifiers() == Qt::NoModifier)) {
            showKnownClusters();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ProfileForm::updateConfirmSwitch()
{
    // The switch means something for production only; elsewhere it would only confuse.
    const bool production = m_environment->currentData().toString() == environmentName(Environment::Production);
    m_confirm->setVisible(production);
}

} // namespace Apinator::Ui
