// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "session/deferredhistorystore.h"

#include "deferredparts.h"

namespace Apinator::Ui {

DeferredHistoryStore::DeferredHistoryStore(DeferredParts *parts, QObject *parent)
    : HistoryStore(parent)
    , m_parts(parts)
{
}

DeferredHistoryStore::~DeferredHistoryStore() = default;

HistoryStore *DeferredHistoryStore::real() const
{
    if (m_real || !m_problem.isEmpty())
        return m_real.get();
    m_real = m_parts->openHistory(&m_problem);
    if (!m_real)
        return nullptr;
    auto *self = const_cast<DeferredHistoryStore *>(this);
    connect(m_real.get(), &HistoryStore::movedAside, self, &HistoryStore::movedAside);
    connect(m_real.get(), &HistoryStore::added, self, &HistoryStore::added);
    connect(m_real.get(), &HistoryStore::removed, self, &HistoryStore::removed);
    if (!m_path.isEmpty()) {
        if (m_openNow)
            m_real->open(m_path);
        else
            m_real->openOnFirstUse(m_path);
    }
    return m_real.get();
}

bool DeferredHistoryStore::open(const QString &path)
{
    m_path = path;
    m_openNow = true;
    if (m_real)
        return m_real->open(path);
    return real() && m_real->isOpen();
}

void DeferredHistoryStore::openOnFirstUse(const QString &path)
{
    m_path = path;
    m_openNow = false;
    if (m_real)
        m_real->openOnFirstUse(path);
}

bool DeferredHistoryStore::ensureOpen() const
{
    HistoryStore *store = real();
    return store && store->ensureOpen();
}

void DeferredHistoryStore::close()
{
    if (m_real)
        m_real->close();
}

bool DeferredHistoryStore::isOpen() const
{
    return m_real && m_real->isOpen();
}

QString DeferredHistoryStore::path() const
{
    return m_real ? m_real->path() : m_path;
}

QString DeferredHistoryStore::openMessage() const
{
    return m_real ? m_real->openMessage() : QString();
}

QString DeferredHistoryStore::movedAsidePath() const
{
    return m_real ? m_real->movedAsidePath() : QString();
}

QString DeferredHistoryStore::lastError() const
{
    return m_real ? m_real->lastError() : m_problem;
}

qint64 DeferredHistoryStore::add(const HistoryEntry &entry)
{
    return withStore([&](HistoryStore &store) { return store.add(entry); });
}

std::optional<HistoryEntry> DeferredHistoryStore::entry(qint64 id) const
{
    return withStore([&](HistoryStore &store) { return store.entry(id); });
}

int DeferredHistoryStore::count(const HistoryFilter &filter) const
{
    return withStore([&](HistoryStore &store) { return store.count(filter); });
}

QList<HistorySummary> DeferredHistoryStore::rows(const HistoryFilter &filter, int offset, int limit, Order order) const
{
    return withStore([&](HistoryStore &store) { return store.rows(filter, offset, limit, order); });
}

QList<HistorySummary> DeferredHistoryStore::rowsBefore(const HistoryFilter &filter, qint64 beforeId, int limit) const
{
    return withStore([&](HistoryStore &store) { return store.rowsBefore(filter, beforeId, limit); });
}

QList<HistorySummary> DeferredHistoryStore::rowsAfter(const HistoryFilter &filter, qint64 afterId, int limit) const
{
    return withStore([&](HistoryStore &store) { return store.rowsAfter(filter, afterId, limit); });
}

QList<QPair<QString, QString>> DeferredHistoryStore::profiles() const
{
    return withStore([&](HistoryStore &store) { return store.profiles(); });
}

int DeferredHistoryStore::remove(const QList<qint64> &ids)
{
    return withStore([&](HistoryStore &store) { return store.remove(ids); });
}

QByteArray DeferredHistoryStore::exportJsonLines(const QList<qint64> &ids) const
{
    return withStore([&](HistoryStore &store) { return store.exportJsonLines(ids); });
}

} // namespace Apinator::Ui
