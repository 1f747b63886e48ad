// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "monitor/roundtrip.h"

#include "monitor/eventmodel.h"

namespace Apinator::Ui {

RoundTripMatcher::RoundTripMatcher(EventModel *model)
    : m_model(model)
{
}

bool RoundTripMatcher::tryMatch(Pending &pending, qint64 seq, const QString &socketId)
{
    EventStore *store = m_model->store();
    EventStore::Record &r = store->record(seq);
    if ((r.flags & EventStore::Matched) || r.size != quint32(pending.sent.data.size())
        || store->name(r.event) != pending.sent.event)
        return false;
    const qsizetype channel = pending.open.indexOf(store->name(r.channel));
    if (channel < 0 || store->dataView(seq) != QByteArrayView(pending.sent.data))
        return false;
    pending.open.removeAt(channel);
    r.flags |= EventStore::Matched;
    // Clocks of one machine: never negative, even when the send's time was taken late.
    r.latencyMs = qint32(qMax<qint64>(0, r.receivedMsecs - pending.sent.sentMsecs));
    if (!pending.sent.excludedSocketId.isEmpty() && pending.sent.excludedSocketId == socketId)
        r.flags |= EventStore::Excluded;
    m_model->recordChanged(seq);
    return true;
}

void RoundTripMatcher::sent(const SentEvent &sent, const QString &socketId)
{
    Pending pending{sent, sent.channels};
    // Newest first: the arrival is recent, the search ends at the send's time.
    EventStore *store = m_model->store();
    const qint64 stop = qMax(store->firstSeq(), store->endSeq() - LookBack);
    for (qint64 seq = store->endSeq() - 1; seq >= stop && !pending.open.isEmpty(); --seq) {
        if (store->record(seq).receivedMsecs < sent.sentMsecs)
            break;
        tryMatch(pending, seq, socketId);
    }
    if (!pending.open.isEmpty())
        m_pending.append(pending);
}

void RoundTripMatcher::arrived(qint64 firstSeq, const QString &socketId)
{
    if (m_pending.isEmpty())
        return;
    EventStore *store = m_model->store();
    const qint64 end = store->endSeq();
    for (qint64 seq = qMax(firstSeq, store->firstSeq()); seq < end; ++seq) {
        for (Pending &pending : m_pending) {
            if (tryMatch(pending, seq, socketId))
                break;
        }
    }
    const qint64 oldest = (end > store->firstSeq() ? store->record(end - 1).receivedMsecs : 0) - WindowMsecs;
    m_pending.removeIf([oldest](const Pending &p) { return p.open.isEmpty() || p.sent.sentMsecs < oldest; });
}

} // namespace Apinator::Ui
