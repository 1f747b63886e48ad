// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The history's entries and the store's interface, without SQL: the console's executable
// links this file, SqlHistoryStore comes with its parts module.
#include <apinator/historystore.h>
#include <apinator/restclient.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Apinator {

namespace {

QJsonValue text(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

} // namespace

HistoryStore::HistoryStore(QObject *parent)
    : QObject(parent)
{
}

HistoryStore::~HistoryStore() = default;

QByteArray HistoryStore::toJson(const HistoryEntry &entry)
{
    QJsonObject o;
    o.insert(u"id"_s, entry.id);
    o.insert(u"time"_s, entry.time.toUTC().toString(Qt::ISODateWithMs));
    o.insert(u"profile_id"_s, entry.profileId);
    o.insert(u"profile_name"_s, entry.profileName);
    o.insert(u"event"_s, entry.event);
    o.insert(u"channels"_s, QJsonArray::fromStringList(entry.channels));
    if (!entry.socketId.isEmpty())
        o.insert(u"socket_id"_s, entry.socketId);
    o.insert(u"data"_s, text(entry.data));
    o.insert(u"request"_s, text(entry.request));
    o.insert(u"status"_s, entry.status);
    o.insert(u"response"_s, text(entry.responseBody));
    o.insert(u"elapsed_ms"_s, entry.elapsedMs);
    o.insert(u"ok"_s, entry.succeeded());
    if (!entry.error.isEmpty())
        o.insert(u"error"_s, entry.error);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray formatRequestAsSent(const RestResult &result)
{
    // Only what went on the wire: method, URL, headers (key, timestamp, signature), body.
    const HttpRequest &r = result.request;
    QByteArray out = r.method + ' ' + r.url + '\n';
    for (const auto &[name, value] : r.headers)
        out += name + ": " + value + '\n';
    out += '\n';
    out += r.body;
    return out;
}

HistoryEntry historyEntryFor(const TriggerRequest &request, const RestResult &result)
{
    HistoryEntry e;
    e.time = QDateTime::currentDateTimeUtc();
    e.event = request.event;
    e.channels = request.channels;
    e.socketId = request.socketId;
    e.data = request.data;
    e.request = formatRequestAsSent(result);
    e.status = result.response.status;
    e.responseBody = result.response.body;
    e.elapsedMs = qRound64(result.elapsedMs);
    e.error = result.errorMessage;
    return e;
}

} // namespace Apinator
