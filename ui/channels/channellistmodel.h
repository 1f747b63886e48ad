// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include <optional>

namespace Apinator::Ui {

// The occupied channels of one app, as the channels endpoint listed them.
class ChannelListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChannelListModel)
public:
    enum Column { Name, Type, Subscriptions, ColumnCount };
    // Sorts numbers as numbers (Subscriptions) in a QSortFilterProxyModel.
    static constexpr int SortRole = Qt::UserRole + 1;

    struct Channel
    {
        QString name;
        int subscriptionCount = -1; // -1: the endpoint did not say
    };

    explicit ChannelListModel(QObject *parent = nullptr);

    // Replaces the list. The same names in the same order only update the counts, so an
    // auto-refresh keeps the selection and the scroll position.
    void setChannels(const QList<Channel> &channels);
    const QList<Channel> &channels() const { return m_channels; }
    // Parses {"channels":[{"name":..,"subscription_count":..},..]}; nullopt when it is not that.
    static std::optional<QList<Channel>> parse(const QByteArray &body);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Channel> m_channels;
};

} // namespace Apinator::Ui
