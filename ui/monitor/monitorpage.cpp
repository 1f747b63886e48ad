// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "monitor/monitorpage.h"

#include "monitor/authorizationpane.h"
#include "monitor/clienteventpane.h"
#include "monitor/eventmodel.h"
#include "monitor/streamview.h"
#include "monitor/subscriptionspane.h"
#include "session/activeprofile.h"
#include "session/sendlog.h"
#include "widgets/icons.h"
#include "widgets/messagebar.h"
#include "widgets/selectablelabel.h"
#include "widgets/widgethelpers.h"

#include <QClipboard>
#include <QDateTime>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

MonitorPage::MonitorPage(const PageContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_flushTimer(new QTimer(this))
{
    setObjectName(u"monitorPage"_s);
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(FlushMs);
    connect(m_flushTimer, &QTimer::timeout, this, &MonitorPage::flush);
    buildUi();
    m_roundTrip = std::make_unique<RoundTripMatcher>(m_stream->model());
    if (m_context.sendLog) {
        connect(m_context.sendLog, &SendLog::added, this, [this](const SentEvent &sent) {
            flush(); // arrivals still waiting are searched too
            m_roundTrip->sent(sent, socketId());
        });
    }
    connect(m_authorization, &AuthorizationPane::changed, this, [this] {
        if (m_client)
            m_client->setAuthorization(m_authorization->authorization());
    });
    if (m_context.active)
        connect(m_context.active, &ActiveProfile::changed, this, &MonitorPage::profileChanged);
    profileChanged();
}

MonitorPage::~MonitorPage()
{
    // The panes hold the client weakly; it goes first, quietly.
    if (m_client)
        m_client->disconnect(this);
}

EventModel *MonitorPage::model() const
{
    return m_stream->model();
}

void MonitorPage::buildUi()
{
    m_profileLabel = new QLabel(this);
    setNames(m_profileLabel, u"monitorProfile"_s, tr("Profile"));
    m_profileLabel->setTextFormat(Qt::PlainText);
    m_state = new QLabel(this);
    setNames(m_state, u"monitorState"_s, tr("Connection state"));
    m_state->setTextFormat(Qt::PlainText);
    QFont bold = m_state->font();
    bold.setBold(true);
    m_state->setFont(bold);
    m_socketId = new QLabel(this);
    setNames(m_socketId, u"monitorSocketId"_s, tr("Socket id"));
    m_socketId->setTextFormat(Qt::PlainText);
    makeSelectableByMouse(m_socketId);
    m_socketId->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copySocketId = new QToolButton(this);
    setNames(m_copySocketId, u"monitorCopySocketId"_s, tr("Copy the socket id"));
    m_copySocketId->setIcon(icon(u"duplicate"_s));
    m_copySocketId->setToolTip(tr("Copy the socket id (for the Trigger page's exclude field or the Auth tester)"));
    m_connect = new QPushButton(icon(u"connection"_s), tr("&Connect"), this);
    setNames(m_connect, u"monitorConnectButton"_s, tr("Connect"));

    m_problem = new MessageBar(this);
    m_problem->setObjectName(u"monitorProblem"_s);
    m_problem->hide();

    m_tabs = new QTabWidget(this);
    setNames(m_tabs, u"monitorTabs"_s, tr("Subscriptions, client events and authorization"));
    m_subscriptions = new SubscriptionsPane(m_tabs);
    m_clientEvents = new ClientEventPane(m_tabs);
    m_authorization = new AuthorizationPane(m_context.authEndpoint, m_context.app.http, m_tabs);
    m_tabs->addTab(m_subscriptions, tr("Channels"));
    m_tabs->addTab(m_clientEvents, tr("Client event"));
    m_tabs->addTab(m_authorization, tr("Identity"));
    m_stream = new EventStreamView(this);

    auto *header = new QHBoxLayout;
    header->addWidget(m_profileLabel, 1);
    header->addWidget(m_state);
    header->addSpacing(8);
    header->addWidget(m_socketId);
    header->addWidget(m_copySocketId);
    header->addWidget(m_connect);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(u"monitorSplitter"_s);
    split->addWidget(m_tabs);
    split->addWidget(m_stream);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);
    split->setSizes({300, 900});
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_problem);
    layout->addWidget(split, 1);

    connect(m_connect, &QPushButton::clicked, this, [this] {
        if (m_client && m_client->state() != RealtimeClient::State::Initialized
            && m_client->state() != RealtimeClient::State::Disconnected)
            disconnectFromServer();
        else
            connectToServer();
    });
    connect(m_copySocketId, &QToolButton::clicked, this, &MonitorPage::copySocketId);
    connect(m_stream, &EventStreamView::exported, this, [this](const QString &path, const QString &error) {
        m_problem->showMessage(error.isEmpty() ? MessageBar::Kind::Success : MessageBar::Kind::Error,
                               error.isEmpty() ? tr("Exported to %1").arg(path)
                                               : tr("Could not write %1: %2").arg(path, error));
        m_problem->show();
    });
}

