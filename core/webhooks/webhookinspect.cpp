// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "bodytransforms.h"

#include <apinator/crypto.h>
#include <apinator/rawhttp.h>
#include <apinator/webhookinspect.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Apinator {

namespace {

// Lowercase letters and digits only: "X_Realtime-Signature" and "x-realtime-signature" meet.
QByteArray normalized(QByteArrayView name)
{
    QByteArray out;
    for (char c : name) {
        if (c >= 'A' && c <= 'Z')
            out.append(char(c - 'A' + 'a'));
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out.append(c);
    }
    return out;
}

int editDistance(QByteArrayView a, QByteArrayView b)
{
    std::vector<int> row(size_t(b.size()) + 1);
    for (size_t j = 0; j < row.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[size_t(j)];
            row[size_t(j)] = std::min({above + 1, row[size_t(j - 1)] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row.back();
}

// A header that is probably the one meant: a typo, another service's name, underscores.
bool isNearName(QByteArrayView name, QByteArrayView canonical, QByteArrayView word, QByteArrayView typo)
{
    const QByteArray n = normalized(name);
    if (n.isEmpty() || n.size() > 64)
        return false;
    return n.contains(word) || n.contains(typo) || editDistance(n, normalized(canonical)) <= 3;
}

struct Found
{
    std::optional<QByteArray> value;
    QByteArray name;
    bool near = false;
    int count = 0;
};

Found findHeader(const HeaderList &headers, QByteArrayView canonical, QByteArrayView word, QByteArrayView typo)
{
    Found f;
    for (const auto &[name, value] : headers) {
        if (name.compare(canonical, Qt::CaseInsensitive) == 0) {
            if (f.count++ == 0 || f.near) {
                f.value = value;
                f.name = name;
                f.near = false;
            }
        }
    }
    if (f.value)
        return f;
    for (const auto &[name, value] : headers) {
        if (isNearName(name, canonical, word, typo)) {
            f.value = value;
            f.name = name;
            f.near = true;
            return f;
        }
    }
    return f;
}

Cause nearNameCause(QByteArrayView canonical, const QByteArray &found)
{
    QString why = u"a proxy or framework renamed it, or the sender used another service's name"_s;
    if (found.contains('_'))
        why = u"names with underscores are dropped or renamed by proxies (nginx drops them by default)"_s;
    return {u"near_header_name"_s,
            u"there is no %1 header, but there is \"%2\": %3. The SDKs read only %1; the checks below use its value"_s
                .arg(QString::fromLatin1(canonical), QString::fromUtf8(found.left(80)), why)};
}

std::optional<Cause> secretCause(const WebhookInspectInput &input, const QByteArray &timestamp,
                                 const QByteArray &provided)
{
    const QByteArray lower = provided.toLower();
    for (const WebhookCandidateSecret &c : input.candidates) {
        if (c.secret.isEmpty() || c.secret == input.secret)
            continue;
        if (!Crypto::constantTimeEquals(signWebhook(c.secret, timestamp, input.body), lower))
            continue;
        switch (c.kind) {
        case WebhookCandidateSecret::Kind::ApiSecret:
            return Cause{u"signed_with_api_secret"_s,
                         u"the signature was made with the profile's API secret (the REST secret), not its webhook "
                         u"secret: sign and verify webhooks with the webhook secret"_s};
        case WebhookCandidateSecret::Kind::OtherProfileSecret:
        case WebhookCandidateSecret::Kind::OtherProfileWebhookSecret: {
            const QString which = c.kind == WebhookCandidateSecret::Kind::OtherProfileSecret ? u"API secret"_s
                                                                                               : u"webhook secret"_s;
            return Cause{u"secret_of_other_profile"_s,
                         u"the signature was made with the %1 of the saved profile \"%2\": the request comes from "
                         u"that app, or the receiver is configured with the wrong one"_s.arg(which, c.profileName)};
        }
        }
    }
    return std::nullopt;
}

bool isToken(QByteArrayView name)
{
    for (char c : name) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && !QByteArrayView("!#$%&'*+-.^_`|~").contains(c))
            return false;
    }
    return true;
}

enum class Group { Header, Format, Timestamp, Mismatch, Other };

Group groupOf(const QString &code)
{
    if (code.startsWith(u"missing_"))
        return Group::Header;
    if (code == u"signature_not_hex" || code == u"signature_uppercase")
        return Group::Format;
    if (code.startsWith(u"timestamp_"))
        return Group::Timestamp;
    if (code == u"signature_mismatch")
        return Group::Mismatch;
    return Group::Other;
}

} // namespace

WebhookInspection inspectWebhook(const WebhookInspectInput &input)
{
    WebhookInspection out;
    const Found signature = findHeader(input.headers, WebhookSignatureHeader, "signature", "signiture");
    const Found timestamp = findHeader(input.headers, WebhookTimestampHeader, "timestamp", "timestemp");
    out.signatureHeaderName = signature.name;
    out.timestampHeaderName = timestamp.name;

    // The checks run on the canonical names, with a near-named header's value put in their place.
    HeaderList effective;
    if (timestamp.value)
        effective.append({WebhookTimestampHeader, *timestamp.value});
    if (signature.value)
        effective.append({WebhookSignatureHeader, *signature.value});
    const WebhookVerdict base = verifyWebhook(effective, input.body, input.secret, input.options);
    out.sdk = base.sdk;
    out.expectedSignature = base.expectedSignature;
    out.providedSignature = base.providedSignature;
    out.timestamp = base.timestamp;
    out.ageSeconds = base.ageSeconds;
    out.notes = base.notes;
    for (const Found *f : {&signature, &timestamp}) {
        if (f->count > 1)
            out.notes.append({u"duplicate_header"_s,
                              u"%1 appears %2 times; the SDKs read the first, some frameworks join them with \", \""_s
                                  .arg(QString::fromUtf8(f->name))
                                  .arg(f->count)});
    }
    if (base.timestamp)
        out.signedPayload = webhookSignedPayload(*base.timestamp, input.body);

    for (const Cause &c : base.causes)
        if (groupOf(c.code) == Group::Header)
            out.causes.append(c);
    if (signature.near)
        out.causes.append(nearNameCause(WebhookSignatureHeader, signature.name));
    if (timestamp.near)
        out.causes.append(nearNameCause(WebhookTimestampHeader, timestamp.name));
    for (Group g : {Group::Format, Group::Timestamp})
        for (const Cause &c : base.causes)
            if (groupOf(c.code) == g)
                out.causes.append(c);

    if (hasCause(base.causes, u"signature_mismatch")) {
        const QByteArray &provided = *base.providedSignature;
        const QByteArray &ts = *base.timestamp;
        std::optional<Cause> explained = secretCause(input, ts, provided);
        if (!explained) {
            const Crypto::HmacSha256 mac(input.secret);
            const QByteArray lower = provided.toLower();
            const auto verifies = [&](QByteArrayView candidate) {
                return Crypto::constantTimeEquals(mac.hexDigest({ts, ".", candidate}), lower);
            };
            if (const auto change = Webhooks::findBodyChange(input.body, verifies)) {
                explained = change->cause;
                out.senderSignedPayload = webhookSignedPayload(ts, change->original);
            }
        }
        if (explained) {
            out.causes.append(*explained);
        } else {
            out.causes.append({u"signature_mismatch"_s,
                               u"the signature does not match: HMAC-SHA256 of timestamp + \".\" + body with this secret "
                               u"is %1, the request carries %2. No other saved secret and no usual change to the body "
                               u"(newline, line ends, JSON re-encoding, BOM) explains it"_s
                                   .arg(QString::fromLatin1(*base.expectedSignature),
                                        QString::fromUtf8(provided.left(128)))});
        }
    }
    for (const Cause &c : base.causes)
        if (groupOf(c.code) == Group::Other)
            out.causes.append(c);

    // An SDK looks only at the canonical names: without them every SDK rejects the request.
    if (signature.near || timestamp.near)
        out.sdk = {false, false, false};
    out.valid = out.sdk.all();
    out.events = parseWebhookEvents(input.body);
    return out;
}

WebhookInspection inspectRawWebhook(const QByteArray &raw, WebhookInspectInput input)
{
    RawHttpRequest request = parseRawHttpRequest(raw);
    // '{"event": ...' parses as a header named '{"event"': say what it is.
    for (const auto &[name, value] : std::as_const(request.headers)) {
        if (request.error.isEmpty() && !isToken(name))
            request.error = u"\"%1\" is not a header name: names are letters, digits and - only"_s.arg(
                QString::fromUtf8(name.left(40)));
    }
    if (!request.error.isEmpty()) {
        WebhookInspection out;
        out.requestError = request.error;
        // A body right under the headers is the usual reason a line is not a header.
        if (raw.contains("\n{") || raw.contains("\n["))
            out.requestError += u" (is the blank line between the headers and the body missing?)"_s;
        out.sdk = {false, false, false};
        return out;
    }
    input.headers = request.headers;
    input.body = request.body;
    return inspectWebhook(input);
}

} // namespace Apinator
