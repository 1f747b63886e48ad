// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "historymodel.h"

#include <QColor>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

HistoryModel::HistoryModel(HistoryStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    if (m_store) {
        connect(m_store, &HistoryStore::added, this, &HistoryModel::onAdded);
        connect(m_store, &HistoryStore::removed, this, &HistoryModel::onRemoved);
        m_count = m_store->count(m_filter);
    }
}

void HistoryModel::setFilter(const HistoryFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    m_blocks.clear();
    m_recent.clear();
    m_count = m_store ? m_store->count(m_filter) : 0;
    endResetModel();
}

void HistoryModel::reload()
{
    setFilter(m_filter);
}

void HistoryModel::onAdded()
{
    // New ids are the largest: whatever matches lands at the top, and the rows below keep
    // their order. Inserting (not resetting) keeps the user's selection and scroll position.
    const int count = m_store->count(m_filter);
    if (count <= m_count)
        return;
    beginInsertRows({}, 0, count - m_count - 1);
    m_count = count;
    m_blocks.clear();
    m_recent.clear();
    endInsertRows();
}

void HistoryModel::onRemoved()
{
    reload();
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QList<HistorySummary> HistoryModel::readBlock(int index) const
{
    ++m_blockReads;
    const int first = index * BlockSize;
    const int size = std::min(BlockSize, m_count - first);
    // Next to a cached block: by id, which an index answers at once at any depth.
    if (const auto before = m_blocks.constFind(index - 1); before != m_blocks.cend() && !before->isEmpty())
        return m_store->rowsBefore(m_filter, before->constLast().id, size);
    if (const auto after = m_blocks.constFind(index + 1); after != m_blocks.cend() && !after->isEmpty()) {
        QList<HistorySummary> rows = m_store->rowsAfter(m_filter, after->constFirst().id, size);
        std::reverse(rows.begin(), rows.end());
        return rows;
    }
    // A jump: count the offset from the nearer end, so the end of the list is as quick as its top.
    const int fromEnd = m_count - (first + size);
    if (fromEnd < first) {
        QList<HistorySummary> rows = m_store->rows(m_filter, fromEnd, size, HistoryStore::Order::OldestFirst);
        std::reverse(rows.begin(), rows.end());
        return rows;
    }
    return m_store->rows(m_filter, first, size);
}

const QList<HistorySummary> &HistoryModel::block(int index) const
{
    auto it = m_blocks.find(index);
    if (it == m_blocks.end()) {
        QList<HistorySummary> rows = readBlock(index); // may use the neighbours: read before evicting
        // Evict first: QHash::remove() moves other entries, so no iterator may outlive it.
        while (m_recent.size() >= m_maxCachedBlocks)
            m_blocks.remove(m_recent.takeFirst());
        m_recent.append(index);
        it = m_blocks.insert(index, std::move(rows));
    } else if (m_recent.constLast() != index) {
        m_recent.removeOne(index);
        m_recent.append(index);
    }
    return *it;
}

const HistorySummary *HistoryModel::summaryAt(int row) const
{
    if (!m_store || row < 0 || row >= m_count)
        return nullptr;
    const QList<HistorySummary> &rows = block(row / BlockSize);
    const int offset = row % BlockSize;
    // Fewer rows than counted: another connection deleted some since the count.
    return offset < rows.size() ? &rows[offset] : nullptr;
}

qint64 HistoryModel::idAt(int row) const
{
    const HistorySummary *s = summaryAt(row);
    return s ? s->id : 0;
}

int HistoryModel::cachedRowOf(qint64 id) const
{
    for (auto it = m_blocks.cbegin(); it != m_blocks.cend(); ++it) {
        for (int i = 0; i < it->size(); ++i) {
            if (it->at(i).id == id)
                return it.key() * BlockSize + i;
        }
    }
    return -1;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const HistorySummary *s = summaryAt(index.row());
    if (!s)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time:
            return s->time.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
        case Profile:
            return s->profileName;
        case Event:
            return s->event;
        case Channels:
            return s->channels.join(u", "_s);
        case Status:
            return s->status ? QString::number(s->status) : tr("no answer");
        case Elapsed:
            return tr("%1 ms").arg(s->elapsedMs);
        case Data:
            return s->dataPreview;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Status && !s->error.isEmpty())
            return s->error;
        if (index.column() == Channels)
            return s->channels.join(u'\n');
        break;
    case Qt::ForegroundRole:
        if (index.column() == Status && !s->succeeded())
            return QColor(0xc0, 0x1c, 0x28);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Status || index.column() == Elapsed)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case IdRole:
        return s->id;
    case SucceededRole:
        return s->succeeded();
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Profile:
        return tr("Profile");
    case Event:
        return tr("Event");
    case Channels:
        return tr("Channels");
    case Status:
        return tr("Status");
    case Elapsed:
        return tr("Elapsed");
    case Data:
        return tr("Data");
    }
    return {};
}

} // namespace Apinator::Ui
