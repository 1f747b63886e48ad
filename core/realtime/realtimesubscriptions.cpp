// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// RealtimeClient: subscriptions, their authorization, presence members and client events.
#include "realtimeclient_p.h"

#include <apinator/channelauth.h>
#include <apinator/httpclient.h>
#include <apinator/json.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Apinator {

RealtimeClientPrivate::Entry *RealtimeClientPrivate::find(QStringView channel)
{
    for (Entry &entry : entries)
        if (entry.sub.channel == channel)
            return &entry;
    return nullptr;
}

const RealtimeClientPrivate::Entry *RealtimeClientPrivate::find(QStringView channel) const
{
    return const_cast<RealtimeClientPrivate *>(this)->find(channel);
}

QString RealtimeClientPrivate::presenceUserId()
{
    if (!authorization.userId.isEmpty())
        return authorization.userId;
    if (generatedUserId.isEmpty())
        generatedUserId = u"console-"_s + QString::number(QRandomGenerator::global()->bounded(100000000, 999999999));
    return generatedUserId;
}

QByteArray RealtimeClientPrivate::presenceChannelData()
{
    const QByteArray info = authorization.userInfo.trimmed().isEmpty() ? "{}"_ba : authorization.userInfo.trimmed();
    return R"({"user_id":)" + Json::quote(presenceUserId().toUtf8()) + R"(,"user_info":)" + info + '}';
}

QStringList RealtimeClientPrivate::channels() const
{
    QStringList names;
    names.reserve(entries.size());
    for (const Entry &entry : entries)
        names.append(entry.sub.channel);
    return names;
}

void RealtimeClientPrivate::subscribeAll()
{
    // By name: a handler of the signals emitted on the way may unsubscribe.
    for (const QString &channel : channels())
        if (Entry *entry = find(channel))
            sendSubscribe(*entry);
}

void RealtimeClientPrivate::sendSubscribe(Entry &entry)
{
    RealtimeSubscription &sub = entry.sub;
    if (!isConnected())
        return;
    if (sub.type == ChannelType::Public) {
        send(RealtimeFrames::subscribe(entry.nameUtf8, {}, std::nullopt));
        return;
    }
    if (authorization.endpoint) {
        authorizeWithEndpoint(entry);
        return;
    }
    if (credentials.secret.isEmpty()) {
        fail(entry, RealtimeClient::tr("%1 channels need authorization: set the app secret or an auth endpoint")
                        .arg(Names::channelTypeName(sub.type)));
        return;
    }
    std::optional<QByteArray> channelData;
    if (sub.type == ChannelType::Presence) {
        channelData = presenceChannelData();
        if (const QString error = presenceChannelDataError(*channelData); !error.isEmpty()) {
            fail(entry, RealtimeClient::tr("the presence identity is not usable: %1").arg(error));
            return;
        }
        sub.me = presenceUserId();
    }
    const ChannelAuthSigner signer(credentials.key.toUtf8(), credentials.secret);
    const ChannelAuthToken token = signer.sign(socketId.toUtf8(), entry.nameUtf8, channelData);
    send(RealtimeFrames::subscribe(entry.nameUtf8, token.auth, channelData));
}

void RealtimeClientPrivate::authorizeWithEndpoint(Entry &entry)
{
    if (!authorization.http) {
        fail(entry, RealtimeClient::tr("an auth endpoint is set but no HTTP client to reach it"));
        return;
    }
    AuthEndpointRequest request = *authorization.endpoint;
    request.socketId = socketId.toUtf8();
    request.channelName = entry.nameUtf8;
    if (const QString error = request.error(); !error.isEmpty()) {
        fail(entry, RealtimeClient::tr("auth endpoint: %1").arg(error));
        return;
    }
    delete entry.authReply.data();
    HttpReply *reply = authorization.http->send(request.httpRequest());
    entry.authReply = reply;
    const QString channel = entry.sub.channel;
    QObject::connect(reply, &HttpReply::finished, q, [this, channel, reply] { onAuthReply(channel, reply); });
}

void RealtimeClientPrivate::onAuthReply(const QString &channel, HttpReply *reply)
{
    reply->deleteLater();
    Entry *entry = find(channel);
    if (!entry || entry->authReply != reply || !isConnected())
        return; // unsubscribed, or asked again for a newer socket id
    entry->authReply = nullptr;
    const HttpResponse &response = reply->response();
    const QString url = QString::fromUtf8(reply->request().url);
    if (response.status == 0) {
        fail(*entry, RealtimeClient::tr("auth endpoint %1 could not be reached: %2").arg(url, response.error));
        return;
    }
    if (response.status != 200) {
        fail(*entry, RealtimeClient::tr("auth endpoint answered %1 %2")
                         .arg(response.status)
                         .arg(QString::fromUtf8(response.reasonPhrase)));
        return;
    }
    const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
    const QString auth = answer.value("auth"_L1).toString();
    if (auth.isEmpty()) {
        fail(*entry, RealtimeClient::tr("auth endpoint answered 200 without an \"auth\" string in a JSON object"));
        return;
    }
    std::optional<QByteArray> channelData;
    if (entry->sub.type == ChannelType::Presence) {
        const QJsonValue data = answer.value("channel_data"_L1);
        if (!data.isString()) {
            fail(*entry, RealtimeClient::tr("auth endpoint answered without \"channel_data\", which presence "
                                            "channels need"));
            return;
        }
        channelData = data.toString().toUtf8();
        entry->sub.me = RealtimeFrames::channelDataUserId(*channelData);
    }
    send(RealtimeFrames::subscribe(entry->nameUtf8, auth.toUtf8(), channelData));
}

