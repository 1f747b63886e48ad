// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "trigger/triggerpage.h"

#include "productionguard.h"
#include "session/activeprofile.h"
#include "session/embeddedsandbox.h"
#include "session/sendlog.h"
#include "trigger/requestpreview.h"
#include "trigger/responseview.h"
#include "trigger/snippetspanel.h"
#include "trigger/templatebar.h"
#include "trigger/triggerstore.h"
#include "widgets/channelchipeditor.h"
#include "widgets/codeedit.h"
#include "widgets/icons.h"
#include "widgets/jsoneditor.h"
#include "widgets/messagebar.h"

#include <apinator/historystore.h>
#include <apinator/names.h>
#include <apinator/profilestore.h>

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRunnable>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {

QLabel *errorLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setStyleSheet(u"color: #c62828;"_s);
    label->hide();
    return label;
}

void showMessage(QLabel *label, const QString &message)
{
    label->setText(message);
    label->setAccessibleName(message);
    label->setVisible(!message.isEmpty());
}

// trigger.json beside profiles.json: templates follow the profiles they belong to.
QString storePath(const PageContext &context)
{
    if (!context.app.profiles || context.app.profiles->filePath().isEmpty())
        return {};
    return QFileInfo(context.app.profiles->filePath()).dir().filePath(u"trigger.json"_s);
}

} // namespace

TriggerPage::TriggerPage(const PageContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_store(std::make_unique<TriggerStore>(storePath(context)))
    , m_pool(new QThreadPool(this))
{
    setObjectName(u"triggerPage"_s);
    m_pool->setMaxThreadCount(1);
    m_store->load();
    buildUi();
    if (m_context.active)
        connect(m_context.active, &ActiveProfile::changed, this, &TriggerPage::profileChanged);
    profileChanged();
}

TriggerPage::~TriggerPage()
{
    // Preview jobs post to this object: none may outlive it.
    m_pool->clear();
    m_pool->waitForDone();
    if (m_reply)
        m_reply->disconnect(this);
}

void TriggerPage::buildUi()
{
    m_profileLabel = new QLabel(this);
    m_profileLabel->setObjectName(u"triggerProfile"_s);
    m_templates = new TemplateBar(m_store.get(), [this] { return draft(); }, this);
    m_templates->setObjectName(u"templateBar"_s);
    connect(m_templates, &TemplateBar::loadRequested, this, &TriggerPage::openDraft);

    m_event = new QComboBox(this);
    m_event->setObjectName(u"eventName"_s);
    m_event->setAccessibleName(tr("Event name"));
    m_event->setEditable(true);
    m_event->setInsertPolicy(QComboBox::NoInsert);
    m_event->lineEdit()->setObjectName(u"eventNameEdit"_s);
    m_event->lineEdit()->setPlaceholderText(tr("event name, e.g. new-message"));
    m_event->setToolTip(tr("Recent names of this profile are in the list"));
    m_eventError = errorLabel(u"eventError"_s, this);
    m_channels = new ChannelChipEditor(this);
    m_channels->setObjectName(u"channels"_s);
    m_channels->setAccessibleName(tr("Channels"));
    m_channelsError = errorLabel(u"channelsError"_s, this);
    m_socketId = new QLineEdit(this);
    m_socketId->setObjectName(u"socketId"_s);
    m_socketId->setAccessibleName(tr("Socket id to exclude"));
    m_socketId->setPlaceholderText(tr("optional, e.g. 1234.5678: that connection does not get the event"));
    m_socketIdError = errorLabel(u"socketIdError"_s, this);
    m_data = new JsonEditor(this);
    m_data->setObjectName(u"dataEditor"_s);
    m_data->setData("{\n  \"text\": \"hello\"\n}"_ba);

    m_send = new QPushButton(icon(u"trigger"_s), tr("Send"), this);
    m_send->setObjectName(u"sendButton"_s);
    m_send->setAccessibleName(tr("Send the event"));
    m_send->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(u"cancelButton"_s);
    m_cancel->setAccessibleName(tr("Cancel the send"));
    m_cancel->setEnabled(false);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto column = [this](QWidget *field, QLabel *error) {
        auto *box = new QWidget(this);
        auto *v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(2);
        v->addWidget(field);
        v->addWidget(error);
        return box;
    };
    form->addRow(tr("&Event"), column(m_event, m_eventError));
    form->addRow(tr("C&hannels"), column(m_channels, m_channelsError));
    form->addRow(tr("&Socket id"), column(m_socketId, m_socketIdError));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_send);
    auto *composer = new QWidget(this);
    auto *left = new QVBoxLayout(composer);
    left->setContentsMargins(0, 0, 0, 0);
    left->addLayout(form);
    left->addWidget(new QLabel(tr("Data"), composer));
    left->addWidget(m_data, 1);
    left->addLayout(buttons);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"triggerTabs"_s);
    m_preview = new RequestPreview(this);
    m_response = new ResponseView(this);
    m_snippets = new SnippetsPanel(this);
    m_tabs->addTab(m_preview, tr("Request"));
    m_tabs->addTab(m_response, tr("Response"));
    m_tabs->addTab(m_snippets, tr("Code"));

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(composer);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *header = new QHBoxLayout;
    header->addWidget(m_profileLabel);
    header->addSpacing(12);
    header->addWidget(m_templates, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(split, 1);

    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(120);
    connect(m_previewTimer, &QTimer::timeout, this, &TriggerPage::updatePreview);

    connect(m_event, &QComboBox::editTextChanged, this, [this] {
        m_eventTouched = true;
        validate();
        schedulePreview();
    });
    connect(m_channels, &ChannelChipEditor::channelsChanged, this, [this] {
        m_channelsTouched = true;
        validate();
        schedulePreview();
    });
    connect(m_channels, &ChannelChipEditor::pendingTextChanged, this, &TriggerPage::validate);
    connect(m_socketId, &QLineEdit::textChanged, this, [this] {
        validate();
        schedulePreview();
    });
    connect(m_data, &JsonEditor::edited, this, &TriggerPage::validate);
    connect(m_data, &JsonEditor::checked, this, [this] {
        validate();
        schedulePreview();
    });
    connect(m_send, &QPushButton::clicked, this, &TriggerPage::send);
    connect(m_cancel, &QPushButton::clicked, this, &TriggerPage::cancel);
    for (const QKeySequence &keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &TriggerPage::send);
    }
}

