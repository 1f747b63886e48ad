// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "authanswer.h"

#include <apinator/crypto.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Apinator {

namespace {

// A top-level JSON value of any type (Qt 6.4 parses only objects and arrays at the top).
std::optional<QJsonValue> parseJsonValue(const QByteArray &text, QString *error = nullptr)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + text + ']', &parseError);
    if (parseError.error != QJsonParseError::NoError || doc.array().size() != 1) {
        if (error)
            *error = parseError.errorString();
        return std::nullopt;
    }
    return doc.array().first();
}

// "key:signature" or a bare signature, as pasted: no spaces, braces, quotes or markup.
bool looksLikeAuthValue(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text)
        if (uchar(c) <= ' ' || QByteArrayView("{}[]\"'<>,").contains(c))
            return false;
    return true;
}

bool looksLikeHtml(QByteArrayView text)
{
    return text.startsWith('<');
}

QString excerpt(QByteArrayView bytes)
{
    QString s = QString::fromUtf8(bytes.first(qMin<qsizetype>(bytes.size(), 80)));
    s.replace(u'\n', u' ');
    return s + (bytes.size() > 80 ? u"..."_s : QString());
}

// Splits auth into key and signature and checks the signature's form.
void readAuthValue(AuthAnswer &out, const QByteArray &thisKey)
{
    const QByteArray &auth = out.auth;
    const qsizetype colon = auth.indexOf(':');
    QByteArray signature;
    if (colon < 0) {
        out.causes.append({u"missing_key_prefix"_s,
                           u"auth has no \"key:\" prefix: it must be \"%1:<signature>\", not the signature alone"_s
                               .arg(QString::fromUtf8(thisKey))});
        signature = auth;
    } else {
        out.hasKey = true;
        out.key = auth.first(colon);
        signature = auth.sliced(colon + 1);
    }
    if (signature.size() != 64 || !Crypto::isHex(signature)) {
        out.causes.append({u"malformed_auth"_s, u"the signature must be 64 lowercase hex characters (HMAC-SHA256); "
                                                u"got %1 characters: \"%2\""_s.arg(signature.size())
                                                    .arg(excerpt(signature))});
        return;
    }
    if (signature != signature.toLower())
        out.causes.append({u"malformed_auth"_s, u"the signature is in uppercase hex: servers compare it as a string, "
                                                u"so it must be lowercase"_s});
    out.signature = signature.toLower();
    out.usable = true;
}

// The auth field itself holds JSON: the endpoint put a whole encoded answer inside it.
bool unwrapJsonInAuth(AuthAnswer &out)
{
    const QByteArray trimmed = out.auth.trimmed();
    if (!trimmed.startsWith('{') && !trimmed.startsWith('"'))
        return false;
    const std::optional<QJsonValue> inner = parseJsonValue(trimmed);
    if (!inner)
        return false;
    if (inner->isObject() && inner->toObject().value("auth"_L1).isString()) {
        const QJsonObject object = inner->toObject();
        out.auth = object.value("auth"_L1).toString().toUtf8();
        if (!out.channelData && object.value("channel_data"_L1).isString())
            out.channelData = object.value("channel_data"_L1).toString().toUtf8();
    } else if (inner->isString()) {
        out.auth = inner->toString().toUtf8();
    } else {
        return false;
    }
    out.causes.append({u"auth_is_json_string"_s,
                       u"the \"auth\" field holds JSON text (%1) rather than \"key:signature\": the endpoint "
                       u"encoded its answer and put it inside another one"_s.arg(excerpt(trimmed))});
    return true;
}

} // namespace

AuthAnswer readAuthAnswer(const QByteArray &pasted, AuthInspectInput::Pasted kind, const QByteArray &thisKey)
{
    using Pasted = AuthInspectInput::Pasted;
    AuthAnswer out;
    const QByteArray trimmed = pasted.trimmed();
    if (kind == Pasted::AuthValue) {
        out.auth = trimmed;
        readAuthValue(out, thisKey);
        return out;
    }
    if (trimmed.isEmpty()) {
        out.causes.append({kind == Pasted::Response ? u"response_not_json"_s : u"missing_auth_field"_s,
                           kind == Pasted::Response ? u"the answer is empty"_s : u"nothing was pasted"_s});
        return out;
    }
    QString error;
    std::optional<QJsonValue> value = parseJsonValue(trimmed, &error);
    if (!value) {
        if (kind == Pasted::Auto && looksLikeAuthValue(trimmed)) {
            out.auth = trimmed;
            readAuthValue(out, thisKey);
            return out;
        }
        out.causes.append({u"response_not_json"_s,
                           looksLikeHtml(trimmed)
                               ? u"the answer is an HTML page, not JSON: \"%1\""_s.arg(excerpt(trimmed))
                               : u"the answer is not JSON (%1): \"%2\""_s.arg(error, excerpt(trimmed))});
        return out;
    }
    if (value->isString()) {
        const QByteArray inner = value->toString().toUtf8();
        const std::optional<QJsonValue> innerValue = parseJsonValue(inner.trimmed());
        if (innerValue && innerValue->isObject()) {
            out.causes.append({u"auth_is_json_string"_s,
                               u"the answer is JSON inside a JSON string: it was encoded twice (JSON.stringify "
                               u"then res.json, or json_encode of a string); return the object itself"_s});
            value = innerValue;
        } else if (looksLikeAuthValue(inner)) {
            // A quoted auth value: fine as a paste, wrong as an endpoint's answer.
            if (kind == Pasted::Response)
                out.causes.append({u"auth_is_json_string"_s,
                                   u"the answer is the auth value as a bare JSON string; it must be an object "
                                   u"{\"auth\": \"key:signature\"}"_s});
            out.auth = inner;
            readAuthValue(out, thisKey);
            return out;
        } else {
            out.causes.append({u"response_not_json"_s, u"the answer is a JSON string, not a JSON object"_s});
            return out;
        }
    }
    if (!value->isObject()) {
        out.causes.append({u"response_not_json"_s, u"the answer is JSON but not an object"_s});
        return out;
    }
    out.isObject = true;
    const QJsonObject object = value->toObject();
    const QJsonValue auth = object.value("auth"_L1);
    if (!auth.isString()) {
        out.causes.append({u"missing_auth_field"_s, auth.isUndefined() ? u"the answer has no \"auth\" field"_s
                                                                      : u"the answer's \"auth\" is not a string"_s});
        return out;
    }
    const QJsonValue channelData = object.value("channel_data"_L1);
    if (channelData.isString()) {
        out.channelData = channelData.toString().toUtf8();
    } else if (!channelData.isUndefined() && !channelData.isNull()) {
        out.causes.append({u"channel_data_not_string"_s,
                           u"the answer's \"channel_data\" is a JSON value, not a string of JSON text: it must be "
                           u"the exact text that was signed"_s});
        out.channelData = channelData.isObject() ? QJsonDocument(channelData.toObject()).toJson(QJsonDocument::Compact)
                                                 : QByteArray();
    }
    out.auth = auth.toString().toUtf8();
    unwrapJsonInAuth(out);
    readAuthValue(out, thisKey);
    return out;
}

} // namespace Apinator
