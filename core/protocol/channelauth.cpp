// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/channelauth.h>
#include <apinator/json.h>
#include <apinator/names.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Apinator {

QByteArray ChannelAuthToken::responseJson() const
{
    QByteArray out = R"({"auth":)"_ba;
    Json::appendQuoted(out, auth);
    if (channelData) {
        out.append(R"(,"channel_data":)");
        Json::appendQuoted(out, *channelData);
    }
    out.append('}');
    return out;
}

ChannelAuthSigner::ChannelAuthSigner(QByteArray key, QByteArrayView secret)
    : m_key(std::move(key))
    , m_hmac(secret)
{
}

QByteArray ChannelAuthSigner::stringToSign(QByteArrayView socketId, QByteArrayView channelName,
                                           const std::optional<QByteArray> &channelData)
{
    QByteArray s;
    s.reserve(socketId.size() + channelName.size() + (channelData ? channelData->size() + 2 : 1));
    s.append(socketId).append(':').append(channelName);
    if (channelData)
        s.append(':').append(*channelData);
    return s;
}

QByteArray ChannelAuthSigner::signature(QByteArrayView socketId, QByteArrayView channelName,
                                        const std::optional<QByteArray> &channelData) const
{
    if (channelData)
        return m_hmac.hexDigest({socketId, ":", channelName, ":", *channelData});
    return m_hmac.hexDigest({socketId, ":", channelName});
}

ChannelAuthToken ChannelAuthSigner::sign(QByteArrayView socketId, QByteArrayView channelName,
                                         const std::optional<QByteArray> &channelData) const
{
    ChannelAuthToken token;
    token.stringToSign = stringToSign(socketId, channelName, channelData);
    token.signature = m_hmac.hexDigest(token.stringToSign);
    token.auth = m_key + ':' + token.signature;
    token.channelData = channelData;
    return token;
}

QString presenceChannelDataError(QByteArrayView channelData)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(channelData.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError)
        return u"channel_data is not valid JSON: %1 at offset %2"_s.arg(error.errorString()).arg(error.offset);
    if (!doc.isObject())
        return u"channel_data must be a JSON object"_s;
    const QJsonObject object = doc.object();
    const QJsonValue userId = object.value("user_id"_L1);
    if (!userId.isString())
        return userId.isUndefined() ? u"channel_data has no user_id"_s
                                    : u"channel_data user_id must be a string (the JS client rejects numbers)"_s;
    if (userId.toString().isEmpty())
        return u"channel_data user_id is an empty string"_s;
    const QJsonValue userInfo = object.value("user_info"_L1);
    if (!userInfo.isUndefined() && !userInfo.isObject())
        return u"channel_data user_info must be a JSON object"_s;
    return {};
}

namespace {

// A top-level JSON value of any type (Qt 6.4 parses only objects and arrays at the top).
std::optional<QJsonValue> parseJsonValue(const QByteArray &text, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "]", &parseError);
    if (parseError.error != QJsonParseError::NoError || doc.array().size() != 1) {
        if (error)
            *error = parseError.errorString();
        return std::nullopt;
    }
    return doc.array().first();
}

struct AuthResponse
{
    QByteArray auth;
    std::optional<QByteArray> channelData;
};

// Reads an auth endpoint's answer; false when nothing more can be checked.
bool readResponse(const QByteArray &text, AuthResponse *out, CauseList *causes)
{
    QString error;
    std::optional<QJsonValue> value = parseJsonValue(text.trimmed(), &error);
    if (!value) {
        causes->append({u"response_not_json"_s, u"the answer is not JSON (%1)"_s.arg(error)});
        return false;
    }
    if (value->isString()) {
        // JSON inside a JSON string: the endpoint encoded its answer twice.
        std::optional<QJsonValue> inner = parseJsonValue(value->toString().toUtf8(), nullptr);
        if (!inner || !inner->isObject()) {
            causes->append({u"response_not_json"_s, u"the answer is a JSON string, not a JSON object"_s});
            return false;
        }
        causes->append({u"response_double_encoded"_s,
                        u"the answer is JSON inside a JSON string: it was encoded twice; return the object itself"_s});
        value = inner;
    }
    if (!value->isObject()) {
        causes->append({u"response_not_json"_s, u"the answer is JSON but not an object"_s});
        return false;
    }
    const QJsonObject object = value->toObject();
    const QJsonValue auth = object.value("auth"_L1);
    if (!auth.isString()) {
        causes->append({u"missing_auth_field"_s, auth.isUndefined() ? u"the answer has no \"auth\" field"_s
                                                                   : u"the answer's \"auth\" is not a string"_s});
        return false;
    }
    out->auth = auth.toString().toUtf8();
    const QJsonValue channelData = object.value("channel_data"_L1);
    if (channelData.isString()) {
        out->channelData = channelData.toString().toUtf8();
    } else if (!channelData.isUndefined()) {
        causes->append({u"channel_data_not_string"_s,
                        u"the answer's \"channel_data\" is a JSON value, not a string of JSON text: it must be "
                        u"the exact text that was signed"_s});
        out->channelData = QJsonDocument(channelData.toObject()).toJson(QJsonDocument::Compact);
    }
    return true;
}

} // namespace

