// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "monitor/eventstore.h"

#include <apinator/realtimeclient.h>

#include <QCoreApplication>
#include <QPointer>
#include <QRunnable>
#include <QThreadPool>

namespace Apinator::Ui {

namespace {
// Level 1: most of the ratio of JSON at a fraction of the CPU of the default.
constexpr int PackLevel = 1;
constexpr qsizetype InflatedCacheSize = 4;
} // namespace

EventStore::EventStore(QObject *parent)
    : QObject(parent)
    , m_pool(new QThreadPool(this))
{
    m_pool->setMaxThreadCount(1);
}

EventStore::~EventStore()
{
    // Packing jobs post back to this object: none may outlive it.
    m_pool->clear();
    m_pool->waitForDone();
}

void EventStore::setCapacity(int capacity)
{
    m_capacity = qMax(1, capacity);
    if (size() > m_capacity)
        dropFront(size() - m_capacity);
}

qint64 EventStore::dropsFor(qsizetype incoming) const
{
    return qMax<qint64>(0, size() + incoming - m_capacity);
}

quint32 EventStore::intern(const QString &name)
{
    if (name.isEmpty())
        return 0;
    const auto it = m_nameIds.constFind(name);
    if (it != m_nameIds.cend())
        return *it;
    const auto id = quint32(m_names.size());
    m_names.append(name);
    m_nameIds.insert(name, id);
    return id;
}

void EventStore::append(const QList<RealtimeEvent> &events)
{
    // More than fit: only the newest capacity() of them are kept, the rest count as dropped.
    const qsizetype skip = qMax<qsizetype>(0, events.size() - m_capacity);
    if (const qint64 drops = dropsFor(events.size() - skip); drops > 0)
        dropFront(drops);
    if (skip) {
        m_firstSeq += skip;
        m_dropped += skip;
    }
    for (qsizetype i = skip; i < events.size(); ++i) {
        const RealtimeEvent &e = events.at(i);
        const qsizetype bytes = e.data.size();
        // A new block when the open one would pass BlockBytes (an event larger than that
        // gets a block of its own).
        if (m_blocks.empty() || m_blocks.back().sealed
            || (!m_blocks.back().raw.isEmpty() && m_blocks.back().raw.size() + bytes > BlockBytes)) {
            if (!m_blocks.empty() && !m_blocks.back().sealed)
                seal(m_blocks.back());
            Block block;
            block.id = m_nextBlockId++;
            block.raw.reserve(qMax(BlockBytes, bytes));
            m_blocks.push_back(std::move(block));
        }
        Block &block = m_blocks.back();
        Record r;
        r.receivedMsecs = e.receivedMsecs;
        r.channel = intern(e.channel);
        r.event = intern(e.event);
        r.user = intern(e.userId);
        r.block = block.id;
        r.offset = quint32(block.raw.size());
        r.size = quint32(bytes);
        block.raw.append(e.data);
        block.rawSize = block.raw.size();
        m_records.push_back(r);
    }
}

void EventStore::dropFront(qint64 count)
{
    count = qMin(count, size());
    if (count <= 0)
        return;
    m_records.erase(m_records.begin(), m_records.begin() + count);
    m_firstSeq += count;
    m_dropped += count;
    // A block goes once no kept record points into it.
    const quint32 oldestUsed = m_records.empty() ? m_nextBlockId : m_records.front().block;
    while (!m_blocks.empty() && m_blocks.front().id < oldestUsed) {
        const quint32 id = m_blocks.front().id;
        m_inflated.removeIf([id](const auto &entry) { return entry.first == id; });
        m_blocks.pop_front();
    }
}

void EventStore::clear()
{
    m_records.clear();
    m_blocks.clear();
    m_inflated.clear();
    m_firstSeq = 0;
    m_dropped = 0;
    ++m_generation;
    // Names stay: few, and a record may be re-added with the same ones at once.
}

void EventStore::seal(Block &block)
{
    block.sealed = true;
    const QByteArray raw = block.raw; // shared, not copied: the block no longer grows
    const quint32 id = block.id;
    const quint32 generation = m_generation;
    QPointer<EventStore> self(this);
    m_pool->start(QRunnable::create([self, raw, id, generation] {
        // qCompress leaves its buffer at the bound of the input's size (about 259 KiB for
        // a block that packs to 50): kept as is, 400 packed blocks held 200 MB of heap.
        const QByteArray packed = qCompress(raw, PackLevel);
        const QByteArray bytes(packed.constData(), packed.size());
        if (self)
            QMetaObject::invokeMethod(
                self.data(), [self, generation, id, bytes] { if (self) self->packed(generation, id, bytes); },
                Qt::QueuedConnection);
    }));
}

void EventStore::packed(quint32 generation, quint32 id, const QByteArray &bytes)
{
    if (generation != m_generation || m_blocks.empty() || id < m_blocks.front().id)
        return;
    Block &block = m_blocks[id - m_blocks.front().id];
    // Incompressible data stays raw: packing it would only cost inflating later.
    if (bytes.size() >= block.raw.size())
        return;
    block.packed = bytes;
    block.raw = QByteArray();
}

void EventStore::waitForPacking()
{
    m_pool->waitForDone();
    QCoreApplication::sendPostedEvents(this);
}

const QByteArray &EventStore::rawOf(quint32 blockId) const
{
    const Block &block = m_blocks[blockId - m_blocks.front().id];
    if (block.packed.isEmpty())
        return block.raw;
    for (qsizetype i = 0; i < m_inflated.size(); ++i) {
        if (m_inflated.at(i).first == blockId) {
            if (i != m_inflated.size() - 1)
                m_inflated.move(i, m_inflated.size() - 1);
            return m_inflated.constLast().second;
        }
    }
    if (m_inflated.size() >= InflatedCacheSize)
        m_inflated.removeFirst();
    m_inflated.append({blockId, qUncompress(block.packed)});
    return m_inflated.constLast().second;
}

QByteArrayView EventStore::dataView(qint64 seq) const
{
    if (!contains(seq))
        return {};
    const Record &r = record(seq);
    return QByteArrayView(rawOf(r.block)).sliced(r.offset, r.size);
}

QByteArray EventStore::data(qint64 seq) const
{
    return dataView(seq).toByteArray();
}

qint64 EventStore::memoryBytes() const
{
    qint64 bytes = qint64(m_records.size()) * qint64(sizeof(Record));
    for (const Block &block : m_blocks)
        bytes += block.raw.capacity() + block.packed.capacity();
    for (const auto &entry : m_inflated)
        bytes += entry.second.size();
    for (const QString &name : m_names)
        bytes += name.size() * 2 + 32;
    return bytes;
}

} // namespace Apinator::Ui
