// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace Apinator::Sandbox {

// A presence member as a subscription declares it (from its channel_data).
struct PresenceMember
{
    QString userId;
    QByteArray userInfoJson; // compact JSON object; "{}" when channel_data had none

    // nullopt with *error set when channel_data is not what the JS client accepts.
    static std::optional<PresenceMember> fromChannelData(QByteArrayView channelData, QString *error);
};

// The members of one presence channel. A user with several connections is one
// member: it joins with its first connection and leaves with its last.
class PresenceRoster final
{
public:
    // True when the user was not a member yet (member_added is due).
    bool add(const PresenceMember &member);
    // True when that was the user's last connection (member_removed is due).
    bool remove(const QString &userId);

    int count() const { return int(m_order.size()); }
    bool contains(const QString &userId) const { return m_members.contains(userId); }
    QByteArray userInfo(const QString &userId) const;
    // {"presence":{"count":N,"ids":[...],"hash":{id:info,...}}}, ids in join order.
    QByteArray subscriptionData() const;

private:
    struct Entry
    {
        QByteArray userInfoJson;
        int connections = 0;
    };
    QStringList m_order;
    QHash<QString, Entry> m_members;
};

} // namespace Apinator::Sandbox
