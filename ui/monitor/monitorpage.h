// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "monitor/roundtrip.h"
#include "pagecontext.h"

#include <apinator/realtimeclient.h>

#include <QList>
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTabWidget;
class QTimer;
class QToolButton;

namespace Apinator::Ui {

class AuthorizationPane;
class ClientEventPane;
class EventModel;
class EventStreamView;
class MessageBar;
class SubscriptionsPane;

// Watch events arrive: a WebSocket connection with the active profile's key, its state and
// socket id always in view, subscriptions (private and presence authorized locally or
// through the user's endpoint), the event stream, presence members, client events, and
// the round trip of the Trigger page's sends.
class MonitorPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitorPage)
public:
    // Arrivals are shown in batches, this often at most.
    static constexpr int FlushMs = 40;

    explicit MonitorPage(const PageContext &context, QWidget *parent = nullptr);
    ~MonitorPage() override;

    RealtimeClient *client() const { return m_client.get(); }
    EventModel *model() const;
    EventStreamView *stream() const { return m_stream; }
    SubscriptionsPane *subscriptions() const { return m_subscriptions; }
    ClientEventPane *clientEvents() const { return m_clientEvents; }

public Q_SLOTS:
    void connectToServer();
    void disconnectFromServer();
    void copySocketId();

Q_SIGNALS:
    // A batch of arrivals is in the model.
    void flushed();

private:
    void buildUi();
    void profileChanged();
    void stateChanged();
    void noteConnectionGap(RealtimeClient::State state);
    void eventArrived(const RealtimeEvent &event);
    void flush();
    QString socketId() const;

    PageContext m_context;
    std::unique_ptr<RealtimeClient> m_client;
    QList<RealtimeEvent> m_pending;
    std::unique_ptr<RoundTripMatcher> m_roundTrip;
    QTimer *m_flushTimer;
    QStringList m_channels; // subscribed by the user: kept across a change of profile
    bool m_wantConnected = false;
    // A connection lost while the user wanted it: since when and why (events published in
    // the gap never arrive, and the page says so once it is back).
    RealtimeClient::State m_lastState = RealtimeClient::State::Initialized;
    qint64 m_lostSinceMsecs = 0;
    QString m_lostReason;
    QLabel *m_profileLabel = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_socketId = nullptr;
    QToolButton *m_copySocketId = nullptr;
    QPushButton *m_connect = nullptr;
    MessageBar *m_problem = nullptr;
    QTabWidget *m_tabs = nullptr;
    SubscriptionsPane *m_subscriptions = nullptr;
    ClientEventPane *m_clientEvents = nullptr;
    AuthorizationPane *m_authorization = nullptr;
    EventStreamView *m_stream = nullptr;
};

} // namespace Apinator::Ui
