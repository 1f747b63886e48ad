// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/historystore.h>

#include <memory>
#include <utility>

namespace Apinator::Ui {

class DeferredParts;

// The console's history: the SQLite store comes from the parts module on the first call
// that reads or writes, so that Qt SQL loads then and not at start. Until then the store
// is closed with the path remembered; when the module cannot be opened the history is off
// and lastError() says why. Signals of the real store are this one's.
class DeferredHistoryStore final : public HistoryStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeferredHistoryStore)
public:
    explicit DeferredHistoryStore(DeferredParts *parts, QObject *parent = nullptr);
    ~DeferredHistoryStore() override;

    bool open(const QString &path) override;
    void openOnFirstUse(const QString &path) override;
    bool ensureOpen() const override;
    void close() override;
    bool isOpen() const override;
    QString path() const override;
    QString openMessage() const override;
    QString movedAsidePath() const override;
    QString lastError() const override;

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
    // The real store, made (and given the remembered path) on first use; nullptr when the
    // module cannot be opened (m_problem says why).
    HistoryStore *real() const;
    // call(the real store), or an empty answer (0, nothing, no rows) when there is none.
    template<typename Call>
    auto withStore(Call call) const -> decltype(call(std::declval<HistoryStore &>()))
    {
        HistoryStore *store = real();
        return store ? call(*store) : decltype(call(*store)){};
    }

    DeferredParts *m_parts;
    QString m_path;
    bool m_openNow = false; // open() was asked, not openOnFirstUse()
    mutable std::unique_ptr<HistoryStore> m_real;
    mutable QString m_problem;
};

} // namespace Apinator::Ui
