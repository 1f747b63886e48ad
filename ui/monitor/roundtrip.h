// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "session/sendlog.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Apinator::Ui {

class EventModel;

// Matches arrivals to the console's own REST sends (same channel, event name and data
// bytes) and writes the round trip, send to arrival, into the event's record. The answer
// to a send usually comes after the event itself has arrived, so a send is matched
// against the recent arrivals too, not only against later ones.
class RoundTripMatcher final
{
public:
    static constexpr qint64 WindowMsecs = 30000;
    static constexpr qint64 LookBack = 20000; // records searched back for an answered send

    explicit RoundTripMatcher(EventModel *model);

    // socketId: this connection's now, to flag an arrival its send excluded.
    void sent(const SentEvent &sent, const QString &socketId);
    // The events from firstSeq to the store's end just arrived.
    void arrived(qint64 firstSeq, const QString &socketId);
    void clear() { m_pending.clear(); }
    qsizetype pendingCount() const { return m_pending.size(); }

private:
    struct Pending
    {
        SentEvent sent;
        QStringList open; // channels not matched yet
    };
    bool tryMatch(Pending &pending, qint64 seq, const QString &socketId);

    EventModel *m_model;
    QList<Pending> m_pending;
};

} // namespace Apinator::Ui
