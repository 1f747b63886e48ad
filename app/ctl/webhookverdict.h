// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// How a webhook inspection prints: shared by verify webhook and webhook listen.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

#include <apinator/credentials.h>
#include <apinator/webhookinspect.h>

#include "output.h"

namespace Apinator::Ctl {

class Options;

// --max-age S|off
std::optional<qint64> parseMaxAge(const QString &text);
// The secrets a signature may have been made with by mistake: the API secret of these
// credentials (when it differs) and, with --profile, the other saved profiles' secrets.
QList<WebhookCandidateSecret> webhookCandidates(const Options &options, const Credentials &credentials);

// [{"event", "channel", "user_id", "fields": {...}}, ...]
OrderedJson eventsJson(const WebhookEvents &events);
// verify webhook --json: the foundation's members, then "events", "events_error", "signed_payload".
OrderedJson webhookVerdictJson(const WebhookInspection &inspection);
QByteArray webhookVerdictText(const WebhookInspection &inspection);
// "channel_occupied chat", "member_added presence-x alice", "2 events"
QByteArray eventsSummary(const WebhookEvents &events);

} // namespace Apinator::Ctl
