// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "presence.h"
#include "wsclient.h"

#include <apinator/names.h>

#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace Apinator::Sandbox {

class AppRegistry;
class WebhookDispatcher;

struct ChannelInfo
{
    QString name;
    int subscriptionCount = 0;
    int userCount = -1; // presence channels only
};

// The channels of every app: who is subscribed, presence members, and the
// frames and webhooks that joining and leaving cause. A channel exists while it
// has subscribers.
class ChannelHub final
{
public:
    ChannelHub(const AppRegistry *apps, FrameSender *sender, WebhookDispatcher *webhooks);
    ~ChannelHub();
    ChannelHub(const ChannelHub &) = delete;
    ChannelHub &operator=(const ChannelHub &) = delete;

    // Adds the client (auth already checked) and sends subscription_succeeded, then
    // member_added to the others when a new presence user joins. Subscribing twice
    // re-sends subscription_succeeded.
    void subscribe(WsClient *client, const QString &channel, const std::optional<PresenceMember> &member);
    void unsubscribe(WsClient *client, const QString &channel);
    void removeClient(WsClient *client);

    // Sends an event to every subscriber but `exclude`; returns how many got it.
    // dataLiteral is the data string as a JSON string literal, quotes included;
    // userId is added for presence client events.
    int publish(const AppState *app, const QString &channel, QByteArrayView event, QByteArrayView dataLiteral,
                const WsClient *exclude, QByteArrayView userId = {});

    bool isOccupied(const AppState *app, const QString &channel) const;
    QList<ChannelInfo> channels(const AppState *app, QStringView prefix) const;
    WebhookDispatcher *webhooks() const { return m_webhooks; }
    std::optional<ChannelInfo> channel(const AppState *app, const QString &name) const;

private:
    struct Channel
    {
        QString name;
        QByteArray nameUtf8;
        ChannelType type = ChannelType::Public;
        QList<WsClient *> subscribers; // in subscription order
        PresenceRoster presence;
    };
    using ChannelMap = std::unordered_map<QString, std::unique_ptr<Channel>>;

    void leave(WsClient *client, Channel &channel, const QString &userId);
    ChannelInfo info(const Channel &channel) const;

    FrameSender *m_sender;
    WebhookDispatcher *m_webhooks;
    std::vector<ChannelMap> m_channels; // by AppState::index
};

} // namespace Apinator::Sandbox
