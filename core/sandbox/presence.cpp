// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "presence.h"

#include <apinator/channelauth.h>
#include <apinator/json.h>

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Apinator::Sandbox {

std::optional<PresenceMember> PresenceMember::fromChannelData(QByteArrayView channelData, QString *error)
{
    if (QString e = presenceChannelDataError(channelData); !e.isEmpty()) {
        *error = std::move(e);
        return std::nullopt;
    }
    const QJsonObject object = QJsonDocument::fromJson(channelData.toByteArray()).object();
    PresenceMember member;
    member.userId = object.value("user_id"_L1).toString();
    const QJsonObject info = object.value("user_info"_L1).toObject();
    member.userInfoJson = QJsonDocument(info).toJson(QJsonDocument::Compact);
    return member;
}

bool PresenceRoster::add(const PresenceMember &member)
{
    auto it = m_members.find(member.userId);
    if (it != m_members.end()) {
        ++it->connections;
        return false;
    }
    m_members.insert(member.userId, Entry{member.userInfoJson, 1});
    m_order.append(member.userId);
    return true;
}

bool PresenceRoster::remove(const QString &userId)
{
    auto it = m_members.find(userId);
    if (it == m_members.end())
        return false;
    if (--it->connections > 0)
        return false;
    m_members.erase(it);
    m_order.removeOne(userId);
    return true;
}

QByteArray PresenceRoster::userInfo(const QString &userId) const
{
    return m_members.value(userId).userInfoJson;
}

QByteArray PresenceRoster::subscriptionData() const
{
    QByteArray ids;
    QByteArray hash;
    for (const QString &id : m_order) {
        const QByteArray quoted = Json::quote(id.toUtf8());
        ids.append(ids.isEmpty() ? "" : ",").append(quoted);
        hash.append(hash.isEmpty() ? "" : ",").append(quoted).append(':').append(m_members.value(id).userInfoJson);
    }
    return R"({"presence":{"count":)" + QByteArray::number(count()) + R"(,"ids":[)" + ids + R"(],"hash":{)" + hash
           + "}}}";
}

} // namespace Apinator::Sandbox
