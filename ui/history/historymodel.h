// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/historystore.h>

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace Apinator::Ui {

// The history as a table, newest first, read lazily: rowCount() is one COUNT(*) and rows
// come in blocks of BlockSize through windowed SELECTs, kept in a small cache. Next to a
// cached block a block is read by id (keyset, cheap at any depth); otherwise by offset from
// the nearer end. 100,000 rows open with one block read, never all of them.
class HistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryModel)
public:
    enum Column { Time, Profile, Event, Channels, Status, Elapsed, Data, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int SucceededRole = Qt::UserRole + 2;
    static constexpr int BlockSize = 200;
    static constexpr int DefaultMaxCachedBlocks = 48;

    explicit HistoryModel(HistoryStore *store, QObject *parent = nullptr);

    void setFilter(const HistoryFilter &filter);
    const HistoryFilter &filter() const { return m_filter; }
    // Counts again and drops the cache (after rows were added or removed elsewhere).
    void reload();

    qint64 idAt(int row) const;
    const HistorySummary *summaryAt(int row) const;
    // The row of an id among the cached blocks; -1 when it is not loaded (or not listed).
    int cachedRowOf(qint64 id) const;
    int blockReads() const { return m_blockReads; }
    // How many blocks stay in memory (at least 1); tests use a small cache to exercise eviction.
    void setMaxCachedBlocks(int blocks) { m_maxCachedBlocks = qMax(1, blocks); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void onAdded();
    void onRemoved();
    const QList<HistorySummary> &block(int index) const;
    QList<HistorySummary> readBlock(int index) const;

    HistoryStore *m_store;
    HistoryFilter m_filter;
    int m_count = 0;
    mutable QHash<int, QList<HistorySummary>> m_blocks;
    mutable QList<int> m_recent; // block indexes, most recently used last
    mutable int m_blockReads = 0;
    int m_maxCachedBlocks = DefaultMaxCachedBlocks;
};

} // namespace Apinator::Ui
