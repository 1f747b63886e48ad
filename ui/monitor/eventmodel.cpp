// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "monitor/eventmodel.h"

#include <apinator/json.h>
#include <apinator/realtimeclient.h>

#include <QColor>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {
// A filter slice per timer tick: the window repaints and takes input between slices.
constexpr int SliceMs = 12;
// A batch of arrivals is filtered at once; it is small (one flush of the page).
constexpr int ArrivalBudgetMs = 1000;
} // namespace

EventModel::EventModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(new EventStore(this))
    , m_scanTimer(new QTimer(this))
{
    m_scanTimer->setInterval(0);
    m_scanTimer->setSingleShot(true);
    connect(m_scanTimer, &QTimer::timeout, this, [this] {
        advance(SliceMs);
        if (!isFiltering())
            Q_EMIT filteringFinished();
    });
}

EventModel::~EventModel() = default;

qint64 EventModel::limit() const
{
    return m_paused ? qMax(m_pausedAt, m_store->firstSeq()) : m_store->endSeq();
}

bool EventModel::isFiltering() const
{
    return m_scanPos < limit();
}

qint64 EventModel::held() const
{
    return m_paused ? m_store->endSeq() - qMax(m_pausedAt, m_store->firstSeq()) : 0;
}

qint64 EventModel::append(const QList<RealtimeEvent> &events)
{
    m_received += events.size();
    const qint64 drops = m_store->dropsFor(events.size());
    if (drops > 0) {
        // The rows of dropped events go first, announced before the store lets them go.
        const qint64 newFirst = m_store->firstSeq() + drops;
        const auto cut = std::lower_bound(m_rows.cbegin(), m_rows.cend(), newFirst);
        const int k = int(cut - m_rows.cbegin());
        if (k > 0) {
            beginRemoveRows({}, 0, k - 1);
            m_rows.remove(0, k);
            m_store->append(events);
            endRemoveRows();
        } else {
            m_store->append(events);
        }
    } else {
        m_store->append(events);
    }
    m_scanPos = qMax(m_scanPos, m_store->firstSeq());
    const qint64 first = qMax(m_store->firstSeq(), m_store->endSeq() - events.size());
    // While a new filter is still being applied, the timer reaches these too.
    if (!m_scanTimer->isActive())
        advance(ArrivalBudgetMs);
    Q_EMIT countsChanged();
    return first;
}

void EventModel::clear()
{
    beginResetModel();
    m_store->clear();
    m_rows.clear();
    m_scanPos = 0;
    m_pausedAt = 0;
    m_received = 0;
    m_scanTimer->stop();
    endResetModel();
    Q_EMIT countsChanged();
}

void EventModel::setCapacity(int capacity)
{
    const qint64 drops = qMax<qint64>(0, m_store->size() - capacity);
    const auto cut = std::lower_bound(m_rows.cbegin(), m_rows.cend(), m_store->firstSeq() + drops);
    const int k = int(cut - m_rows.cbegin());
    if (k > 0)
        beginRemoveRows({}, 0, k - 1);
    m_rows.remove(0, k);
    m_store->setCapacity(capacity);
    if (k > 0)
        endRemoveRows();
    m_scanPos = qMax(m_scanPos, m_store->firstSeq());
    Q_EMIT countsChanged();
}

void EventModel::setFilter(const EventFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    m_channelMatch.clear();
    m_eventMatch.clear();
    m_rows.clear();
    m_scanPos = m_store->firstSeq();
    endResetModel();
    advance(SliceMs);
    if (isFiltering())
        m_scanTimer->start();
    else
        Q_EMIT filteringFinished();
    Q_EMIT countsChanged();
}

void EventModel::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (paused) {
        m_pausedAt = m_store->endSeq();
        m_scanTimer->stop();
    } else {
        // What arrived meanwhile is shown now, a slice at a time when it is a lot.
        advance(SliceMs);
        if (isFiltering())
            m_scanTimer->start();
    }
    Q_EMIT countsChanged();
}

bool EventModel::nameMatches(QList<qint8> &cache, const QString &needle, quint32 id) const
{
    if (needle.isEmpty())
        return true;
    if (cache.size() <= qsizetype(id))
        cache.resize(m_store->nameCount(), -1);
    qint8 &known = cache[id];
    if (known < 0)
        known = m_store->name(id).contains(needle, Qt::CaseInsensitive) ? 1 : 0;
    return known == 1;
}

