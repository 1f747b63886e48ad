// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "historyresend.h"

#include "channels/profileclient.h"
#include "productionguard.h"
#include "session/activeprofile.h"

#include <apinator/restclient.h>

#include <QTimer>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {
TriggerRequest requestOf(const HistoryEntry &entry)
{
    TriggerRequest r;
    r.event = entry.event;
    r.channels = entry.channels;
    r.data = entry.data;
    r.socketId = entry.socketId;
    return r;
}
} // namespace

HistoryResend::HistoryResend(const PageContext &context, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_dialogParent(dialogParent)
{
}

HistoryResend::~HistoryResend()
{
    delete m_reply.data();
}

bool HistoryResend::start(const HistoryEntry &entry, QString *problem)
{
    if (m_running) {
        *problem = tr("A resend is already running.");
        return false;
    }
    const auto profile = m_context.active ? m_context.active->profile() : std::nullopt;
    m_client = restClientForActiveProfile(m_context, problem);
    if (!m_client || !profile)
        return false;
    if (const QString error = requestOf(entry).error(); !error.isEmpty()) {
        *problem = tr("This entry cannot be sent again: %1").arg(error);
        return false;
    }
    m_entry = entry;
    m_running = true;
    // Production profiles ask first; the answer comes later (window-modal dialog).
    confirmSend(m_dialogParent, m_context.app.profiles, *profile,
                tr("resend “%1” to %2").arg(entry.event, entry.channels.join(u", "_s)),
                [self = QPointer<HistoryResend>(this)](bool confirmed) {
                    if (!self)
                        return;
                    if (confirmed) {
                        self->send();
                    } else {
                        self->m_running = false;
                        Q_EMIT self->finished(0, false, tr("Resend cancelled."));
                    }
                });
    return true;
}

void HistoryResend::send()
{
    QString error;
    m_reply = m_client->trigger(requestOf(m_entry), &error);
    if (!m_reply) {
        QTimer::singleShot(0, this, [this, error] {
            m_running = false;
            Q_EMIT finished(0, false, error);
        });
        return;
    }
    connect(m_reply, &RestReply::finished, this, &HistoryResend::done);
}

void HistoryResend::done()
{
    RestReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    m_running = false;
    const RestResult &result = reply->result();
    HistoryEntry recorded = historyEntryFor(requestOf(m_entry), result);
    if (const auto profile = m_context.active->profile()) {
        recorded.profileId = profile->id;
        recorded.profileName = profile->name;
    }
    const qint64 id = m_context.app.history ? m_context.app.history->add(recorded) : 0;
    const QString message = result.ok()
        ? tr("Resent “%1”: HTTP %2 in %3 ms.").arg(m_entry.event).arg(result.response.status).arg(recorded.elapsedMs)
        : tr("Resend of “%1” failed: %2").arg(m_entry.event, result.errorMessage);
    Q_EMIT finished(id, result.ok(), message);
}

} // namespace Apinator::Ui
