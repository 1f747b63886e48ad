// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "auth/authpage.h"
#include "channels/channelspage.h"
#include "history/historypage.h"
#include "navigation.h"
#include "deferredparts.h"
#include "pagecontext.h"
#include "trigger/triggerpage.h"
#include "widgets/messagebar.h"

#include <apinator/historystore.h>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

void registerPages(Navigation &navigation, const PageContext &context)
{
    // Each page is built the first time it is shown: start-up pays only for the one on screen.
    // Webhooks and Monitor use Qt Network: they come from the deferred parts (DeferredParts).
    navigation.addPage(u"trigger"_s, QObject::tr("Trigger"), u"trigger"_s, 10,
                       [context] { return new TriggerPage(context); });
    navigation.addPage(u"channels"_s, QObject::tr("Channels"), u"channels"_s, 20,
                       [context] { return new ChannelsPage(context); });
    navigation.addPage(u"auth"_s, QObject::tr("Auth"), u"key"_s, 30, [context] { return new AuthPage(context); });
    navigation.addPage(u"webhooks"_s, QObject::tr("Webhooks"), u"webhooks"_s, 40,
                       [context] { return context.app.parts->createWebhooksPage(context); });
    navigation.addPage(u"monitor"_s, QObject::tr("Monitor"), u"monitor"_s, 50,
                       [context] { return context.app.parts->createMonitorPage(context); });
    navigation.addPage(u"history"_s, QObject::tr("History"), u"history"_s, 60,
                       [context] { return new HistoryPage(context); });
    // A damaged history database was moved aside at start-up: say so before anyone looks.
    if (context.app.history && context.messages && !context.app.history->openMessage().isEmpty())
        context.messages->showMessage(MessageBar::Kind::Warning, context.app.history->openMessage());
}

} // namespace Apinator::Ui
