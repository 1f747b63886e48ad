// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "channelspage.h"

#include "channels/channellistmodel.h"
#include "channels/profileclient.h"
#include "navigation.h"
#include "session/activeprofile.h"
#include "trigger/triggerpage.h"
#include "widgets/icons.h"
#include "widgets/messagebar.h"
#include "widgets/widgethelpers.h"

#include <apinator/restclient.h>

#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {
// A listing must not hang the page on a dead host; auto-refresh retries anyway.
constexpr int TimeoutMs = 15000;
constexpr int PrefixDelayMs = 300;
} // namespace

ChannelsPage::ChannelsPage(const PageContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_model(new ChannelListModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_autoTimer(new QTimer(this))
    , m_prefixTimer(new QTimer(this))
{
    setObjectName(u"channelsPage"_s);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(ChannelListModel::SortRole);
    m_prefixTimer->setSingleShot(true);
    m_prefixTimer->setInterval(PrefixDelayMs);
    buildUi();

    connect(m_refresh, &QPushButton::clicked, this, &ChannelsPage::refresh);
    connect(m_prefix, &QLineEdit::textChanged, m_prefixTimer, qOverload<>(&QTimer::start));
    connect(m_prefix, &QLineEdit::returnPressed, this, &ChannelsPage::refresh);
    connect(m_prefixTimer, &QTimer::timeout, this, &ChannelsPage::refresh);
    connect(m_auto, &QCheckBox::toggled, this, &ChannelsPage::updateAutoRefresh);
    connect(m_autoSeconds, &QSpinBox::valueChanged, this, &ChannelsPage::updateAutoRefresh);
    connect(m_autoTimer, &QTimer::timeout, this, [this] {
        // A slow answer is not stacked on: the next tick tries again.
        if (!m_listReply)
            refresh();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                const QString picked = m_sorted->index(current.row(), ChannelListModel::Name).data().toString();
                if (picked != m_current)
                    showChannel(picked);
            });
    connect(m_lookup, &QLineEdit::returnPressed, this, [this] {
        if (!m_lookup->text().trimmed().isEmpty())
            showChannel(m_lookup->text().trimmed());
    });
    connect(m_send, &QPushButton::clicked, this, &ChannelsPage::sendToChannel);
    if (m_context.active)
        connect(m_context.active, &ActiveProfile::changed, this, &ChannelsPage::profileChanged);
    profileChanged();
}

ChannelsPage::~ChannelsPage()
{
    // Replies are children of nobody: abort them before the client goes.
    delete m_listReply.data();
    delete m_infoReply.data();
}

void ChannelsPage::buildUi()
{
    m_profileLabel = new QLabel(this);
    m_profileLabel->setObjectName(u"channelsProfileLabel"_s);
    m_profileLabel->setTextFormat(Qt::PlainText);
    QFont title = m_profileLabel->font();
    title.setBold(true);
    m_profileLabel->setFont(title);

    m_prefix = new QLineEdit(this);
    setNames(m_prefix, u"channelPrefixEdit"_s, tr("Channel name prefix"));
    m_prefix->setPlaceholderText(tr("Prefix filter, e.g. private-"));
    m_prefix->setClearButtonEnabled(true);
    m_prefix->setToolTip(tr("Sent to the server as filter_by_prefix"));
    m_prefix->setMinimumWidth(160);
    m_refresh = new QPushButton(icon(u"refresh"_s), tr("&Refresh"), this);
    setNames(m_refresh, u"channelsRefreshButton"_s, tr("Refresh the channel list"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_auto = new QCheckBox(tr("&Auto-refresh every"), this);
    setNames(m_auto, u"channelsAutoRefreshCheck"_s, tr("Auto-refresh"));
    m_autoSeconds = new QSpinBox(this);
    setNames(m_autoSeconds, u"channelsAutoRefreshSeconds"_s, tr("Auto-refresh interval in seconds"));
    m_autoSeconds->setRange(1, 3600);
    m_autoSeconds->setValue(5);
    m_autoSeconds->setSuffix(tr(" s"));
    m_count = new QLabel(this);
    setNames(m_count, u"channelsCountLabel"_s, tr("Number of channels listed"));

    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_profileLabel, 1);
    titleRow->addWidget(m_count);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_prefix, 1);
    bar->addWidget(m_refresh);
    bar->addSpacing(12);
    bar->addWidget(m_auto);
    bar->addWidget(m_autoSeconds);

    m_problem = new MessageBar(this);
    m_problem->setObjectName(u"channelsProblem"_s);
    m_problem->setClosable(false);
    m_problem->hide();

    m_view = new QTableView(this);
    setNames(m_view, u"channelsTable"_s, tr("Occupied channels"));
    m_view->setModel(m_sorted);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ChannelListModel::Name, Qt::AscendingOrder);
    m_view->verticalHeader()->hide();
    m_view->setAlternatingRowColors(true);
    m_view->horizontalHeader()->setSectionResizeMode(ChannelListModel::Name, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(ChannelListModel::Type, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(ChannelListModel::Subscriptions,
                                                     QHeaderView::ResizeToContents);

    auto *detail = new QWidget(this);
    m_lookup = new QLineEdit(detail);
    setNames(m_lookup, u"channelLookupEdit"_s, tr("Look up a channel by name"));
    m_lookup->setPlaceholderText(tr("Look up any channel: type its name, Enter"));
    m_infoTitle = new QLabel(detail);
    setNames(m_infoTitle, u"channelInfoTitle"_s, tr("Selected channel"));
    m_infoTitle->setTextFormat(Qt::PlainText);
    m_infoTitle->setFont(title);
    m_infoHeadline = new QLabel(detail);
    setNames(m_infoHeadline, u"channelInfoState"_s, tr("Channel state"));
    m_infoHeadline->setTextFormat(Qt::PlainText);
    m_infoHeadline->setWordWrap(true);
    m_info = new QPlainTextEdit(detail);
    setNames(m_info, u"channelInfoView"_s, tr("Channel info JSON"));
    m_info->setReadOnly(true);
    m_info->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_info->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_send = new QPushButton(icon(u"trigger"_s), tr("&Send to this channel"), detail);
    setNames(m_send, u"sendToChannelButton"_s, tr("Send an event to this channel"));
    m_send->setEnabled(false);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_lookup);
    detailLayout->addWidget(m_infoTitle);
    detailLayout->addWidget(m_infoHeadline);
    detailLayout->addWidget(m_info, 1);
    detailLayout->addWidget(m_send, 0, Qt::AlignLeft);

    QSplitter *splitter = masterDetailSplitter(Qt::Horizontal, u"channelsSplitter"_s, m_view, detail, this);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(titleRow);
    layout->addLayout(bar);
    layout->addWidget(m_problem);
    layout->addWidget(splitter, 1);
    setInfo({}, tr("Select a channel to see its info."), {});
}

bool ChannelsPage::ensureClient()
{
    if (m_client)
        return true;
    QString problem;
    m_client = restClientForActiveProfile(m_context, &problem);
    if (!m_client) {
        m_problem->showMessage(MessageBar::Kind::Warning, problem);
        m_problem->show();
        return false;
    }
    m_client->setTimeoutMs(TimeoutMs);
    return true;
}

void ChannelsPage::profileChanged()
{
    delete m_listReply.data();
    delete m_infoReply.data();
    m_client.reset();
    m_model->setChannels({});
    m_listedOnce = false;
    m_current.clear();
    m_send->setEnabled(false);
    setInfo({}, tr("Select a channel to see its info."), {});
    const auto profile = m_context.active ? m_context.active->profile() : std::nullopt;
    m_profileLabel->setText(profile ? tr("Occupied channels of %1 (app %2)").arg(profile->name, profile->appId)
                                    : tr("Occupied channels"));
    updateCount();
    if (isVisible())
        refresh();
}

void ChannelsPage::refresh()
{
    m_prefixTimer->stop();
    if (!ensureClient())
        return;
    delete m_listReply.data();
    m_listedPrefix = m_prefix->text().trimmed();
    QString error;
    m_listReply = m_client->channels(m_listedPrefix, &error);
    if (!m_listReply) {
        m_problem->showMessage(MessageBar::Kind::Error, tr("Prefix: %1").arg(error));
        m_problem->show();
        Q_EMIT listFinished();
        return;
    }
    m_refresh->setEnabled(false);
    connect(m_listReply, &RestReply::finished, this, &ChannelsPage::listDone);
}

void ChannelsPage::listDone()
{
    RestReply *reply = m_listReply;
    if (!reply)
        return;
    m_listReply = nullptr;
    reply->deleteLater();
    m_refresh->setEnabled(true);
    const RestResult &result = reply->result();
    const auto channels = result.ok() ? ChannelListModel::parse(result.response.body) : std::nullopt;
    if (!result.ok() || !channels) {
        const QString why = result.ok() ? tr("the answer is not a channel list") : result.errorMessage;
        m_problem->showMessage(MessageBar::Kind::Error,
                               result.response.status ? tr("Listing channels failed (HTTP %1): %2")
                                                            .arg(result.response.status)
                                                            .arg(why)
                                                      : tr("Listing channels failed: %1").arg(why));
        m_problem->show();
        Q_EMIT listFinished();
        return;
    }
    m_problem->hide();
    m_model->setChannels(*channels);
    m_listedOnce = true;
    updateCount();
    selectCurrentInView();
    // Counts change while the list is up: the selected channel's info follows the list.
    if (!m_current.isEmpty())
        showChannel(m_current);
    Q_EMIT listFinished();
}

void ChannelsPage::updateCount()
{
    const int n = m_model->rowCount();
    QString text;
    if (!m_listedOnce)
        text = tr("Not listed yet");
    else if (m_listedPrefix.isEmpty())
        text = n == 0 ? tr("No occupied channels") : withCount(n == 1 ? tr("%n channel") : tr("%n channels"), n);
    else
        text = n == 0 ? tr("No occupied channel starts with “%1”").arg(m_listedPrefix)
                      : withCount(n == 1 ? tr("%n channel starting with “%1”") : tr("%n channels starting with “%1”"), n)
                            .arg(m_listedPrefix);
    m_count->setText(text);
}

void ChannelsPage::selectCurrentInView()
{
    const QSignalBlocker block(m_view->selectionModel());
    m_view->clearSelection();
    for (int row = 0; row < m_sorted->rowCount(); ++row) {
        const QModelIndex index = m_sorted->index(row, ChannelListModel::Name);
        if (index.data().toString() == m_current) {
            m_view->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            break;
        }
    }
}

void ChannelsPage::showChannel(const QString &channel)
{
    if (!ensureClient())
        return;
    delete m_infoReply.data();
    if (channel != m_current) {
        m_current = channel;
        selectCurrentInView();
        setInfo({}, tr("Loading…"), {});
    }
    m_infoTitle->setText(channel);
    m_send->setEnabled(true);
    QString error;
    m_infoReply = m_client->channel(channel, &error);
    if (!m_infoReply) {
        setInfo(u"error"_s, error, {});
        Q_EMIT infoFinished();
        return;
    }
    connect(m_infoReply, &RestReply::finished, this, &ChannelsPage::infoDone);
}

void ChannelsPage::infoDone()
{
    RestReply *reply = m_infoReply;
    if (!reply)
        return;
    m_infoReply = nullptr;
    reply->deleteLater();
    const RestResult &result = reply->result();
    const int status = result.response.status;
    if (result.ok()) {
        const QJsonDocument doc = QJsonDocument::fromJson(result.response.body);
        const QString pretty = doc.isNull() ? QString::fromUtf8(result.response.body)
                                            : QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
        const QJsonValue count = doc.object().value(u"subscription_count"_s);
        setInfo(u"occupied"_s,
                count.isDouble() ? withCount(count.toInt() == 1 ? tr("Occupied: %n subscription.") : tr("Occupied: %n subscriptions."),
                                    count.toInt()) : tr("Occupied."),
                pretty);
    } else if (status == 404) {
        // The endpoint's way of saying nobody is subscribed: an answer, not a failure.
        setInfo(u"not occupied"_s, tr("Not occupied: nobody is subscribed to this channel right now."), {});
    } else {
        setInfo(u"error"_s,
                status ? tr("HTTP %1: %2").arg(status).arg(result.errorMessage) : result.errorMessage,
                QString::fromUtf8(result.response.body));
    }
    Q_EMIT infoFinished();
}

void ChannelsPage::setInfo(const QString &state, const QString &headline, const QString &json)
{
    m_infoState = state;
    m_infoHeadline->setText(headline);
    QPalette palette = m_infoHeadline->palette();
    palette.setColor(QPalette::WindowText, state == u"error"_s ? QColor(0xc0, 0x1c, 0x28)
                                                                : this->palette().color(QPalette::WindowText));
    m_infoHeadline->setPalette(palette);
    m_info->setPlainText(json);
    if (m_current.isEmpty())
        m_infoTitle->setText(tr("No channel selected"));
}

void ChannelsPage::sendToChannel()
{
    if (m_current.isEmpty() || !m_context.navigation)
        return;
    auto *trigger = qobject_cast<TriggerPage *>(m_context.navigation->page(u"trigger"_s));
    if (!trigger) {
        m_problem->showMessage(MessageBar::Kind::Warning, tr("The Trigger page is not available in this build."));
        m_problem->show();
        return;
    }
    TriggerDraft draft = trigger->draft();
    draft.channels = {m_current};
    trigger->openDraft(draft);
    m_context.navigation->showPage(u"trigger"_s);
}

void ChannelsPage::updateAutoRefresh()
{
    m_autoSeconds->setEnabled(true);
    m_autoTimer->setInterval(m_autoSeconds->value() * 1000);
    // Only while the page is on screen: a hidden page has nobody to refresh for.
    if (m_auto->isChecked() && isVisible())
        m_autoTimer->start();
    else
        m_autoTimer->stop();
}

void ChannelsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_listedOnce && !m_listReply)
        refresh();
    else if (m_auto->isChecked())
        refresh();
    updateAutoRefresh();
}

void ChannelsPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    updateAutoRefresh();
}

} // namespace Apinator::Ui
