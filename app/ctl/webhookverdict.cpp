// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "webhookverdict.h"

#include "options.h"
#include "otherprofiles.h"
#include "verdictoutput.h"

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

namespace {
QByteArray orNone(const std::optional<QByteArray> &value)
{
    return value ? *value : "(none)"_ba;
}
} // namespace

std::optional<qint64> parseMaxAge(const QString &text)
{
    if (text == u"off")
        return std::nullopt;
    bool digitsOnly = !text.isEmpty();
    for (QChar c : text)
        digitsOnly = digitsOnly && c >= u'0' && c <= u'9';
    bool ok = false;
    const qint64 seconds = digitsOnly ? text.toLongLong(&ok) : 0;
    if (!ok)
        throw UsageError(u"--max-age"_s, u"not a whole number of seconds or \"off\": "_s + quotedForMessage(text));
    return seconds;
}

QList<WebhookCandidateSecret> webhookCandidates(const Options &options, const Credentials &credentials)
{
    QList<WebhookCandidateSecret> out;
    if (!credentials.webhookSecret.isEmpty() && !credentials.secret.isEmpty()
        && credentials.secret != credentials.webhookSecret)
        out.append({WebhookCandidateSecret::Kind::ApiSecret, {}, credentials.secret});
    for (const AuthProfileKeys &other : otherProfileKeys(options))
        out.append({WebhookCandidateSecret::Kind::OtherProfileSecret, other.name, other.secret});
    return out;
}

OrderedJson eventsJson(const WebhookEvents &events)
{
    OrderedJson list = OrderedJson::array();
    for (const WebhookEvent &e : events.events) {
        OrderedJson fields = OrderedJson::object();
        for (const auto &[name, value] : e.fields)
            fields.insert(name.toUtf8(), OrderedJson::string(value));
        list.append(OrderedJson::object({
            {"event", OrderedJson::string(e.event)},
            {"channel", OrderedJson::string(e.channel)},
            {"user_id", e.userId.isEmpty() ? OrderedJson::null() : OrderedJson::string(e.userId)},
            {"fields", fields},
        }));
    }
    return list;
}

OrderedJson webhookVerdictJson(const WebhookInspection &v)
{
    OrderedJson notes = OrderedJson::array();
    for (const Cause &note : v.notes)
        notes.append(OrderedJson::object(
            {{"code", OrderedJson::string(note.code)}, {"message", OrderedJson::string(note.message)}}));
    return OrderedJson::object({
        {"valid", OrderedJson::boolean(v.valid)},
        {"causes", causeCodes(v.causes)},
        {"expected_signature", OrderedJson::optionalString(v.expectedSignature)},
        {"provided_signature", OrderedJson::optionalString(v.providedSignature)},
        {"timestamp", OrderedJson::optionalString(v.timestamp)},
        {"age_seconds", v.ageSeconds ? OrderedJson::integer(*v.ageSeconds) : OrderedJson::null()},
        {"sdk", OrderedJson::object({{"python", OrderedJson::boolean(v.sdk.python)},
                                     {"node", OrderedJson::boolean(v.sdk.node)},
                                     {"go", OrderedJson::boolean(v.sdk.go)}})},
        {"messages", causeMessages(v.causes)},
        {"notes", notes},
        {"events", eventsJson(v.events)},
        {"events_error", v.events.error.isEmpty() ? OrderedJson::null() : OrderedJson::string(v.events.error)},
    });
}

QByteArray eventsSummary(const WebhookEvents &events)
{
    if (events.events.isEmpty())
        return events.error.isEmpty() ? "no events"_ba : "(" + events.error.toUtf8() + ")";
    if (events.events.size() > 1)
        return QByteArray::number(events.events.size()) + " events";
    const WebhookEvent &e = events.events.first();
    QByteArray out = e.event.toUtf8() + ' ' + e.channel.toUtf8();
    if (!e.userId.isEmpty())
        out += ' ' + e.userId.toUtf8();
    return out;
}

QByteArray webhookVerdictText(const WebhookInspection &v)
{
    QByteArray out = v.valid ? "valid\n"_ba : "invalid\n"_ba;
    out += causeLines(v.causes, "- ");
    out += causeLines(v.notes, "note: ");
    out += "expected signature: " + orNone(v.expectedSignature) + '\n';
    out += "provided signature: " + orNone(v.providedSignature) + '\n';
    out += "timestamp: " + orNone(v.timestamp);
    if (v.ageSeconds)
        out += " (age " + QByteArray::number(*v.ageSeconds) + " s)";
    out += '\n';
    const auto says = [](bool accepts) { return accepts ? "accepts"_ba : "rejects"_ba; };
    out += "sdk: python " + says(v.sdk.python) + ", node " + says(v.sdk.node) + ", go " + says(v.sdk.go) + '\n';
    if (!v.events.error.isEmpty())
        out += "events: " + v.events.error.toUtf8() + '\n';
    for (const WebhookEvent &e : v.events.events) {
        out += "event: " + e.event.toUtf8() + " channel: " + e.channel.toUtf8();
        if (!e.userId.isEmpty())
            out += " user_id: " + e.userId.toUtf8();
        for (const auto &[name, value] : e.fields)
            out += ' ' + name.toUtf8() + ": " + value.toUtf8();
        out += '\n';
    }
    return out;
}

} // namespace Apinator::Ctl
