// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "channelhub.h"

#include "appregistry.h"
#include "webhookdispatcher.h"
#include "protocol/wsframes.h"

#include <apinator/json.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Apinator::Sandbox {

ChannelHub::ChannelHub(const AppRegistry *apps, FrameSender *sender, WebhookDispatcher *webhooks)
    : m_sender(sender)
    , m_webhooks(webhooks)
    , m_channels(size_t(apps->size()))
{
}

ChannelHub::~ChannelHub() = default;

void ChannelHub::subscribe(WsClient *client, const QString &name, const std::optional<PresenceMember> &member)
{
    const AppState &app = *client->app;
    ChannelMap &map = m_channels[size_t(app.index)];
    auto it = map.find(name);
    if (it == map.end()) {
        auto channel = std::make_unique<Channel>();
        channel->name = name;
        channel->nameUtf8 = name.toUtf8();
        channel->type = Names::channelType(name);
        it = map.emplace(name, std::move(channel)).first;
        m_webhooks->post(app, WebhookDispatcher::channelEvent("channel_occupied", it->second->nameUtf8));
    }
    Channel &channel = *it->second;
    const bool already = client->subscriptions.contains(name);
    if (!already) {
        channel.subscribers.append(client);
        client->subscriptions.insert(name, member ? member->userId : QString());
    }

    const QString succeeded = u"realtime:subscription_succeeded"_s;
    if (channel.type != ChannelType::Presence || !member) {
        m_sender->sendFrame(client, QString::fromUtf8(WsFrame::build(succeeded.toUtf8(), channel.nameUtf8, "{}")),
                            succeeded, name);
        return;
    }
    const bool added = !already && channel.presence.add(*member);
    m_sender->sendFrame(client,
                        QString::fromUtf8(WsFrame::build(succeeded.toUtf8(), channel.nameUtf8,
                                                         channel.presence.subscriptionData())),
                        succeeded, name);
    if (!added)
        return; // the user was already there through another connection
    const QByteArray userId = member->userId.toUtf8();
    const QByteArray data = R"({"user_id":)" + Json::quote(userId) + R"(,"user_info":)" + member->userInfoJson + '}';
    const QString event = u"realtime:member_added"_s;
    const QString frame = QString::fromUtf8(WsFrame::build(event.toUtf8(), channel.nameUtf8, data));
    const QList<WsClient *> others = channel.subscribers;
    for (WsClient *other : others)
        if (other != client)
            m_sender->sendFrame(other, frame, event, name);
    m_webhooks->post(app, WebhookDispatcher::memberEvent("member_added", channel.nameUtf8, userId));
}

void ChannelHub::unsubscribe(WsClient *client, const QString &name)
{
    const auto sub = client->subscriptions.constFind(name);
    if (sub == client->subscriptions.cend())
        return;
    const QString userId = sub.value();
    client->subscriptions.erase(sub);
    ChannelMap &map = m_channels[size_t(client->app->index)];
    if (const auto it = map.find(name); it != map.end())
        leave(client, *it->second, userId);
}

void ChannelHub::removeClient(WsClient *client)
{
    const QHash<QString, QString> subscriptions = std::exchange(client->subscriptions, {});
    ChannelMap &map = m_channels[size_t(client->app->index)];
    for (auto sub = subscriptions.cbegin(); sub != subscriptions.cend(); ++sub)
        if (const auto it = map.find(sub.key()); it != map.end())
            leave(client, *it->second, sub.value());
}

void ChannelHub::leave(WsClient *client, Channel &channel, const QString &userId)
{
    const AppState &app = *client->app;
    channel.subscribers.removeOne(client);
    if (channel.type == ChannelType::Presence && !userId.isEmpty() && channel.presence.remove(userId)) {
        const QByteArray id = userId.toUtf8();
        const QString event = u"realtime:member_removed"_s;
        const QString frame =
            QString::fromUtf8(WsFrame::build(event.toUtf8(), channel.nameUtf8, QByteArray(R"({"user_id":)" + Json::quote(id) + '}')));
        const QList<WsClient *> others = channel.subscribers;
        for (WsClient *other : others)
            m_sender->sendFrame(other, frame, event, channel.name);
        m_webhooks->post(app, WebhookDispatcher::memberEvent("member_removed", channel.nameUtf8, id));
    }
    if (channel.subscribers.isEmpty()) {
        m_webhooks->post(app, WebhookDispatcher::channelEvent("channel_vacated", channel.nameUtf8));
        const QString key = channel.name; // the erase destroys channel
        m_channels[size_t(app.index)].erase(key);
    }
}

int ChannelHub::publish(const AppState *app, const QString &name, QByteArrayView event, QByteArrayView dataLiteral,
                        const WsClient *exclude, QByteArrayView userId)
{
    const ChannelMap &map = m_channels[size_t(app->index)];
    const auto it = map.find(name);
    if (it == map.end())
        return 0;
    const Channel &channel = *it->second;
    QByteArray extra;
    if (!userId.isEmpty())
        extra = R"(,"user_id":)" + Json::quote(userId);
    // One frame for all subscribers; QWebSocket wants UTF-16 text.
    const QString frame = QString::fromUtf8(WsFrame::buildWithLiteral(event, channel.nameUtf8, dataLiteral, extra));
    const QString eventName = QString::fromUtf8(event);
    int sent = 0;
    // A copy: sending never removes subscribers (closes are deferred), but be safe.
    const QList<WsClient *> subscribers = channel.subscribers;
    for (WsClient *client : subscribers) {
        if (client == exclude)
            continue;
        m_sender->sendFrame(client, frame, eventName, channel.name);
        ++sent;
    }
    return sent;
}

bool ChannelHub::isOccupied(const AppState *app, const QString &channel) const
{
    const ChannelMap &map = m_channels[size_t(app->index)];
    return map.find(channel) != map.end();
}

ChannelInfo ChannelHub::info(const Channel &channel) const
{
    ChannelInfo i;
    i.name = channel.name;
    i.subscriptionCount = int(channel.subscribers.size());
    if (channel.type == ChannelType::Presence)
        i.userCount = channel.presence.count();
    return i;
}

QList<ChannelInfo> ChannelHub::channels(const AppState *app, QStringView prefix) const
{
    QList<ChannelInfo> list;
    for (const auto &[name, channel] : m_channels[size_t(app->index)])
        if (name.startsWith(prefix))
            list.append(info(*channel));
    std::sort(list.begin(), list.end(), [](const ChannelInfo &a, const ChannelInfo &b) { return a.name < b.name; });
    return list;
}

std::optional<ChannelInfo> ChannelHub::channel(const AppState *app, const QString &name) const
{
    const ChannelMap &map = m_channels[size_t(app->index)];
    const auto it = map.find(name);
    if (it == map.end())
        return std::nullopt;
    return info(*it->second);
}

} // namespace Apinator::Sandbox