void RealtimeClientPrivate::fail(Entry &entry, const QString &why)
{
    entry.sub.state = RealtimeSubscription::State::Failed;
    entry.sub.error = why;
    Q_EMIT q->subscriptionChanged(entry.sub.channel);
}

void RealtimeClientPrivate::resetSubscriptions()
{
    QStringList changed;
    for (Entry &entry : entries) {
        delete entry.authReply.data();
        if (entry.sub.state != RealtimeSubscription::State::Pending || !entry.sub.members.isEmpty())
            changed.append(entry.sub.channel);
        entry.sub.state = RealtimeSubscription::State::Pending;
        entry.sub.members.clear();
    }
    for (const QString &channel : std::as_const(changed))
        Q_EMIT q->subscriptionChanged(channel);
}

void RealtimeClientPrivate::onSubscriptionFrame(const RealtimeFrames::Frame &f)
{
    Entry *entry = find(QString::fromUtf8(f.channel));
    if (!entry)
        return;
    RealtimeSubscription &sub = entry->sub;
    const QByteArrayView event = f.event;
    if (event == "realtime:subscription_succeeded") {
        sub.state = RealtimeSubscription::State::Subscribed;
        sub.error.clear();
        if (sub.type == ChannelType::Presence)
            sub.members = RealtimeFrames::presenceSnapshot(f.data);
        Q_EMIT q->subscriptionChanged(sub.channel);
    } else if (event == "realtime:subscription_error") {
        fail(*entry, RealtimeFrames::subscriptionError(f.data));
    } else if (event == "realtime:member_added" && sub.type == ChannelType::Presence) {
        const std::optional<PresenceMember> member = RealtimeFrames::presenceMember(f.data);
        if (!member)
            return;
        const auto same = [&](const PresenceMember &m) { return m.id == member->id; };
        if (const auto it = std::find_if(sub.members.begin(), sub.members.end(), same); it != sub.members.end())
            it->info = member->info;
        else
            sub.members.append(*member);
        Q_EMIT q->memberAdded(sub.channel, *member);
        Q_EMIT q->subscriptionChanged(sub.channel);
    } else if (event == "realtime:member_removed" && sub.type == ChannelType::Presence) {
        const std::optional<PresenceMember> member = RealtimeFrames::presenceMember(f.data);
        if (!member)
            return;
        sub.members.removeIf([&](const PresenceMember &m) { return m.id == member->id; });
        Q_EMIT q->memberRemoved(sub.channel, member->id);
        Q_EMIT q->subscriptionChanged(sub.channel);
    }
}

QString RealtimeClient::subscribe(const QString &channel)
{
    if (const QString error = Names::channelNameError(channel); !error.isEmpty())
        return error;
    if (d->find(channel))
        return {};
    RealtimeClientPrivate::Entry entry;
    entry.sub.channel = channel;
    entry.sub.type = Names::channelType(channel);
    entry.nameUtf8 = channel.toUtf8();
    d->channelNames.insert(entry.nameUtf8, channel);
    d->entries.append(entry);
    Q_EMIT subscriptionChanged(channel);
    if (RealtimeClientPrivate::Entry *added = d->find(channel))
        d->sendSubscribe(*added);
    return {};
}

void RealtimeClient::unsubscribe(const QString &channel)
{
    RealtimeClientPrivate::Entry *entry = d->find(channel);
    if (!entry)
        return;
    delete entry->authReply.data();
    d->channelNames.remove(entry->nameUtf8);
    if (d->isConnected())
        d->send(RealtimeFrames::unsubscribe(entry->nameUtf8));
    d->entries.removeIf([&](const RealtimeClientPrivate::Entry &e) { return e.sub.channel == channel; });
    Q_EMIT subscriptionRemoved(channel);
}

QList<RealtimeSubscription> RealtimeClient::subscriptions() const
{
    QList<RealtimeSubscription> out;
    out.reserve(d->entries.size());
    for (const RealtimeClientPrivate::Entry &entry : d->entries)
        out.append(entry.sub);
    return out;
}

std::optional<RealtimeSubscription> RealtimeClient::subscription(const QString &channel) const
{
    if (const RealtimeClientPrivate::Entry *entry = d->find(channel))
        return entry->sub;
    return std::nullopt;
}

QString RealtimeClient::sendClientEvent(const QString &channel, const QString &event, const QByteArray &data)
{
    if (!Names::isClientEvent(event))
        return tr("client event names start with \"client-\"; \"%1\" does not").arg(event);
    if (!Names::requiresAuth(Names::channelType(channel)))
        return tr("client events go only to private and presence channels; \"%1\" is public").arg(channel);
    const RealtimeClientPrivate::Entry *entry = d->find(channel);
    if (!entry)
        return tr("not subscribed to \"%1\"").arg(channel);
    if (!d->isConnected())
        return tr("not connected");
    if (entry->sub.state != RealtimeSubscription::State::Subscribed)
        return tr("the subscription to \"%1\" is not confirmed yet").arg(channel);
    if (!Json::isValidUtf8(data))
        return tr("the data is not valid UTF-8 text");
    d->send(RealtimeFrames::clientEvent(entry->nameUtf8, event.toUtf8(), data));
    return {};
}

} // namespace Apinator
