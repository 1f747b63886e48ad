// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Apinator {
class RealtimeClient;
}

namespace Apinator::Ui {

class JsonEditor;

// Sends a client-… event from this connection on a subscribed private or presence
// channel; says why when it cannot (name without the prefix, not subscribed, offline).
class ClientEventPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientEventPane)
public:
    explicit ClientEventPane(QWidget *parent = nullptr);

    void setClient(RealtimeClient *client);
    // Empty when Send may go; else why not (also on screen and in Send's tooltip).
    QString blockingReason() const { return m_reason; }

public Q_SLOTS:
    void send();

private:
    void refreshChannels();
    void validate();

    QPointer<RealtimeClient> m_client;
    QComboBox *m_channel;
    QLineEdit *m_event;
    QLabel *m_eventError;
    JsonEditor *m_data;
    QPushButton *m_send;
    QLabel *m_status;
    QString m_reason;
};

} // namespace Apinator::Ui
