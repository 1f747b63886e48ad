// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// RestApi::authenticate: the X-Realtime-* headers (PROTOCOL.md, "REST requests").
#include "appregistry.h"
#include "restapi.h"

#include <apinator/crypto.h>
#include <apinator/json.h>

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Apinator::Sandbox {

namespace {

ServerResponse unauthorized(const QString &reason, const QString &detail, QJsonObject extensions = {})
{
    // One code for every 401, as the cloud answers; "reason" tells scripts which check failed.
    extensions.insert("reason"_L1, reason);
    return problemResponse(401, u"unauthorized"_s, detail, extensions);
}

QString shown(QByteArrayView value)
{
    // Header values are Latin-1 on the wire; quote them so spaces show.
    return u"\""_s + QString::fromLatin1(value.first(std::min<qsizetype>(value.size(), 100))) + u"\""_s;
}

bool isDigits(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isLowerHex(QByteArrayView text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

} // namespace

std::optional<ServerResponse> RestApi::authenticate(const AppState &app, const ServerRequest &request) const
{
    const QByteArrayView key = request.header("X-Realtime-Key");
    if (key.isEmpty())
        return unauthorized(u"missing_header"_s, u"missing X-Realtime-Key header: send the app key"_s);
    if (key != app.key)
        return unauthorized(u"unknown_key"_s,
                            u"X-Realtime-Key %1 is not the key of app \"%2\""_s.arg(shown(key), app.config.appId));

    const QByteArrayView timestamp = request.header("X-Realtime-Timestamp");
    if (timestamp.isEmpty())
        return unauthorized(u"missing_header"_s,
                            u"missing X-Realtime-Timestamp header: send the unix time in seconds"_s);
    // No leading zeros: the server signs the value exactly as it parses it.
    if (!isDigits(timestamp) || timestamp.size() > 18 || (timestamp.size() > 1 && timestamp[0] == '0'))
        return unauthorized(u"invalid_timestamp"_s,
                            u"X-Realtime-Timestamp %1 is not a unix time in seconds (decimal digits)"_s.arg(
                                shown(timestamp)));
    const qint64 sent = timestamp.toLongLong();
    const qint64 now = m_clock();
    const qint64 skew = sent - now;
    if (skew > m_window || skew < -m_window) {
        QString detail = u"X-Realtime-Timestamp %1 is %2 s %3 the server clock (server time %4); the window is %5 s"_s
                             .arg(sent)
                             .arg(skew < 0 ? -skew : skew)
                             .arg(skew < 0 ? u"behind"_s : u"ahead of"_s)
                             .arg(now)
                             .arg(m_window);
        if (sent > now * 100)
            detail += u"; it looks like milliseconds: send seconds"_s;
        return unauthorized(u"stale_timestamp"_s, detail,
                            QJsonObject{{"server_time"_L1, now}, {"skew_seconds"_L1, skew}});
    }

    const QByteArrayView signature = request.header("X-Realtime-Signature");
    if (signature.isEmpty())
        return unauthorized(u"missing_header"_s,
                            u"missing X-Realtime-Signature header: send the lowercase hex HMAC-SHA256 of the string "
                            "to sign"_s);
    if (signature.size() != 64 || !isLowerHex(signature)) {
        const bool upper = signature.size() == 64 && Crypto::isHex(signature);
        return unauthorized(u"invalid_signature"_s,
                            upper ? u"X-Realtime-Signature must be lowercase hex"_s
                                  : u"X-Realtime-Signature must be 64 lowercase hex characters (HMAC-SHA256); got %1 "
                                    "characters"_s.arg(signature.size()));
    }
    const RequestSignature expected = app.requestSigner().sign(request.method, request.path, request.body, sent);
    if (!Crypto::constantTimeEquals(signature, expected.signature)) {
        // The string we signed, escaped, so the developer can diff it with theirs;
        // never the secret nor the signature we expected.
        const QString signedString = QString::fromUtf8(Json::quote(expected.stringToSign));
        return unauthorized(u"signature_mismatch"_s,
                            u"signature mismatch: the server signed %1 (timestamp, method, path without query, MD5 "
                            "of the body bytes or nothing for an empty body, joined by \\n) with the secret of app "
                            "\"%2\""_s.arg(signedString, app.config.appId),
                            QJsonObject{{"string_to_sign"_L1, QString::fromUtf8(expected.stringToSign)}});
    }
    return std::nullopt;
}

} // namespace Apinator::Sandbox
