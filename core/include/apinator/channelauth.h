// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

#include <apinator/crypto.h>
#include <apinator/verdict.h>

namespace Apinator {

// What an auth endpoint answers for one subscription (PROTOCOL.md, "Channel authorization").
struct ChannelAuthToken
{
    QByteArray stringToSign; // socket_id:channel[:channel_data]
    QByteArray signature;    // lowercase hex
    QByteArray auth;         // key:signature
    std::optional<QByteArray> channelData;
    // {"auth":"KEY:SIG"} or {"auth":"KEY:SIG","channel_data":"..."}, compact.
    QByteArray responseJson() const;
};

class ChannelAuthSigner final
{
public:
    ChannelAuthSigner(QByteArray key, QByteArrayView secret);

    // channelData is signed byte for byte as given, never re-serialized.
    ChannelAuthToken sign(QByteArrayView socketId, QByteArrayView channelName,
                          const std::optional<QByteArray> &channelData = std::nullopt) const;
    // Just the lowercase hex signature, hashed from the parts without building the
    // string to sign: what a server checking subscriptions needs, at one allocation.
    QByteArray signature(QByteArrayView socketId, QByteArrayView channelName,
                         const std::optional<QByteArray> &channelData = std::nullopt) const;
    const QByteArray &key() const { return m_key; }

    static QByteArray stringToSign(QByteArrayView socketId, QByteArrayView channelName,
                                   const std::optional<QByteArray> &channelData);

private:
    QByteArray m_key;
    Crypto::HmacSha256 m_hmac;
};

// Empty when channel_data is what the JS client accepts for presence: a JSON
// object whose user_id is a non-empty string and whose user_info, when present,
// is an object. Else a sentence naming what is wrong.
QString presenceChannelDataError(QByteArrayView channelData);

// The result of checking an auth token or an auth endpoint's whole answer.
struct ChannelAuthVerdict
{
    bool valid = false;
    CauseList causes;
    QByteArray expectedAuth;                 // key:signature for what should have been signed
    QByteArray providedAuth;                 // as found in the input
    std::optional<QByteArray> channelData;   // what was checked
};

struct ChannelAuthCheck
{
    QByteArray socketId;
    QByteArray channelName;
    std::optional<QByteArray> channelData; // given by the user; else taken from the response
    QByteArray provided;                   // "key:sig", or the endpoint's JSON answer
    bool providedIsResponse = false;
};

// Cause codes: invalid_socket_id, invalid_channel_name, response_not_json,
// response_double_encoded, missing_auth_field, malformed_auth, key_mismatch,
// missing_channel_data, invalid_channel_data, channel_data_mismatch,
// signed_without_channel_data, signature_mismatch.
ChannelAuthVerdict verifyChannelAuth(const ChannelAuthSigner &signer, const ChannelAuthCheck &check);

} // namespace Apinator