void TriggerPage::profileChanged()
{
    const std::optional<Profile> profile = m_context.active ? m_context.active->profile() : std::nullopt;
    m_profileLabel->setText(profile ? tr("Profile: <b>%1</b>").arg(profile->name.toHtmlEscaped())
                                    : tr("No profile selected"));
    const QString id = profile ? profile->id : QString();
    const QString typed = m_event->currentText();
    {
        QSignalBlocker block(m_event);
        m_event->clear();
        m_event->addItems(m_store->recentEvents(id));
        m_event->setCurrentIndex(-1);
        m_event->setEditText(typed);
    }
    m_templates->setProfile(id);
    validate();
    schedulePreview();
}

void TriggerPage::openDraft(const TriggerDraft &draft)
{
    m_event->setEditText(draft.event);
    m_channels->setChannels(draft.channels);
    m_socketId->setText(draft.socketId);
    m_data->setRawText(draft.rawText);
    m_data->setData(draft.data);
    m_eventTouched = m_channelsTouched = true;
    validate();
    schedulePreview();
}

TriggerDraft TriggerPage::draft() const
{
    TriggerDraft d;
    d.event = m_event->currentText().trimmed();
    d.channels = m_channels->channels();
    d.socketId = m_socketId->text().trimmed();
    d.data = m_data->isPending() ? m_data->data() : m_data->checkedData();
    d.rawText = m_data->isRawText();
    return d;
}

TriggerRequest TriggerPage::currentRequest(bool forSend) const
{
    TriggerRequest r;
    r.event = m_event->currentText().trimmed();
    r.channels = m_channels->channels();
    r.socketId = m_socketId->text().trimmed();
    r.data = forSend && m_data->isPending() ? m_data->data() : m_data->checkedData();
    return r;
}

