// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// Reading the history: filters, windows of rows, single entries, JSON lines.
#include <apinator/sqlhistorystore.h>

#include "historysql.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Apinator {

namespace HistorySql {

Where where(const HistoryFilter &filter)
{
    Where w;
    QStringList parts;
    if (!filter.profileId.isEmpty()) {
        parts << u"profile_id = ?"_s;
        w.values << filter.profileId;
    }
    if (filter.outcome != HistoryOutcome::Any) {
        parts << u"ok = ?"_s;
        w.values << (filter.outcome == HistoryOutcome::Success ? 1 : 0);
    }
    const QString search = filter.search.trimmed();
    if (!search.isEmpty()) {
        // The user's text is literal: % and _ are not wildcards for them.
        QString escaped = search;
        escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
        const QString pattern = u'%' + escaped + u'%';
        parts << u"(event LIKE ? ESCAPE '\\' OR channels LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM "
                 "send_payloads p WHERE p.id = sends.id AND CAST(p.data AS TEXT) LIKE ? ESCAPE '\\'))"_s;
        w.values << pattern << pattern << pattern;
    }
    w.clause = parts.isEmpty() ? u"1"_s : parts.join(u" AND "_s);
    return w;
}

} // namespace HistorySql

namespace {

// A literal, not a QString: no static initialiser (the parts module links a copy of this file).
constexpr auto kSummaryColumns =
    "id, time_ms, profile_id, profile_name, event, channels, data_preview, status, elapsed_ms, error"_L1;

HistorySummary summaryFrom(const QSqlQuery &q)
{
    HistorySummary s;
    s.id = q.value(0).toLongLong();
    s.time = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
    s.profileId = q.value(2).toString();
    s.profileName = q.value(3).toString();
    s.event = q.value(4).toString();
    s.channels = HistorySql::splitChannels(q.value(5).toString());
    s.dataPreview = q.value(6).toString();
    s.status = q.value(7).toInt();
    s.elapsedMs = q.value(8).toLongLong();
    s.error = q.value(9).toString();
    return s;
}

// Runs one summary SELECT; `tail` is everything after "FROM sends", `values` its bound values in order.
QList<HistorySummary> selectSummaries(const QString &connection, QString &lastError, const QString &tail,
                                      const QVariantList &values, int limit)
{
    QList<HistorySummary> out;
    QSqlQuery q(QSqlDatabase::database(connection, false));
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + kSummaryColumns + u" FROM sends"_s + tail);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        lastError = q.lastError().text();
        return out;
    }
    out.reserve(limit);
    while (q.next())
        out << summaryFrom(q);
    return out;
}

// Keyset page: the rows just past `id`, older ones newest first or newer ones oldest first.
QString keysetTail(const QString &clause, bool older)
{
    return (older ? u" WHERE id < ? AND "_s : u" WHERE id > ? AND "_s) + clause
        + (older ? u" ORDER BY id DESC LIMIT ?"_s : u" ORDER BY id ASC LIMIT ?"_s);
}

} // namespace

int SqlHistoryStore::count(const HistoryFilter &filter) const
{
    if (!ensureOpen())
        return 0;
    const HistorySql::Where w = HistorySql::where(filter);
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(u"SELECT count(*) FROM sends WHERE "_s + w.clause);
    for (const QVariant &v : w.values)
        q.addBindValue(v);
    if (!q.exec() || !q.next()) {
        m_lastError = q.lastError().text();
        return 0;
    }
    return q.value(0).toInt();
}

QList<HistorySummary> SqlHistoryStore::rows(const HistoryFilter &filter, int offset, int limit, Order order) const
{
    if (limit <= 0 || !ensureOpen())
        return {};
    const HistorySql::Where w = HistorySql::where(filter);
    return selectSummaries(m_connection, m_lastError,
                           u" WHERE "_s + w.clause + u" ORDER BY id "_s
                               + (order == Order::NewestFirst ? u"DESC"_s : u"ASC"_s) + u" LIMIT ? OFFSET ?"_s,
                           w.values + QVariantList{limit, qMax(0, offset)}, limit);
}

QList<HistorySummary> SqlHistoryStore::rowsBefore(const HistoryFilter &filter, qint64 beforeId, int limit) const
{
    if (limit <= 0 || !ensureOpen())
        return {};
    const HistorySql::Where w = HistorySql::where(filter);
    return selectSummaries(m_connection, m_lastError, keysetTail(w.clause, true),
                           QVariantList{beforeId} + w.values + QVariantList{limit}, limit);
}

QList<HistorySummary> SqlHistoryStore::rowsAfter(const HistoryFilter &filter, qint64 afterId, int limit) const
{
    if (limit <= 0 || !ensureOpen())
        return {};
    const HistorySql::Where w = HistorySql::where(filter);
    return selectSummaries(m_connection, m_lastError, keysetTail(w.clause, false),
                           QVariantList{afterId} + w.values + QVariantList{limit}, limit);
}

std::optional<HistoryEntry> SqlHistoryStore::entry(qint64 id) const
{
    if (!ensureOpen())
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(u"SELECT s.id, s.time_ms, s.profile_id, s.profile_name, s.event, s.channels, s.socket_id,"
              " s.status, s.elapsed_ms, s.error, p.data, p.request, p.response"
              " FROM sends s LEFT JOIN send_payloads p ON p.id = s.id WHERE s.id = ?"_s);
    q.addBindValue(id);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    HistoryEntry e;
    e.id = q.value(0).toLongLong();
    e.time = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
    e.profileId = q.value(2).toString();
    e.profileName = q.value(3).toString();
    e.event = q.value(4).toString();
    e.channels = HistorySql::splitChannels(q.value(5).toString());
    e.socketId = q.value(6).toString();
    e.status = q.value(7).toInt();
    e.elapsedMs = q.value(8).toLongLong();
    e.error = q.value(9).toString();
    e.data = q.value(10).toByteArray();
    e.request = q.value(11).toByteArray();
    e.responseBody = q.value(12).toByteArray();
    return e;
}

QList<QPair<QString, QString>> SqlHistoryStore::profiles() const
{
    QList<QPair<QString, QString>> out;
    if (!ensureOpen())
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    // The name of each profile's newest row: a renamed profile shows its current name.
    if (!q.exec(u"SELECT s.profile_id, s.profile_name FROM sends s JOIN (SELECT profile_id, max(id) AS id"
                " FROM sends GROUP BY profile_id) last ON last.id = s.id ORDER BY s.profile_name COLLATE NOCASE"_s)) {
        m_lastError = q.lastError().text();
        return out;
    }
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString()});
    return out;
}

QByteArray SqlHistoryStore::exportJsonLines(const QList<qint64> &ids) const
{
    QByteArray out;
    for (qint64 id : ids) {
        if (const auto e = entry(id)) {
            out += toJson(*e);
            out += '\n';
        }
    }
    return out;
}

} // namespace Apinator
