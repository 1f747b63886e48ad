// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/authinspect.h>
#include <apinator/channelauth.h>
#include <apinator/crypto.h>
#include <apinator/json.h>
#include <apinator/jsontree.h>
#include <apinator/names.h>

#include "authanswer.h"

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace Apinator {

namespace {

QString text(QByteArrayView bytes)
{
    return QString::fromUtf8(bytes);
}

// A string the endpoint may have signed instead of the right one, and what that says.
struct Candidate
{
    QByteArray stringToSign;
    Cause cause; // empty code: the right string
};

struct Signer
{
    QString profile; // empty: this profile
    std::unique_ptr<Crypto::HmacSha256> hmac;
};

// The values a careless endpoint signs in place of the one it was sent.
struct Variant
{
    QByteArray value;
    QString how;
};

QList<Variant> valueVariants(const QByteArray &value, bool caseMatters)
{
    QList<Variant> out;
    const auto add = [&](const QByteArray &v, const QString &how) {
        if (v == value)
            return;
        for (const Variant &seen : std::as_const(out))
            if (seen.value == v)
                return;
        out.append({v, how});
    };
    add(value.trimmed(), u"trimmed of the surrounding whitespace"_s);
    if (caseMatters) {
        add(value.toLower(), u"in lowercase"_s);
        add(value.toUpper(), u"in uppercase"_s);
    }
    add(value + '\n', u"with a trailing newline"_s);
    add(value + "\r\n", u"with a trailing CR LF"_s);
    add(value + ' ', u"with a trailing space"_s);
    add(' ' + value, u"with a leading space"_s);
    add('"' + value + '"', u"wrapped in quotes (JSON-encoded)"_s);
    add(value.trimmed().toLower(), u"trimmed and in lowercase"_s);
    for (const QByteArrayView prefix : {QByteArrayView("private-"), QByteArrayView("presence-")})
        if (value.startsWith(prefix))
            add(value.sliced(prefix.size()), u"without its \"%1\" prefix"_s.arg(text(prefix)));
    return out;
}

QString quoted(QByteArrayView bytes)
{
    QString s = text(bytes.first(qMin<qsizetype>(bytes.size(), 200)));
    s.replace(u'\n', u"\\n"_s);
    s.replace(u'\r', u"\\r"_s);
    s.replace(u'\t', u"\\t"_s);
    return u'"' + s + u'"';
}

std::vector<Candidate> candidates(const AuthInspectInput &input, bool presence,
                                  const std::optional<QByteArray> &signedData)
{
    std::vector<Candidate> out;
    const QByteArray &socketId = input.socketId;
    const QByteArray &channel = input.channelName;
    out.push_back({ChannelAuthSigner::stringToSign(socketId, channel, signedData), {}});
    if (presence) {
        if (signedData)
            out.push_back({ChannelAuthSigner::stringToSign(socketId, channel, std::nullopt),
                           {u"signed_without_channel_data"_s,
                            u"the signature was made without channel_data (the private-channel formula "
                            u"socket_id:channel_name): presence signatures must cover "
                            u"socket_id:channel_name:channel_data"_s}});
        // The user's own channel_data, when the answer carries other bytes.
        if (input.channelData && signedData && *input.channelData != *signedData)
            out.push_back({ChannelAuthSigner::stringToSign(socketId, channel, input.channelData),
                           {u"channel_data_reserialized"_s,
                            u"the signature is for the channel_data given (%1), but the answer carries other "
                            u"bytes (%2): channel_data was re-serialized between signing and answering"_s.arg(
                                quoted(*input.channelData), quoted(*signedData))}});
        if (signedData) {
            for (const JsonTree::Style &style : JsonTree::commonStyles()) {
                const std::optional<QByteArray> variant = JsonTree::reserialize(*signedData, style);
                if (!variant || *variant == *signedData)
                    continue;
                out.push_back({ChannelAuthSigner::stringToSign(socketId, channel, variant),
                               {u"channel_data_reserialized"_s,
                                u"channel_data was re-serialized between signing and answering: the signature "
                                u"is for the same data written %1 (%2), the answer carries %3. Sign the exact "
                                u"text you return"_s.arg(style.describe(), quoted(*variant), quoted(*signedData))}});
            }
        }
    }
    for (const Variant &v : valueVariants(socketId, false))
        out.push_back({ChannelAuthSigner::stringToSign(v.value, channel, signedData),
                       {u"socket_id_differs"_s, u"the signature is for the socket id %1 (%2), not %3"_s.arg(
                                                    quoted(v.value), v.how, quoted(socketId))}});
    for (const Variant &v : valueVariants(channel, true))
        out.push_back({ChannelAuthSigner::stringToSign(socketId, v.value, signedData),
                       {u"channel_name_differs"_s, u"the signature is for the channel name %1 (%2), not %3"_s.arg(
                                                       quoted(v.value), v.how, quoted(channel))}});
    return out;
}

} // namespace

std::optional<QByteArray> buildPresenceChannelData(const QString &userId, QByteArrayView userInfoJson, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (userId.isEmpty())
        return fail(u"the user id is empty: the JS client rejects presence channel_data without one"_s);
    QByteArray out = R"({"user_id":)"_ba + Json::quote(userId.toUtf8());
    const QByteArrayView info = QByteArrayView(userInfoJson).trimmed();
    if (!info.isEmpty()) {
        const std::optional<QByteArray> compact = JsonTree::reserialize(info, {.reencodeStrings = true});
        if (!compact)
            return fail(u"the user info is not valid JSON"_s);
        if (!compact->startsWith('{'))
            return fail(u"the user info must be a JSON object, {\"name\": ...}"_s);
        out += R"(,"user_info":)" + *compact;
    }
    return out + '}';
}

AuthInspection inspectChannelAuth(const AuthInspectInput &input)
{
    AuthInspection result;
    CauseList &causes = result.causes;
    const QString channelName = text(input.channelName);
    const bool presence = Names::channelType(channelName) == ChannelType::Presence;

    if (const QString e = Names::socketIdError(text(input.socketId)); !e.isEmpty())
        causes.append({u"invalid_socket_id"_s, e});
    if (const QString e = Names::channelNameError(channelName); !e.isEmpty())
        causes.append({u"invalid_channel_name"_s, e});

    // The answer itself: JSON, an auth field, the key prefix, the signature's form.
    const AuthAnswer answer = readAuthAnswer(input.pasted, input.kind, input.key);
    causes.append(answer.causes);
    result.providedAuth = answer.auth;
    result.providedChannelData = answer.channelData;

    // What the subscriber will send is the answer's channel_data; else the one given.
    const std::optional<QByteArray> channelData = answer.channelData ? answer.channelData : input.channelData;
    const std::optional<QByteArray> signedData = presence ? channelData : std::nullopt;
    result.channelData = signedData;
    const ChannelAuthSigner signer(input.key, input.secret);
    const ChannelAuthToken expected = signer.sign(input.socketId, input.channelName, signedData);
    result.expectedStringToSign = expected.stringToSign;
    if (!presence || signedData) {
        result.expectedSignature = expected.signature;
        result.expectedAuth = expected.auth;
        result.expectedResponse = expected.responseJson();
    }
    if (!answer.usable) {
        result.valid = false;
        return result;
    }
    result.providedSignature = answer.signature;

    // The key: this profile's, another saved profile's, or unknown.
    if (answer.hasKey && answer.key != input.key) {
        QString owner;
        for (const AuthProfileKeys &other : input.others)
            if (other.key == answer.key) {
                owner = other.name;
                break;
            }
        if (!owner.isEmpty())
            causes.append({u"key_of_other_profile"_s,
                           u"auth starts with the key of profile \"%1\" (%2), not this profile's key %3"_s.arg(
                               owner, quoted(answer.key), quoted(input.key))});
        else
            causes.append({u"key_mismatch"_s, u"auth is for the key %1, not this profile's key %2"_s.arg(
                                                  quoted(answer.key), quoted(input.key))});
    }

    // Which secret and which string made the signature: this profile's first, then the others.
    std::vector<Signer> signers;
    signers.push_back({QString(), std::make_unique<Crypto::HmacSha256>(input.secret)});
    for (const AuthProfileKeys &other : input.others)
        if (!other.secret.isEmpty() && other.secret != input.secret)
            signers.push_back({other.name, std::make_unique<Crypto::HmacSha256>(other.secret)});
    const std::vector<Candidate> tried = candidates(input, presence, signedData);
    const Signer *matchedSigner = nullptr;
    const Candidate *matched = nullptr;
    for (const Signer &s : signers) {
        for (const Candidate &c : tried) {
            if (Crypto::constantTimeEquals(s.hmac->hexDigest(c.stringToSign), answer.signature)) {
                matchedSigner = &s;
                matched = &c;
                break;
            }
        }
        if (matched)
            break;
    }

    if (matchedSigner && !matchedSigner->profile.isEmpty()) {
        result.signedWithProfile = matchedSigner->profile;
        causes.append({u"secret_of_other_profile"_s,
                       u"the signature was made with the secret of profile \"%1\", not this profile's secret"_s.arg(
                           matchedSigner->profile)});
    }
    if (presence && !channelData)
        causes.append({u"missing_channel_data"_s,
                       input.kind == AuthInspectInput::Pasted::AuthValue || !answer.isObject
                           ? u"presence channels sign socket_id:channel_name:channel_data: give the channel_data "
                             u"the endpoint returned, or paste its whole answer"_s
                           : u"the answer has no \"channel_data\": a presence answer must return the exact "
                             u"channel_data text it signed"_s});
    if (!presence && channelData)
        causes.append({u"unexpected_channel_data"_s,
                       u"channel_data is only signed for presence channels; %1 is not one"_s.arg(channelName)});
    if (presence && channelData)
        if (const QString e = presenceChannelDataError(*channelData); !e.isEmpty())
            causes.append({u"invalid_channel_data"_s, e});
    // Presence without any channel_data: the only string to compare with is the private one.
    if (presence && !channelData && matched)
        causes.append({u"signed_without_channel_data"_s,
                       u"the signature was made without channel_data (the private-channel formula)"_s});

    if (matched) {
        result.reconstructedStringToSign = matched->stringToSign;
        if (!matched->cause.code.isEmpty())
            causes.append(matched->cause);
    } else if (presence && !channelData) {
        // Without channel_data the right string is unknown: missing_channel_data says it all.
    } else {
        const QString others = signers.size() > 1
                                   ? u" nor with the secret of any of the %1 other saved profiles"_s.arg(signers.size() - 1)
                                   : QString();
        causes.append({u"signature_mismatch"_s,
                       u"the signature is not HMAC-SHA256 of %1 with this profile's secret%2, nor of any usual "
                       u"mistake (re-serialized channel_data, changed socket id or channel name). Expected "
                       u"%3, provided %4"_s.arg(quoted(expected.stringToSign), others,
                                                text(result.expectedSignature.isEmpty() ? "(unknown)"_ba
                                                                                        : result.expectedSignature),
                                                text(answer.signature))});
    }
    result.valid = causes.isEmpty();
    return result;
}

} // namespace Apinator
