// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/historystore.h>

#include <QStringList>
#include <QVariantList>

namespace Apinator::HistorySql {

// Channels are kept one per line: a channel name never holds a newline.
inline QString joinChannels(const QStringList &channels)
{
    return channels.join(u'\n');
}

inline QStringList splitChannels(const QString &text)
{
    return text.isEmpty() ? QStringList() : text.split(u'\n');
}

// A WHERE clause (without the keyword, "1" when empty) for the filter and its bound values.
struct Where
{
    QString clause;
    QVariantList values;
};
Where where(const HistoryFilter &filter);

} // namespace Apinator::HistorySql