QString MonitorPage::socketId() const
{
    return m_client ? m_client->socketId() : QString();
}

void MonitorPage::profileChanged()
{
    if (m_client) {
        m_channels.clear();
        for (const RealtimeSubscription &sub : m_client->subscriptions())
            m_channels << sub.channel;
        m_subscriptions->setClient(nullptr);
        m_clientEvents->setClient(nullptr);
        m_client->disconnect(this);
        m_client.reset();
    }
    m_lastState = RealtimeClient::State::Initialized;
    m_lostSinceMsecs = 0;
    flush();
    const std::optional<Profile> profile = m_context.active ? m_context.active->profile() : std::nullopt;
    const std::optional<Credentials> credentials = m_context.active ? m_context.active->credentials() : std::nullopt;
    m_profileLabel->setText(profile ? tr("Profile: %1 (key %2)").arg(profile->name, profile->key)
                                    : tr("No profile selected"));
    m_problem->hide();
    if (profile && !credentials && !m_context.active->secretError().isEmpty()) {
        m_problem->showMessage(MessageBar::Kind::Warning, tr("The secret of %1 could not be read: %2; public channels "
                                                             "work, private and presence need it.")
                                                              .arg(profile->name, m_context.active->secretError()));
        m_problem->show();
    }
    // Without the secret yet (it is being read) a public-only client would be rebuilt
    // moments later: wait for the read unless it failed.
    if (profile && (credentials || !m_context.active->secretError().isEmpty())) {
        Credentials c = credentials ? *credentials : profile->credentials({}, {});
        m_client = std::make_unique<RealtimeClient>();
        m_client->setCredentials(c);
        m_client->setAuthorization(m_authorization->authorization());
        connect(m_client.get(), &RealtimeClient::stateChanged, this, &MonitorPage::stateChanged);
        connect(m_client.get(), &RealtimeClient::eventReceived, this, &MonitorPage::eventArrived);
        connect(m_client.get(), &RealtimeClient::errorReceived, this, [this](int code, const QString &message) {
            m_problem->showMessage(MessageBar::Kind::Error, tr("Server error %1: %2").arg(code).arg(message));
            m_problem->show();
        });
        m_subscriptions->setClient(m_client.get());
        m_clientEvents->setClient(m_client.get());
        for (const QString &channel : std::as_const(m_channels))
            m_client->subscribe(channel);
        if (m_wantConnected)
            connectToServer();
    }
    stateChanged();
}

void MonitorPage::connectToServer()
{
    m_wantConnected = true;
    if (!m_client) {
        m_problem->showMessage(MessageBar::Kind::Warning, m_context.active && m_context.active->profile()
                                                              ? tr("The profile's secret is still being read.")
                                                              : tr("Select a profile in the sidebar first."));
        m_problem->show();
        return;
    }
    m_problem->hide();
    if (const QString error = m_client->connectToServer(); !error.isEmpty()) {
        m_problem->showMessage(MessageBar::Kind::Error, tr("Cannot connect: %1").arg(error));
        m_problem->show();
    }
    stateChanged();
}