std::optional<Credentials> TriggerPage::currentCredentials() const
{
    if (!m_context.active)
        return std::nullopt;
    // The embedded sandbox's secret is known in-process: on a first start the store may
    // not hold it yet when the profile is selected (as EmbeddedDefault::sandboxCredentials).
    const std::optional<Profile> profile = m_context.active->profile();
    EmbeddedSandbox *sandbox = m_context.app.sandbox;
    if (profile && profile->embeddedSandbox && sandbox && sandbox->isRunning()) {
        Credentials c = profile->credentials(sandbox->app().secret, sandbox->app().webhookSecret);
        c.baseUrl = sandbox->baseUrl();
        return c;
    }
    return m_context.active->credentials();
}

QString TriggerPage::blockingReason() const
{
    return m_blocking;
}

void TriggerPage::updateFieldMessages()
{
    const QString event = m_event->currentText().trimmed();
    QString eventMessage;
    if (event.isEmpty())
        eventMessage = m_eventTouched ? tr("Enter an event name") : QString();
    else if (const QString e = Names::eventNameError(event); !e.isEmpty())
        eventMessage = e;
    else if (Names::isClientEvent(event))
        eventMessage = tr("Note: client-… names are for events sent by WebSocket clients; over REST it goes as any "
                          "other name.");
    showMessage(m_eventError, eventMessage);
    const QString channels = m_channels->error();
    showMessage(m_channelsError, m_channelsTouched || !m_channels->channels().isEmpty() || !m_channels->pendingText().isEmpty()
                                     ? channels
                                     : QString());
    const QString socketId = m_socketId->text().trimmed();
    showMessage(m_socketIdError, socketId.isEmpty() ? QString() : Names::socketIdError(socketId));
}

void TriggerPage::validate()
{
    updateFieldMessages();
    QString reason;
    const QString event = m_event->currentText().trimmed();
    const std::optional<Profile> profile = m_context.active ? m_context.active->profile() : std::nullopt;
    const std::optional<Credentials> credentials = currentCredentials();
    if (isSending())
        reason = tr("A send is in progress");
    else if (!profile)
        reason = tr("Select a profile first");
    else if (!credentials)
        reason = m_context.active->secretError().isEmpty() ? tr("The profile's secret is being read")
                                                            : m_context.active->secretError();
    else if (const QString e = credentials->restError(); !e.isEmpty())
        reason = tr("Profile \"%1\": %2").arg(profile->name, e);
    else if (event.isEmpty())
        reason = tr("Enter an event name");
    else if (const QString e = Names::eventNameError(event); !e.isEmpty())
        reason = e;
    else if (const QString e = m_channels->error(); !e.isEmpty())
        reason = e;
    else if (const QString s = m_socketId->text().trimmed(); !s.isEmpty() && !Names::socketIdError(s).isEmpty())
        reason = Names::socketIdError(s);
    else if (m_data->isPending())
        reason = tr("The data is being checked");
    else if (!m_data->isAcceptable())
        reason = tr("The data is not valid JSON (%1); fix it or switch on Raw text").arg(m_data->check().text());
    m_blocking = reason;
    m_send->setEnabled(reason.isEmpty());
    m_send->setToolTip(reason.isEmpty() ? tr("Send the event (Ctrl+Enter)") : reason);
    m_cancel->setEnabled(isSending());
}

void TriggerPage::schedulePreview()
{
    m_previewTimer->start();
}

void TriggerPage::updatePreview()
{
    // The data is read once its check finishes (checked() calls back here).
    if (m_data->isPending())
        return;
    PreviewInput input;
    input.request = currentRequest(false);
    input.credentials = currentCredentials();
    const std::optional<Profile> profile = m_context.active ? m_context.active->profile() : std::nullopt;
    input.profileName = profile ? profile->name : QString();
    input.timestamp = m_clock ? m_clock() : QDateTime::currentSecsSinceEpoch();
    SnippetInput snippet;
    snippet.request = input.request;
    if (profile) {
        snippet.baseUrl = input.credentials ? input.credentials->baseUrl : profile->baseUrl;
        snippet.cluster = profile->cluster;
    }
    m_snippets->setInput(snippet);
    const quint64 generation = ++m_previewGeneration;
    m_pool->start(QRunnable::create([this, input, generation] {
        const PreviewOutput output = buildPreview(input);
        QMetaObject::invokeMethod(
            this, [this, generation, output] { finishPreview(generation, output); }, Qt::QueuedConnection);
    }));
}

