// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Apinator::Ui {

// What the Trigger page's composer holds; other pages (Channels, History) hand one to
// TriggerPage::openDraft() to prefill it.
struct TriggerDraft
{
    QString event;
    QStringList channels;
    QString socketId;
    QByteArray data;
    bool rawText = false;
};

} // namespace Apinator::Ui
