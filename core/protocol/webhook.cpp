// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/crypto.h>
#include <apinator/webhook.h>

using namespace Qt::StringLiterals;

namespace Apinator {

QByteArray signWebhook(QByteArrayView webhookSecret, QByteArrayView timestamp, QByteArrayView body)
{
    return Crypto::HmacSha256(webhookSecret).hexDigest({timestamp, ".", body});
}

QByteArray webhookSignedPayload(QByteArrayView timestamp, QByteArrayView body)
{
    QByteArray out;
    out.reserve(timestamp.size() + 1 + body.size());
    out.append(timestamp).append('.').append(body);
    return out;
}

std::optional<QByteArray> headerValue(const HeaderList &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return std::nullopt;
}

namespace {

std::optional<qint64> parseSeconds(QByteArrayView text)
{
    // Digits only: every SDK rejects anything else once freshness is checked.
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    qint64 value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

QString seconds(qint64 n)
{
    return n == 1 ? u"1 second"_s : u"%1 seconds"_s.arg(n);
}

// Freshness per SDK (PROTOCOL.md's table): Python accepts the future; Node and Go
// reject it; with max_age 0 Python wants the same second or later, Node the same
// second only, and Go checks nothing.
void checkFreshness(WebhookVerdict &v, qint64 age, qint64 maxAge)
{
    const bool pythonFresh = age <= maxAge;
    const bool nodeFresh = age >= 0 && age <= maxAge;
    const bool goFresh = maxAge == 0 || (age >= 0 && age <= maxAge);
    v.sdk.python &= pythonFresh;
    v.sdk.node &= nodeFresh;
    v.sdk.go &= goFresh;
    if (age > maxAge) {
        v.causes.append({u"timestamp_expired"_s,
                         u"the timestamp is %1 old, %2 past the max age of %3"_s.arg(seconds(age), seconds(age - maxAge),
                                                                                   seconds(maxAge))});
    } else if (age < 0) {
        v.causes.append({u"timestamp_in_future"_s,
                         u"the timestamp is %1 in the future: the sender's or the receiver's clock is off "
                         u"(Node and Go reject it, Python accepts it)"_s.arg(seconds(-age))});
    }
}

} // namespace

WebhookVerdict verifyWebhook(const HeaderList &headers, QByteArrayView body, QByteArrayView webhookSecret,
                             const WebhookVerifyOptions &options)
{
    WebhookVerdict v;
    v.sdk = {true, true, true};
    const std::optional<QByteArray> signatureHeader = headerValue(headers, WebhookSignatureHeader);
    const std::optional<QByteArray> timestampHeader = headerValue(headers, WebhookTimestampHeader);

    if (!signatureHeader)
        v.causes.append({u"missing_signature_header"_s, u"there is no X-Realtime-Signature header"_s});
    if (!timestampHeader)
        v.causes.append({u"missing_timestamp_header"_s, u"there is no X-Realtime-Timestamp header"_s});

    if (timestampHeader) {
        v.timestamp = timestampHeader->trimmed();
        v.expectedSignature = signWebhook(webhookSecret, *v.timestamp, body);
    }
    if (signatureHeader) {
        QByteArray provided = signatureHeader->trimmed();
        if (provided.startsWith("sha256=")) {
            provided.remove(0, 7);
            v.notes.append({u"signature_prefixed"_s, u"the signature carries a \"sha256=\" prefix; every SDK strips it"_s});
        }
        v.providedSignature = provided;
    }
    if (!signatureHeader || !timestampHeader) {
        v.sdk = {false, false, false};
        return v;
    }

    const QByteArray &provided = *v.providedSignature;
    if (!Crypto::isHex(provided)) {
        v.causes.append({u"signature_not_hex"_s,
                         u"the signature \"%1\" is not hex; it must be 64 lowercase hex characters"_s.arg(
                             QString::fromUtf8(provided.left(80)))});
        v.sdk = {false, false, false};
    } else {
        // Python compares the hex strings; Node and Go compare the decoded bytes.
        const bool bytesMatch = Crypto::constantTimeEquals(provided.toLower(), *v.expectedSignature);
        const bool textMatch = Crypto::constantTimeEquals(provided, *v.expectedSignature);
        if (!bytesMatch) {
            v.causes.append({u"signature_mismatch"_s,
                             u"the signature does not match HMAC-SHA256 of timestamp + \".\" + body with this secret"_s});
            v.sdk = {false, false, false};
        } else if (!textMatch) {
            v.causes.append({u"signature_uppercase"_s,
                             u"the signature is in uppercase hex: Node and Go accept it, Python rejects it"_s});
            v.sdk.python = false;
        }
    }

    if (options.maxAgeSeconds) {
        if (const std::optional<qint64> ts = parseSeconds(*v.timestamp)) {
            v.ageSeconds = options.nowSeconds - *ts;
            checkFreshness(v, *v.ageSeconds, *options.maxAgeSeconds);
        } else {
            v.causes.append({u"timestamp_not_numeric"_s,
                             u"the timestamp \"%1\" is not a whole number of seconds"_s.arg(
                                 QString::fromUtf8(v.timestamp->left(40)))});
            v.sdk = {false, false, false};
        }
    } else if (const std::optional<qint64> ts = parseSeconds(*v.timestamp)) {
        v.ageSeconds = options.nowSeconds - *ts;
    }

    v.valid = v.sdk.all();
    return v;
}

} // namespace Apinator
