// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

#include <apinator/requestsigner.h> // HeaderList
#include <apinator/verdict.h>

namespace Apinator {

inline constexpr char WebhookSignatureHeader[] = "X-Realtime-Signature";
inline constexpr char WebhookTimestampHeader[] = "X-Realtime-Timestamp";
inline constexpr qint64 DefaultWebhookMaxAgeSeconds = 300;

// lowercase hex HMAC-SHA256(webhookSecret, timestamp + "." + body)
QByteArray signWebhook(QByteArrayView webhookSecret, QByteArrayView timestamp, QByteArrayView body);
// timestamp + "." + body: the bytes signed, for showing them. Verification never builds it.
QByteArray webhookSignedPayload(QByteArrayView timestamp, QByteArrayView body);

// What each official server SDK's verify_webhook would answer (PROTOCOL.md's table).
struct WebhookSdkVerdicts
{
    bool python = false;
    bool node = false;
    bool go = false;
    bool all() const { return python && node && go; }
};

struct WebhookVerifyOptions
{
    // Freshness window; nullopt turns the check off.
    std::optional<qint64> maxAgeSeconds = DefaultWebhookMaxAgeSeconds;
    // The receiver's clock, unix seconds: always passed in, never read inside.
    qint64 nowSeconds = 0;
};

struct WebhookVerdict
{
    // True when every official SDK accepts the request; each cause says why one would not.
    bool valid = false;
    CauseList causes;
    // Facts that do not make it invalid ("sha256= prefix stripped").
    CauseList notes;
    std::optional<QByteArray> expectedSignature; // nullopt without a timestamp header
    std::optional<QByteArray> providedSignature; // header value, prefix stripped
    std::optional<QByteArray> timestamp;         // header value
    std::optional<qint64> ageSeconds;            // now - timestamp, when numeric
    WebhookSdkVerdicts sdk;
};

// Header names are compared case-insensitively. Cause codes:
// missing_signature_header, missing_timestamp_header, signature_not_hex,
// signature_uppercase, signature_mismatch, timestamp_not_numeric,
// timestamp_expired, timestamp_in_future.
WebhookVerdict verifyWebhook(const HeaderList &headers, QByteArrayView body, QByteArrayView webhookSecret,
                             const WebhookVerifyOptions &options);

// First value of a header, name compared case-insensitively.
std::optional<QByteArray> headerValue(const HeaderList &headers, QByteArrayView name);

} // namespace Apinator
