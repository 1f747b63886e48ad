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
    HistoryStore *store = real();
    return store ? store->add(entry) : 0;
}

std::optional<HistoryEntry> DeferredHistoryStore::entry(qint64 id) const
{
    HistoryStore *store = real();
    return store ? store->entry(id) : std::nullopt;
}

int DeferredHistoryStore::count(const HistoryFilter &filter) const
{
    HistoryStore *store = real();
    return store ? store->count(filter) : 0;
}

QList<HistorySummary> DeferredHistoryStore::rows(const HistoryFilter &filter, int offset, int limit, Order order) const
{
    HistoryStore *store = real();
    return store ? store->rows(filter, offset, limit, order) : QList<HistorySummary>();
}

QList<HistorySummary> DeferredHistoryStore::rowsBefore(const HistoryFilter &filter, qint64 beforeId, int limit) const
{
    HistoryStore *store = real();
    return store ? store->rowsBefore(filter, beforeId, limit) : QList<HistorySummary>();
}

QList<HistorySummary> DeferredHistoryStore::rowsAfter(const HistoryFilter &filter, qint64 afterId, int limit) const
{
    HistoryStore *store = real();
    return store ? store->rowsAfter(filter, afterId, limit) : QList<HistorySummary>();
}

QList<QPair<QString, QString>> DeferredHistoryStore::profiles() const
{
    HistoryStore *store = real();
    return store ? store->profiles() : QList<QPair<QString, QString>>();
}

int DeferredHistoryStore::remove(const QList<qint64> &ids)
{
    HistoryStore *store = real();
    return store ? store->remove(ids) : 0;
}

QByteArray DeferredHistoryStore::exportJsonLines(const QList<qint64> &ids) const
{
    HistoryStore *store = real();
    return store ? store->exportJsonLines(ids) : QByteArray();
}

} // namespace Apinator::Ui
