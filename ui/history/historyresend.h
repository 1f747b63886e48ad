// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "pagecontext.h"

#include <apinator/historystore.h>

#include <QObject>
#include <QPointer>

#include <memory>

class QWidget;

namespace Apinator {
class RestClient;
class RestReply;
}

namespace Apinator::Ui {

// Sends a history entry again with the active profile's credentials (after the production
// guard) and records the outcome as a new history row.
class HistoryResend final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryResend)
public:
    HistoryResend(const PageContext &context, QWidget *dialogParent, QObject *parent = nullptr);
    ~HistoryResend() override;

    // Starts a resend; false (with *problem) when it cannot start. finished() follows a true.
    bool start(const HistoryEntry &entry, QString *problem);
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    // newId: the recorded row (0 when it could not be recorded); message: for the user.
    void finished(qint64 newId, bool ok, const QString &message);

private:
    void send();
    void done();

    PageContext m_context;
    QWidget *m_dialogParent;
    HistoryEntry m_entry;
    std::unique_ptr<RestClient> m_client;
    QPointer<RestReply> m_reply;
    bool m_running = false;
};

} // namespace Apinator::Ui