bool EventModel::matches(qint64 seq) const
{
    const EventStore::Record &r = m_store->record(seq);
    if (!nameMatches(m_channelMatch, m_filter.channel, r.channel) || !nameMatches(m_eventMatch, m_filter.event, r.event))
        return false;
    return m_filter.text.isEmpty() || m_store->dataView(seq).contains(m_filter.text);
}

void EventModel::advance(int budgetMs)
{
    const qint64 end = limit();
    if (m_scanPos >= end)
        return;
    QList<qint64> found;
    QElapsedTimer clock;
    clock.start();
    qint64 seq = m_scanPos;
    if (m_filter.isEmpty()) {
        found.reserve(end - seq);
        for (; seq < end; ++seq)
            found.append(seq);
    } else {
        for (; seq < end; ++seq) {
            if (matches(seq))
                found.append(seq);
            // The clock is read every 512 events: cheap, and a slice overruns by little.
            if ((seq & 511) == 511 && clock.elapsed() >= budgetMs) {
                ++seq;
                break;
            }
        }
    }
    m_scanPos = seq;
    if (!found.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + found.size() - 1));
        m_rows.append(found);
        endInsertRows();
    }
    if (m_scanPos < end && !m_scanTimer->isActive())
        m_scanTimer->start();
}

int EventModel::rowOf(qint64 seq) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), seq);
    return it != m_rows.cend() && *it == seq ? int(it - m_rows.cbegin()) : -1;
}

void EventModel::recordChanged(qint64 seq)
{
    if (const int row = rowOf(seq); row >= 0)
        Q_EMIT dataChanged(index(row, RoundTrip), index(row, RoundTrip));
}

QString EventModel::timeText(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs).toString(u"HH:mm:ss.zzz"_s);
}

QByteArray EventModel::jsonLine(qint64 seq) const
{
    const EventStore::Record &r = m_store->record(seq);
    QByteArray line;
    line.reserve(r.size + 128);
    line += "{\"time\":\"";
    line += QDateTime::fromMSecsSinceEpoch(r.receivedMsecs, Qt::UTC).toString(Qt::ISODateWithMs).toUtf8();
    line += "\",\"channel\":";
    Json::appendQuoted(line, m_store->name(r.channel).toUtf8());
    line += ",\"event\":";
    Json::appendQuoted(line, m_store->name(r.event).toUtf8());
    line += ",\"data\":";
    Json::appendQuoted(line, m_store->dataView(seq));
    line += '}';
    return line;
}

int EventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const qint64 seq = m_rows.at(index.row());
    if (!m_store->contains(seq))
        return {};
    const EventStore::Record &r = m_store->record(seq);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return timeText(r.receivedMsecs);
        case Channel:
            return m_store->name(r.channel);
        case Event:
            return m_store->name(r.event);
        case Size:
            return QString::number(r.size);
        case RoundTrip:
            if (r.flags & EventStore::Excluded)
                return tr("%1 ms, excluded!").arg(r.latencyMs);
            return r.flags & EventStore::Matched ? tr("%1 ms").arg(r.latencyMs) : QString();
        case Data: {
            QByteArray preview = m_store->dataView(seq).first(qMin<qsizetype>(r.size, PreviewBytes)).toByteArray();
            preview.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
            return QString::fromUtf8(preview);
        }
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == RoundTrip && (r.flags & EventStore::Excluded))
            return tr("Sent with this connection's socket id excluded, yet it arrived here");
        if (index.column() == RoundTrip && (r.flags & EventStore::Matched))
            return tr("From the Trigger page's send to its arrival here");
        break;
    case Qt::ForegroundRole:
        if (index.column() == RoundTrip && (r.flags & EventStore::Excluded))
            return QColor(0xc0, 0x1c, 0x28);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Size || index.column() == RoundTrip)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case SeqRole:
        return seq;
    }
    return {};
}

QVariant EventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Channel:
        return tr("Channel");
    case Event:
        return tr("Event");
    case Size:
        return tr("Bytes");
    case RoundTrip:
        return tr("Round trip");
    case Data:
        return tr("Data");
    }
    return {};
}

} // namespace Apinator::Ui
