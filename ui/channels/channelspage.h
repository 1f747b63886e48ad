// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "pagecontext.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class QTimer;

namespace Apinator {
class RestClient;
class RestReply;
}

namespace Apinator::Ui {

class ChannelListModel;
class MessageBar;

// The occupied channels of the active profile's app, with a prefix filter (sent to the
// server as filter_by_prefix), refresh and auto-refresh; a channel's info on selection,
// and "Send to this channel" into the Trigger page's composer.
class ChannelsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChannelsPage)
public:
    explicit ChannelsPage(const PageContext &context, QWidget *parent = nullptr);
    ~ChannelsPage() override;

    ChannelListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString currentChannel() const { return m_current; }
    bool isListing() const { return m_listReply != nullptr; }
    // "not occupied", "occupied", "error" or "" (nothing selected) for the shown channel.
    QString infoState() const { return m_infoState; }

public Q_SLOTS:
    void refresh();
    // Shows the info of any channel, listed or not.
    void showChannel(const QString &name);
    void sendToChannel();

Q_SIGNALS:
    void listFinished();
    void infoFinished();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildUi();
    void profileChanged();
    void updateAutoRefresh();
    void listDone();
    void infoDone();
    void updateCount();
    void setInfo(const QString &state, const QString &headline, const QString &json);
    void selectCurrentInView();
    bool ensureClient();

    PageContext m_context;
    std::unique_ptr<RestClient> m_client;
    QPointer<RestReply> m_listReply;
    QPointer<RestReply> m_infoReply;
    QString m_listedPrefix;
    QString m_current;
    QString m_infoState;
    bool m_listedOnce = false;

    QLabel *m_profileLabel = nullptr;
    QLineEdit *m_prefix = nullptr;
    QPushButton *m_refresh = nullptr;
    QCheckBox *m_auto = nullptr;
    QSpinBox *m_autoSeconds = nullptr;
    QLabel *m_count = nullptr;
    MessageBar *m_problem = nullptr;
    ChannelListModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_lookup = nullptr;
    QLabel *m_infoTitle = nullptr;
    QLabel *m_infoHeadline = nullptr;
    QPlainTextEdit *m_info = nullptr;
    QPushButton *m_send = nullptr;
    QTimer *m_autoTimer = nullptr;
    QTimer *m_prefixTimer = nullptr;
};

} // namespace Apinator::Ui
