// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

#include <apinator/verdict.h>

namespace Apinator {

// Another saved profile whose key and secret are tried when a signature does not match.
struct AuthProfileKeys
{
    QString name;      // shown in messages ("profile \"Staging\"")
    QByteArray key;
    QByteArray secret; // never appears in any output
};

struct AuthInspectInput
{
    enum class Pasted {
        Auto,     // what a user pasted: the whole JSON answer, or just the auth value
        Response, // an auth endpoint's whole answer (its body): must be a JSON object
        AuthValue // just "key:signature"
    };
    QByteArray pasted;
    Pasted kind = Pasted::Auto;
    QByteArray socketId;
    QByteArray channelName;
    // Given by the user; a presence answer's own channel_data wins over it.
    std::optional<QByteArray> channelData;
    QByteArray key;
    QByteArray secret;
    QList<AuthProfileKeys> others; // the other saved profiles (not this one)
};

struct AuthInspection
{
    bool valid = false;
    // In the order they are checked (see inspectChannelAuth).
    CauseList causes;
    QByteArray expectedAuth;      // key:signature this profile signs; empty when it cannot be known
    QByteArray providedAuth;      // as found in the answer; empty when there is none
    QByteArray expectedSignature;
    QByteArray providedSignature;
    std::optional<QByteArray> channelData;         // the channel_data that should be signed
    std::optional<QByteArray> providedChannelData; // the answer's channel_data
    QByteArray expectedStringToSign;
    // The string the provided signature was made from, when one of the usual mistakes
    // explains it (equal to expectedStringToSign when valid); nullopt when none does.
    std::optional<QByteArray> reconstructedStringToSign;
    QString signedWithProfile; // the other profile whose secret made the signature, if any
    // The exact JSON the endpoint should have answered; empty when it cannot be known.
    QByteArray expectedResponse;
};

// Explains an auth endpoint's answer (or an auth value) for one socket id and channel.
// Causes, each a stable code, in this order:
//   invalid_socket_id, invalid_channel_name (the inputs themselves);
//   response_not_json, auth_is_json_string, missing_auth_field, channel_data_not_string,
//   missing_key_prefix, malformed_auth;
//   key_of_other_profile (naming it) or key_mismatch;
//   secret_of_other_profile (naming it);
//   missing_channel_data, unexpected_channel_data, invalid_channel_data, signed_without_channel_data;
//   channel_data_reserialized (naming the re-serialization: compact, spaced, keys sorted,
//   slashes escaped, unicode escaped, indented, or combinations);
//   socket_id_differs, channel_name_differs (trimmed, case-changed, newline, quoted, ...);
//   signature_mismatch (when no known mistake explains the signature).
// valid when there is no cause. Pure: no I/O; secrets never appear in the result.
AuthInspection inspectChannelAuth(const AuthInspectInput &input);

// Presence channel_data from its parts, compact: {"user_id":ID} or {"user_id":ID,"user_info":INFO},
// the user info's own key order kept. Empty userInfoJson leaves user_info out. nullopt, with
// *error naming the problem, when the user id is empty or the user info is not a JSON object.
std::optional<QByteArray> buildPresenceChannelData(const QString &userId, QByteArrayView userInfoJson, QString *error);

} // namespace Apinator
