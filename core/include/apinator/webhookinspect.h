// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

#include <apinator/requestsigner.h> // HeaderList
#include <apinator/verdict.h>
#include <apinator/webhook.h>

namespace Apinator {

// One event of a webhook body: the three fields every console shows, then every other
// field as text (strings as they are, other values as compact JSON), in body order.
struct WebhookEvent
{
    QString event;
    QString channel;
    QString userId;
    QList<std::pair<QString, QString>> fields;
};

struct WebhookEvents
{
    QList<WebhookEvent> events;
    bool batch = false;                // {"time_ms": T, "events": [...]} or a top-level array
    std::optional<qint64> timeMs;      // the batch's time_ms
    QString error;                     // empty when the body parsed; else what is wrong with it
};

// The body's events: one object, a Pusher-style batch, or an array of objects. Never
// throws; anything else gives an error sentence (and the events that did parse).
WebhookEvents parseWebhookEvents(QByteArrayView body);

// A secret the signature may have been made with by mistake.
struct WebhookCandidateSecret
{
    enum class Kind { ApiSecret, OtherProfileSecret, OtherProfileWebhookSecret };
    Kind kind = Kind::ApiSecret;
    QString profileName; // for the other profiles' secrets
    QByteArray secret;
};

struct WebhookInspectInput
{
    HeaderList headers;
    QByteArray body;
    QByteArray secret;                         // the webhook secret to verify with
    QList<WebhookCandidateSecret> candidates;  // this profile's API secret, other profiles' secrets
    WebhookVerifyOptions options;
};

struct WebhookInspection
{
    bool valid = false;            // every official SDK accepts it
    // In the order they are checked: headers, signature format, timestamp, secret, body,
    // plain mismatch. Codes: the foundation's (webhook.h) and near_header_name,
    // signed_with_api_secret, secret_of_other_profile, body_trailing_newline_added,
    // body_trailing_newline_removed, body_crlf_converted, body_json_reserialized,
    // body_bom_added. A cause that explains the mismatch replaces signature_mismatch.
    CauseList causes;
    // Facts that do not make it invalid: signature_prefixed, duplicate_header.
    CauseList notes;
    WebhookSdkVerdicts sdk;
    std::optional<QByteArray> expectedSignature;
    std::optional<QByteArray> providedSignature;
    std::optional<QByteArray> timestamp;
    std::optional<qint64> ageSeconds;
    QByteArray signatureHeaderName;  // the name the signature was read from ("X-Pusher-Signature")
    QByteArray timestampHeaderName;
    // timestamp + "." + body as the sender signed it (the byte view); empty without a timestamp.
    QByteArray signedPayload;
    // What the sender signed instead, when a change to the body explains the mismatch.
    std::optional<QByteArray> senderSignedPayload;
    WebhookEvents events;
    QString requestError;            // the raw request did not parse (then nothing else is set)
};

WebhookInspection inspectWebhook(const WebhookInspectInput &input);

// The same for a pasted raw request (request line optional, headers, blank line, body).
// The input's headers and body are replaced by the parsed ones.
WebhookInspection inspectRawWebhook(const QByteArray &raw, WebhookInspectInput input);

} // namespace Apinator
