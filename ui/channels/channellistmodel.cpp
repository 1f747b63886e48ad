// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "channellistmodel.h"

#include <apinator/names.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

ChannelListModel::ChannelListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ChannelListModel::setChannels(const QList<Channel> &channels)
{
    bool sameNames = channels.size() == m_channels.size();
    for (qsizetype i = 0; sameNames && i < channels.size(); ++i)
        sameNames = channels[i].name == m_channels[i].name;
    if (!sameNames) {
        beginResetModel();
        m_channels = channels;
        endResetModel();
        return;
    }
    m_channels = channels;
    if (!m_channels.isEmpty())
        Q_EMIT dataChanged(index(0, Subscriptions), index(int(m_channels.size()) - 1, Subscriptions));
}

std::optional<QList<ChannelListModel::Channel>> ChannelListModel::parse(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonValue list = doc.object().value(u"channels"_s);
    if (!list.isArray())
        return std::nullopt;
    QList<Channel> out;
    for (const QJsonValue &item : list.toArray()) {
        const QJsonObject o = item.toObject();
        if (!o.value(u"name"_s).isString())
            continue;
        const QJsonValue count = o.value(u"subscription_count"_s);
        out.append({o.value(u"name"_s).toString(), count.isDouble() ? count.toInt() : -1});
    }
    std::sort(out.begin(), out.end(), [](const Channel &a, const Channel &b) { return a.name < b.name; });
    return out;
}

int ChannelListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_channels.size());
}

int ChannelListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChannelListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_channels.size())
        return {};
    const Channel &c = m_channels[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return c.name;
        case Type:
            return Names::channelTypeName(Names::channelType(c.name));
        case Subscriptions:
            return c.subscriptionCount < 0 ? u"—"_s : QString::number(c.subscriptionCount);
        }
        break;
    case SortRole:
        return index.column() == Subscriptions ? QVariant(c.subscriptionCount) : data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        if (index.column() == Subscriptions)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        if (index.column() == Name)
            return c.name;
        break;
    }
    return {};
}

QVariant ChannelListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Channel");
    case Type:
        return tr("Type");
    case Subscriptions:
        return tr("Subscriptions");
    }
    return {};
}

} // namespace Apinator::Ui