void MonitorPage::disconnectFromServer()
{
    m_wantConnected = false;
    if (m_client)
        m_client->disconnectFromServer();
    stateChanged();
}

void MonitorPage::stateChanged()
{
    const RealtimeClient::State state = m_client ? m_client->state() : RealtimeClient::State::Disconnected;
    m_state->setText(m_client ? RealtimeClient::stateName(state) : tr("no connection"));
    QPalette palette = m_state->palette();
    const QColor text = this->palette().color(QPalette::WindowText);
    palette.setColor(QPalette::WindowText, state == RealtimeClient::State::Connected     ? QColor(0x2e, 0x7d, 0x32)
                                           : state == RealtimeClient::State::Unavailable ? QColor(0xc0, 0x1c, 0x28)
                                                                                         : text);
    m_state->setPalette(palette);
    const QString id = socketId();
    m_socketId->setText(id.isEmpty() ? tr("no socket id") : id);
    m_copySocketId->setEnabled(!id.isEmpty());
    const bool active = m_client && state != RealtimeClient::State::Initialized
        && state != RealtimeClient::State::Disconnected;
    m_connect->setText(active ? tr("&Disconnect") : tr("&Connect"));
    m_connect->setAccessibleName(active ? tr("Disconnect") : tr("Connect"));
    m_connect->setEnabled(m_client != nullptr);
    m_connect->setToolTip(m_client ? m_client->url() : tr("Select a profile with a key first"));
    noteConnectionGap(state);
    if (m_client && !m_client->lastError().isEmpty()
        && (state == RealtimeClient::State::Unavailable || state == RealtimeClient::State::Disconnected)
        && m_wantConnected) {
        m_problem->showMessage(MessageBar::Kind::Error, m_client->fatalCode()
                                                            ? tr("Stopped: %1").arg(m_client->lastError())
                                                            : tr("Connection: %1").arg(m_client->lastError()));
        m_problem->show();
    }
}

void MonitorPage::noteConnectionGap(RealtimeClient::State state)
{
    using State = RealtimeClient::State;
    const State before = std::exchange(m_lastState, state);
    if (!m_client || !m_wantConnected || state == State::Disconnected) {
        m_lostSinceMsecs = 0;
        return;
    }
    if (before == State::Connected && state != State::Connected) {
        // A server closes a subscriber that reads too slowly (code 4100), a network drops:
        // the client reconnects by itself, and what was published meanwhile is gone.
        m_lostSinceMsecs = QDateTime::currentMSecsSinceEpoch();
        m_lostReason = m_client->lastError();
    } else if (state == State::Connected && m_lostSinceMsecs > 0) {
        const double seconds = (QDateTime::currentMSecsSinceEpoch() - m_lostSinceMsecs) / 1000.0;
        const QString reason = m_lostReason.isEmpty() ? tr("no reason given") : m_lostReason;
        m_problem->showMessage(MessageBar::Kind::Warning,
                               tr("Reconnected after %1 s without a connection (%2). Events published meanwhile did "
                                  "not arrive here; subscriptions are restored.")
                                   .arg(QLocale().toString(seconds, 'f', 1), reason));
        m_problem->show();
        m_lostSinceMsecs = 0;
    }
}

void MonitorPage::copySocketId()
{
    const QString id = socketId();
    if (id.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(id);
    m_copySocketId->setToolTip(tr("Copied %1").arg(id));
}

void MonitorPage::eventArrived(const RealtimeEvent &event)
{
    m_pending.append(event);
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void MonitorPage::flush()
{
    m_flushTimer->stop();
    if (m_pending.isEmpty())
        return;
    QList<RealtimeEvent> batch;
    batch.swap(m_pending);
    const qint64 first = m_stream->model()->append(batch);
    m_roundTrip->arrived(first, socketId());
    Q_EMIT flushed();
}

} // namespace Apinator::Ui
