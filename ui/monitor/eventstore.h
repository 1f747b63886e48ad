// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <deque>

class QThreadPool;

namespace Apinator {
struct RealtimeEvent;
}

namespace Apinator::Ui {

// The monitor's events, compactly: a bounded ring of small fixed records (times, interned
// channel and event names, sizes) and the data bytes packed back to back in blocks of
// BlockBytes; a full block is deflated on a worker thread. 100,000 events of 1 KiB take a
// fraction of their raw size. Events are numbered (seq) from 0 since the last clear, so a
// view can hold on to a seq while older ones are dropped.
class EventStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventStore)
public:
    static constexpr qsizetype BlockBytes = 256 * 1024;
    static constexpr int DefaultCapacity = 100000;

    enum Flag : quint8 {
        Matched = 1,  // matched to a send of this console: latency is known
        Excluded = 2, // arrived although its send excluded this connection's socket id
    };

    struct Record
    {
        qint64 receivedMsecs = 0;
        quint32 channel = 0; // interned: name(channel)
        quint32 event = 0;
        quint32 user = 0;    // 0: none
        quint32 block = 0;   // block id
        quint32 offset = 0;  // in the block's raw bytes
        quint32 size = 0;    // data bytes
        qint32 latencyMs = -1;
        quint8 flags = 0;
    };

    explicit EventStore(QObject *parent = nullptr);
    ~EventStore() override;

    int capacity() const { return m_capacity; }
    // Drops the oldest beyond the new capacity.
    void setCapacity(int capacity);

    // How many append(events) would drop now (for a model to announce it first).
    qint64 dropsFor(qsizetype incoming) const;
    void append(const QList<RealtimeEvent> &events);
    void clear();

    qint64 firstSeq() const { return m_firstSeq; }
    qint64 endSeq() const { return m_firstSeq + qint64(m_records.size()); }
    qint64 size() const { return qint64(m_records.size()); }
    bool contains(qint64 seq) const { return seq >= m_firstSeq && seq < endSeq(); }
    // Dropped by the ring since the last clear.
    qint64 dropped() const { return m_dropped; }

    const Record &record(qint64 seq) const { return m_records[std::size_t(seq - m_firstSeq)]; }
    Record &record(qint64 seq) { return m_records[std::size_t(seq - m_firstSeq)]; }
    // The data bytes of seq (inflates its block when packed; a few blocks stay cached).
    QByteArray data(qint64 seq) const;
    // The bytes of many events at once, cheaper than data() for a sequential scan: the
    // view is valid until the next call on this store.
    QByteArrayView dataView(qint64 seq) const;
    const QString &name(quint32 id) const { return m_names.at(id); }
    quint32 nameCount() const { return quint32(m_names.size()); }

    // Bytes held: records, names, blocks (raw and packed), for the page's status.
    qint64 memoryBytes() const;
    // Waits for pending compression (benchmarks and tests).
    void waitForPacking();

private:
    struct Block
    {
        quint32 id = 0;
        QByteArray raw;    // empty once packed
        QByteArray packed; // qCompress()ed raw
        qsizetype rawSize = 0;
        bool sealed = false;
    };
    quint32 intern(const QString &name);
    void dropFront(qint64 count);
    void seal(Block &block);
    void packed(quint32 generation, quint32 id, const QByteArray &bytes);
    const QByteArray &rawOf(quint32 blockId) const;

    std::deque<Record> m_records;
    std::deque<Block> m_blocks; // ids consecutive, front is the oldest
    quint32 m_nextBlockId = 0;
    quint32 m_generation = 0;   // a clear() ignores packing still in flight
    qint64 m_firstSeq = 0;
    qint64 m_dropped = 0;
    int m_capacity = DefaultCapacity;
    QList<QString> m_names{QString()};
    QHash<QString, quint32> m_nameIds;
    // Inflated blocks, most recent last: a screenful of rows touches one or two.
    mutable QList<std::pair<quint32, QByteArray>> m_inflated;
    QThreadPool *m_pool;
};

} // namespace Apinator::Ui
