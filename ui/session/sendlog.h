// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace Apinator::Ui {

// One event the console sent over REST and the server accepted.
struct SentEvent
{
    qint64 sentMsecs = 0;     // QDateTime::currentMSecsSinceEpoch() when the request left
    qint64 answeredMsecs = 0; // when the answer came
    QStringList channels;
    QString event;
    QByteArray data;
    QString excludedSocketId; // "socket_id" of the request, empty when none
};

// The window's recent successful sends, for pages that want to see them arrive (the
// Monitor matches an arrival to its send and shows the round trip). In memory only; the
// window owns one and every page gets a pointer in its PageContext.
class SendLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendLog)
public:
    static constexpr qsizetype DefaultKeep = 256;

    explicit SendLog(QObject *parent = nullptr);

    void add(const SentEvent &sent);
    // Oldest first; at most keep() entries.
    const QList<SentEvent> &recent() const { return m_recent; }
    qsizetype keep() const { return m_keep; }
    void setKeep(qsizetype keep);

Q_SIGNALS:
    void added(const Apinator::Ui::SentEvent &sent);

private:
    QList<SentEvent> m_recent;
    qsizetype m_keep = DefaultKeep;
};

} // namespace Apinator::Ui
