// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "monitor/eventstore.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QList>
#include <QString>

class QTimer;

namespace Apinator {
struct RealtimeEvent;
}

namespace Apinator::Ui {

// What the stream shows: a channel and an event name that contain the given text (any
// case), and data that contains the given bytes (exactly as typed).
struct EventFilter
{
    QString channel;
    QString event;
    QByteArray text;
    bool isEmpty() const { return channel.isEmpty() && event.isEmpty() && text.isEmpty(); }
};

// The event stream as a table over an EventStore. Rows are the stored events that pass the
// filter, oldest first, kept as a list of seqs: appending a batch is one beginInsertRows,
// dropping the oldest one beginRemoveRows. A new filter is applied a slice at a time from
// a timer, so 100,000 events never freeze the window; arrivals join once it has caught up.
// Paused, events are still stored and counted but no row is added until resume.
class EventModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventModel)
public:
    enum Column { Time, Channel, Event, Size, RoundTrip, Data, ColumnCount };
    static constexpr int SeqRole = Qt::UserRole + 1;
    static constexpr int PreviewBytes = 160;

    explicit EventModel(QObject *parent = nullptr);
    ~EventModel() override;

    EventStore *store() const { return m_store; }
    // Stores a batch (dropping the oldest beyond capacity) and adds the rows that pass the
    // filter. Returns the first seq of the batch as stored.
    qint64 append(const QList<RealtimeEvent> &events);
    void clear();
    void setCapacity(int capacity);

    void setFilter(const EventFilter &filter);
    const EventFilter &filter() const { return m_filter; }
    // True while a new filter is still being applied to the stored events.
    bool isFiltering() const;

    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    qint64 received() const { return m_received; }
    // Events that arrived while paused and are not shown yet.
    qint64 held() const;
    qint64 seqAt(int row) const { return m_rows.at(row); }
    // The row showing seq, -1 when it is not shown.
    int rowOf(qint64 seq) const;
    // A record's round trip was set: its row repaints.
    void recordChanged(qint64 seq);

    // One event as a JSON line, the shape of `apinatorctl listen --json`.
    QByteArray jsonLine(qint64 seq) const;
    // Time with milliseconds, local.
    static QString timeText(qint64 msecs);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // received(), held(), dropped or the row count changed.
    void countsChanged();
    void filteringFinished();

private:
    bool matches(qint64 seq) const;
    bool nameMatches(QList<qint8> &cache, const QString &needle, quint32 id) const;
    qint64 limit() const;
    // Adds the rows of [m_scanPos, limit()) that pass, for at most budgetMs.
    void advance(int budgetMs);

    EventStore *m_store;
    EventFilter m_filter;
    QList<qint64> m_rows;
    qint64 m_scanPos = 0;  // every seq below it has been considered
    qint64 m_pausedAt = 0; // endSeq() when paused
    qint64 m_received = 0;
    bool m_paused = false;
    mutable QList<qint8> m_channelMatch; // by name id: -1 unknown, 0 no, 1 yes
    mutable QList<qint8> m_eventMatch;
    QTimer *m_scanTimer;
};

} // namespace Apinator::Ui