void TriggerPage::finishPreview(quint64 generation, const PreviewOutput &output)
{
    if (generation != m_previewGeneration)
        return;
    m_preview->setOutput(output);
    m_data->setBodyBytes(output.bodyBytes);
}

void TriggerPage::send()
{
    validate();
    if (!m_blocking.isEmpty() || isSending())
        return;
    const std::optional<Profile> profile = m_context.active->profile();
    const QString event = m_event->currentText().trimmed();
    const QString action = tr("Send \"%1\" to %2").arg(event, m_channels->channels().join(u", "_s));
    QPointer<TriggerPage> self(this);
    confirmSend(this, m_context.app.profiles, *profile, action, [self](bool confirmed) {
        if (self && confirmed)
            self->startSend();
    });
}

void TriggerPage::startSend()
{
    validate();
    const std::optional<Credentials> credentials = currentCredentials();
    if (!m_blocking.isEmpty() || !credentials)
        return;
    m_client = std::make_unique<RestClient>(m_context.app.http, *credentials);
    if (m_clock)
        m_client->setClock(m_clock);
    m_sentRequest = currentRequest(true);
    m_sentAtMsecs = QDateTime::currentMSecsSinceEpoch();
    QString error;
    RestReply *reply = m_client->trigger(m_sentRequest, &error);
    m_tabs->setCurrentWidget(m_response);
    if (!reply) {
        m_response->showSending(tr("Not sent: %1").arg(error));
        return;
    }
    reply->setParent(this);
    m_reply = reply;
    connect(reply, &RestReply::finished, this, &TriggerPage::finishSend);
    m_response->showSending(tr("Sending…"));
    const std::optional<Profile> profile = m_context.active->profile();
    if (profile)
        m_store->addRecentEvent(profile->id, m_sentRequest.event);
    validate();
}

void TriggerPage::cancel()
{
    if (m_reply)
        m_reply->abort();
}

void TriggerPage::finishSend()
{
    RestReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    const RestResult result = reply->result();
    reply->deleteLater();
    const std::optional<Profile> profile = m_context.active->profile();
    m_response->showResult(result, profile ? profile->name : QString());
    if (!result.response.cancelled)
        record(result);
    if (result.ok() && m_context.sendLog)
        m_context.sendLog->add({m_sentAtMsecs, QDateTime::currentMSecsSinceEpoch(), m_sentRequest.channels,
                                m_sentRequest.event, m_sentRequest.data, m_sentRequest.socketId});
    // The recent list now starts with the name just sent.
    const QString typed = m_event->currentText();
    {
        QSignalBlocker block(m_event);
        m_event->clear();
        m_event->addItems(m_store->recentEvents(profile ? profile->id : QString()));
        m_event->setCurrentIndex(-1);
        m_event->setEditText(typed);
    }
    validate();
    Q_EMIT sendFinished();
}

void TriggerPage::record(const RestResult &result)
{
    HistoryStore *history = m_context.app.history;
    if (!history)
        return;
    HistoryEntry entry = historyEntryFor(m_sentRequest, result);
    if (const std::optional<Profile> profile = m_context.active->profile()) {
        entry.profileId = profile->id;
        entry.profileName = profile->name;
    }
    // An empty, not null, error: the store's column refuses NULL.
    if (entry.error.isNull())
        entry.error = u""_s;
    if (history->add(entry) == 0 && m_context.messages)
        m_context.messages->showMessage(MessageBar::Kind::Error,
                                        tr("This send was not kept in the history: %1").arg(history->lastError()));
}

} // namespace Apinator::Ui
