// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "monitor/subscriptionspane.h"

#include "auth/fielderror.h"
#include "widgets/icons.h"
#include "widgets/widgethelpers.h"

#include <apinator/names.h>
#include <apinator/realtimeclient.h>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {

QString stateText(const RealtimeSubscription &sub)
{
    switch (sub.state) {
    case RealtimeSubscription::State::Pending:
        return SubscriptionsPane::tr("pending");
    case RealtimeSubscription::State::Subscribed:
        return SubscriptionsPane::tr("subscribed");
    case RealtimeSubscription::State::Failed:
        return SubscriptionsPane::tr("failed: %1").arg(sub.error);
    }
    return {};
}

} // namespace

SubscriptionsPane::SubscriptionsPane(QWidget *parent)
    : QWidget(parent)
    , m_channel(makeLineEdit(u"monitorChannelEdit"_s, tr("Channel to subscribe to"),
                             tr("Channel name, e.g. private-orders"), this))
    , m_subscribe(new QPushButton(icon(u"add"_s), tr("&Subscribe"), this))
    , m_channelError(makeFieldError(u"monitorChannelError"_s, this))
    , m_list(new QTreeWidget(this))
    , m_failure(makeFieldError(u"monitorSubscriptionFailure"_s, this))
    , m_unsubscribe(new QPushButton(icon(u"close"_s), tr("&Unsubscribe"), this))
    , m_membersTitle(new QLabel(this))
    , m_members(new QListWidget(this))
{
    setNames(m_subscribe, u"monitorSubscribeButton"_s, tr("Subscribe to the channel"));
    setNames(m_list, u"monitorSubscriptions"_s, tr("Subscriptions"));
    setNames(m_unsubscribe, u"monitorUnsubscribeButton"_s, tr("Unsubscribe from the selected channel"));
    setNames(m_membersTitle, u"monitorMembersTitle"_s, tr("Presence members"));
    setNames(m_members, u"monitorMembers"_s, tr("Members of the selected presence channel"));
    m_channel->setClearButtonEnabled(true);
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Channel"), tr("Type"), tr("State")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    const int digit = fontMetrics().horizontalAdvance(u'0');
    m_list->setColumnWidth(0, digit * 16);
    m_list->setColumnWidth(1, digit * 9);
    m_membersTitle->setTextFormat(Qt::PlainText);
    m_membersTitle->setWordWrap(true);

    auto *row = new QHBoxLayout;
    row->addWidget(m_channel, 1);
    row->addWidget(m_subscribe);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_channelError);
    layout->addWidget(m_list, 3);
    layout->addWidget(m_failure);
    layout->addWidget(m_unsubscribe, 0, Qt::AlignLeft);
    layout->addWidget(m_membersTitle);
    layout->addWidget(m_members, 2);

    connect(m_channel, &QLineEdit::textChanged, this, &SubscriptionsPane::validate);
    connect(m_channel, &QLineEdit::returnPressed, this, &SubscriptionsPane::subscribe);
    connect(m_subscribe, &QPushButton::clicked, this, &SubscriptionsPane::subscribe);
    connect(m_unsubscribe, &QPushButton::clicked, this, &SubscriptionsPane::unsubscribeSelected);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] {
        m_unsubscribe->setEnabled(m_list->currentItem() != nullptr);
        updateMembers();
    });
    rebuild();
    validate();
}

void SubscriptionsPane::setClient(RealtimeClient *client)
{
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    if (client) {
        connect(client, &RealtimeClient::subscriptionChanged, this, [this](const QString &channel) {
            rebuild();
            if (channel == selectedChannel())
                updateMembers();
        });
        connect(client, &RealtimeClient::subscriptionRemoved, this, &SubscriptionsPane::rebuild);
        connect(client, &RealtimeClient::memberAdded, this, [this](const QString &channel) {
            if (channel == selectedChannel())
                updateMembers();
        });
        connect(client, &RealtimeClient::memberRemoved, this, [this](const QString &channel) {
            if (channel == selectedChannel())
                updateMembers();
        });
    }
    rebuild();
    validate();
}

void SubscriptionsPane::validate()
{
    const QString name = m_channel->text().trimmed();
    const QString error = name.isEmpty() ? QString() : Names::channelNameError(name);
    setFieldError(m_channelError, error);
    QString reason;
    if (!m_client)
        reason = tr("Select a profile with a key first");
    else if (name.isEmpty())
        reason = tr("Type a channel name");
    else
        reason = error;
    m_subscribe->setEnabled(reason.isEmpty());
    m_subscribe->setToolTip(reason.isEmpty() ? tr("Subscribe (Enter)") : reason);
}

void SubscriptionsPane::subscribe()
{
    validate();
    if (!m_subscribe->isEnabled())
        return;
    const QString name = m_channel->text().trimmed();
    if (const QString error = m_client->subscribe(name); !error.isEmpty()) {
        setFieldError(m_channelError, error);
        return;
    }
    m_channel->clear();
    selectChannel(name);
}

void SubscriptionsPane::unsubscribeSelected()
{
    const QString channel = selectedChannel();
    if (m_client && !channel.isEmpty())
        m_client->unsubscribe(channel);
}

QString SubscriptionsPane::selectedChannel() const
{
    return m_list->currentItem() ? m_list->currentItem()->text(0) : QString();
}

void SubscriptionsPane::selectChannel(const QString &channel)
{
    const QList<QTreeWidgetItem *> found = m_list->findItems(channel, Qt::MatchExactly, 0);
    if (!found.isEmpty())
        m_list->setCurrentItem(found.first());
}

void SubscriptionsPane::rebuild()
{
    const QString selected = selectedChannel();
    const QSignalBlocker block(m_list);
    m_list->clear();
    const QList<RealtimeSubscription> subs = m_client ? m_client->subscriptions() : QList<RealtimeSubscription>();
    for (const RealtimeSubscription &sub : subs) {
        auto *item = new QTreeWidgetItem(m_list, {sub.channel, Names::channelTypeName(sub.type), stateText(sub)});
        item->setToolTip(2, stateText(sub));
        if (sub.state == RealtimeSubscription::State::Failed)
            item->setForeground(2, QColor(0xc0, 0x1c, 0x28));
        if (sub.channel == selected)
            m_list->setCurrentItem(item);
    }
    m_unsubscribe->setEnabled(m_list->currentItem() != nullptr);
    updateMembers();
}

void SubscriptionsPane::updateMembers()
{
    m_members->clear();
    const QString channel = selectedChannel();
    const auto sub = m_client && !channel.isEmpty() ? m_client->subscription(channel) : std::nullopt;
    setFieldError(m_failure, sub && sub->state == RealtimeSubscription::State::Failed
                                 ? tr("%1 failed: %2").arg(channel, sub->error)
                                 : QString());
    if (!sub || sub->type != ChannelType::Presence) {
        m_membersTitle->setText(tr("Select a presence channel to see who is there."));
        return;
    }
    m_membersTitle->setText(withCount(sub->members.size() == 1 ? tr("%n member of %1") : tr("%n members of %1"),
                                      int(sub->members.size()))
                                .arg(channel));
    for (const PresenceMember &member : sub->members) {
        QString text = member.id;
        if (member.id == sub->me)
            text += tr("  (me)");
        if (!member.info.isEmpty())
            text += u"  "_s + QString::fromUtf8(QJsonDocument(member.info).toJson(QJsonDocument::Compact));
        auto *item = new QListWidgetItem(text, m_members);
        item->setData(Qt::UserRole, member.id);
        if (member.id == sub->me) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
    }
}

} // namespace Apinator::Ui
