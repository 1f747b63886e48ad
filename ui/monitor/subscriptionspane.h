// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTreeWidget;

namespace Apinator {
class RealtimeClient;
}

namespace Apinator::Ui {

// Subscribe by name (checked as it is typed), the subscriptions with their type and state
// (pending, subscribed, failed with the reason), unsubscribe, and the members of the
// selected presence channel, live, with this connection's own member marked.
class SubscriptionsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubscriptionsPane)
public:
    explicit SubscriptionsPane(QWidget *parent = nullptr);

    // nullptr: no client (no usable profile); the list empties.
    void setClient(RealtimeClient *client);
    QString selectedChannel() const;
    void selectChannel(const QString &channel);
    QTreeWidget *list() const { return m_list; }
    QListWidget *members() const { return m_members; }

public Q_SLOTS:
    void subscribe();
    void unsubscribeSelected();

private:
    void validate();
    void rebuild();
    void updateMembers();

    QPointer<RealtimeClient> m_client;
    QLineEdit *m_channel;
    QPushButton *m_subscribe;
    QLabel *m_channelError;
    QTreeWidget *m_list;
    QLabel *m_failure; // the selected subscription's failure, in full
    QPushButton *m_unsubscribe;
    QLabel *m_membersTitle;
    QListWidget *m_members;
};

} // namespace Apinator::Ui
