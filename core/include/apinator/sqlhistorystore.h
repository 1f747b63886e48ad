// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/historystore.h>

namespace Apinator {

// The history in an SQLite database (Qt SQL, QSQLITE), in its own table of a file it may
// share with other stores (each with its own connection). WAL mode: a crash mid-write
// loses at most that write. A file SQLite cannot read is moved aside, never deleted, and
// openMessage() says where to.
class SqlHistoryStore final : public HistoryStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SqlHistoryStore)
public:
    explicit SqlHistoryStore(QObject *parent = nullptr);
    ~SqlHistoryStore() override;

    bool open(const QString &path) override;
    void openOnFirstUse(const QString &path) override;
    bool ensureOpen() const override;
    void close() override;
    bool isOpen() const override;
    QString path() const override { return m_path; }
    QString openMessage() const override { return m_openMessage; }
    QString movedAsidePath() const override { return m_movedAside; }
    QString lastError() const override { return m_lastError; }

    qint64 add(const HistoryEntry &entry) override;
    std::optional<HistoryEntry> entry(qint64 id) const override;
    int count(const HistoryFilter &filter = {}) const override;
    QList<HistorySummary> rows(const HistoryFilter &filter, int offset, int limit,
                               Order order = Order::NewestFirst) const override;
    QList<HistorySummary> rowsBefore(const HistoryFilter &filter, qint64 beforeId, int limit) const override;
    QList<HistorySummary> rowsAfter(const HistoryFilter &filter, qint64 afterId, int limit) const override;
    QList<QPair<QString, QString>> profiles() const override;
    int remove(const QList<qint64> &ids) override;
    QByteArray exportJsonLines(const QList<qint64> &ids) const override;

private:
    bool openConnection(const QString &path);
    bool prepareSchema();
    void moveAside(const QString &path);
    QString m_connection; // unique per store
    QString m_path;
    QString m_deferredPath; // openOnFirstUse(): opened by the first ensureOpen()
    QString m_openMessage;
    QString m_movedAside;
    mutable QString m_lastError;
};

} // namespace Apinator