ChannelAuthVerdict verifyChannelAuth(const ChannelAuthSigner &signer, const ChannelAuthCheck &check)
{
    ChannelAuthVerdict verdict;
    CauseList &causes = verdict.causes;
    const QString channelName = QString::fromUtf8(check.channelName);
    const bool presence = Names::channelType(channelName) == ChannelType::Presence;

    if (const QString e = Names::socketIdError(QString::fromUtf8(check.socketId)); !e.isEmpty())
        causes.append({u"invalid_socket_id"_s, e});
    if (const QString e = Names::channelNameError(channelName); !e.isEmpty())
        causes.append({u"invalid_channel_name"_s, e});

    AuthResponse response;
    if (check.providedIsResponse) {
        if (!readResponse(check.provided, &response, &causes))
            return verdict;
    } else {
        response.auth = check.provided.trimmed();
    }
    verdict.providedAuth = response.auth;

    // What the subscriber will send is the response's channel_data; else the one given.
    std::optional<QByteArray> channelData = response.channelData ? response.channelData : check.channelData;
    if (presence && !channelData)
        causes.append({u"missing_channel_data"_s,
                       u"presence channels need channel_data: sign socket_id:channel:channel_data and return it"_s});
    if (!presence && channelData)
        causes.append({u"unexpected_channel_data"_s,
                       u"channel_data is only signed for presence channels; %1 is not one"_s.arg(channelName)});
    if (presence && channelData)
        if (const QString e = presenceChannelDataError(*channelData); !e.isEmpty())
            causes.append({u"invalid_channel_data"_s, e});

    const std::optional<QByteArray> signedData = presence ? channelData : std::nullopt;
    verdict.channelData = signedData;
    const ChannelAuthToken expected = signer.sign(check.socketId, check.channelName, signedData);
    verdict.expectedAuth = expected.auth;

    const qsizetype colon = response.auth.indexOf(':');
    if (colon < 0) {
        causes.append({u"malformed_auth"_s,
                       u"auth has no \"key:\" prefix: it must be \"%1:<signature>\""_s.arg(QString::fromUtf8(signer.key()))});
        return verdict;
    }
    const QByteArray key = response.auth.first(colon);
    const QByteArray signature = response.auth.sliced(colon + 1);
    if (!Crypto::isHex(signature) || signature.size() != 64 || signature != signature.toLower()) {
        causes.append({u"malformed_auth"_s,
                       u"the signature after the key must be 64 lowercase hex characters; got \"%1\""_s
                           .arg(QString::fromUtf8(signature.left(80)))});
        return verdict;
    }
    if (key != signer.key())
        causes.append({u"key_mismatch"_s, u"auth is for key \"%1\", not this app's key \"%2\""_s.arg(
                                              QString::fromUtf8(key), QString::fromUtf8(signer.key()))});

    if (!Crypto::constantTimeEquals(signature, expected.signature)) {
        const bool privateFormula = presence && channelData
                                    && Crypto::constantTimeEquals(
                                        signature, signer.sign(check.socketId, check.channelName).signature);
        const bool givenData = presence && check.channelData && check.channelData != channelData
                               && Crypto::constantTimeEquals(
                                   signature, signer.sign(check.socketId, check.channelName, check.channelData).signature);
        if (privateFormula)
            causes.append({u"signed_without_channel_data"_s,
                           u"the signature is the private-channel one: presence signatures must include "
                           u"\":channel_data\""_s});
        else if (givenData)
            causes.append({u"channel_data_mismatch"_s,
                           u"the signature is for the channel data given, but the answer carries other "
                           u"channel_data text: it was re-serialized between signing and answering"_s});
        else
            causes.append({u"signature_mismatch"_s,
                           u"the signature is not HMAC-SHA256(secret, \"%1\") with this app's secret"_s.arg(
                               QString::fromUtf8(expected.stringToSign))});
    }
    verdict.valid = causes.isEmpty();
    return verdict;
}

} // namespace Apinator
