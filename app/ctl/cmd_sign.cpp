// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl sign request | channel | webhook
#include "command.h"
#include "credentialoptions.h"
#include "options.h"
#include "output.h"

#include <QDateTime>

#include <apinator/channelauth.h>
#include <apinator/names.h>
#include <apinator/requestsigner.h>
#include <apinator/webhook.h>

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

namespace {

// Letters only: the method goes into the signed string verbatim, so a typo must not sign.
bool isHttpToken(const QString &method)
{
    if (method.isEmpty())
        return false;
    for (QChar c : method)
        if (!((c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z')))
            return false;
    return true;
}

int runSignRequest(const QStringList &args)
{
    Options options(u"sign request"_s, u"--method M --path P [--body TEXT | --body-file F] --timestamp T [--json]"_s,
                    u"apinatorctl sign request --key app_key_1 --secret \"$SECRET\" --method POST "
                    u"--path /apps/123/events --body-file body.json --timestamp 1700000000"_s);
    options.setDescription(u"Prints the X-Realtime-Signature of a REST request: lowercase hex HMAC-SHA256(secret,\n"
                           u"timestamp \\n METHOD \\n path \\n body_md5). A query string in the path is not signed."_s);
    options.addOption(u"--method"_s, u"M"_s, u"HTTP method: GET, POST"_s)
        .addOption(u"--path"_s, u"P"_s, u"request path, /apps/123/events; a query string is dropped before signing"_s)
        .addOption(u"--body"_s, u"TEXT"_s, u"the request body exactly as sent (default: empty)"_s)
        .addOption(u"--body-file"_s, u"F"_s, u"read the body byte for byte from file F ('-': stdin)"_s)
        .addOption(u"--timestamp"_s, u"T"_s, u"unix time in seconds"_s)
        .addSwitch(u"--json"_s, u"print string_to_sign, body_md5, signature and headers as JSON"_s);
    addCredentialOptions(options, Need::Key | Need::Secret);
    if (!options.parse(args))
        return ExitOk;

    const QString method = options.required(u"--method"_s);
    if (!isHttpToken(method))
        throw UsageError(u"--method"_s, u"not an HTTP method: "_s + quotedForMessage(method));
    const QString path = options.required(u"--path"_s);
    if (!path.startsWith(u'/'))
        throw UsageError(u"--path"_s, u"must start with '/': "_s + quotedForMessage(path));
    const QByteArray body = options.textOrFile(u"--body"_s, u"--body-file"_s).value_or(QByteArray());
    const qint64 timestamp = parseWholeSeconds(u"--timestamp"_s, options.required(u"--timestamp"_s));
    const Credentials credentials = resolveCredentials(options, Need::Key | Need::Secret);

    const RequestSigner signer(credentials.key.toUtf8(), credentials.secret);
    const RequestSignature signature = signer.sign(method.toUpper().toUtf8(), path.toUtf8(), body, timestamp);
    if (!options.isSet(u"--json"_s)) {
        writeOut(signature.signature + '\n');
        return ExitOk;
    }
    const OrderedJson json = OrderedJson::object({
        {"string_to_sign", OrderedJson::string(QByteArrayView(signature.stringToSign))},
        {"body_md5", OrderedJson::string(QByteArrayView(signature.bodyMd5))},
        {"signature", OrderedJson::string(QByteArrayView(signature.signature))},
        {"headers", OrderedJson::headers(signature.headers(signer.key()))},
    });
    writeOut(json.serialize() + '\n');
    return ExitOk;
}

int runSignChannel(const QStringList &args)
{
    Options options(u"sign channel"_s, u"--socket-id S --channel C [--channel-data JSON]"_s,
                    u"apinatorctl sign channel --key app_key_2 --secret \"$SECRET\" --socket-id 2345.6789 "
                    u"--channel presence-room --channel-data '{\"user_id\":\"u-1\",\"user_info\":{\"name\":\"Alice\"}}'"_s);
    options.setDescription(u"Prints exactly the JSON an auth endpoint must answer for this subscription:\n"
                           u"{\"auth\":\"KEY:SIG\"}, with \"channel_data\" for a presence channel. The channel data\n"
                           u"is signed byte for byte as given."_s);
    options.addOption(u"--socket-id"_s, u"S"_s, u"socket id of the connection, 1234.5678"_s)
        .addOption(u"--channel"_s, u"C"_s, u"channel name, private-... or presence-..."_s)
        .addOption(u"--channel-data"_s, u"JSON"_s,
                   u"presence member, {\"user_id\":\"u-1\",\"user_info\":{...}}; required for presence channels"_s);
    addCredentialOptions(options, Need::Key | Need::Secret);
    if (!options.parse(args))
        return ExitOk;

    const QString socketId = options.required(u"--socket-id"_s);
    if (const QString error = Names::socketIdError(socketId); !error.isEmpty())
        throw UsageError(u"--socket-id"_s, error);
    const QString channel = options.required(u"--channel"_s);
    if (const QString error = Names::channelNameError(channel); !error.isEmpty())
        throw UsageError(u"--channel"_s, error);
    std::optional<QByteArray> channelData;
    if (const auto data = options.value(u"--channel-data"_s))
        channelData = data->toUtf8();
    if (Names::channelType(channel) == ChannelType::Presence) {
        if (!channelData)
            throw UsageError(u"--channel-data"_s, u"required for presence channel "_s + quotedForMessage(channel));
        if (const QString error = presenceChannelDataError(*channelData); !error.isEmpty())
            throw UsageError(u"--channel-data"_s, error);
    } else if (channelData) {
        // A server would reject such a token (verify channel calls it unexpected_channel_data).
        throw UsageError(u"--channel-data"_s, u"only presence channels carry channel data; "_s
                                                 + quotedForMessage(channel) + u" is "_s
                                                 + Names::channelTypeName(Names::channelType(channel)));
    }
    const Credentials credentials = resolveCredentials(options, Need::Key | Need::Secret);

    const ChannelAuthSigner signer(credentials.key.toUtf8(), credentials.secret);
    writeOut(signer.sign(socketId.toUtf8(), channel.toUtf8(), channelData).responseJson() + '\n');
    return ExitOk;
}

int runSignWebhook(const QStringList &args)
{
    Options options(u"sign webhook"_s, u"(--body TEXT | --body-file F) [--timestamp T] [--json]"_s,
                    u"apinatorctl sign webhook --webhook-secret \"$WEBHOOK_SECRET\" "
                    u"--body '{\"event\":\"channel_occupied\",\"channel\":\"chat\"}' --timestamp 1700000000"_s);
    options.setDescription(u"Prints the X-Realtime-Timestamp and X-Realtime-Signature headers of a webhook, signed\n"
                           u"with the webhook secret (else the secret): HMAC-SHA256(secret, timestamp + \".\" + body)."_s);
    options.addOption(u"--body"_s, u"TEXT"_s, u"the webhook body exactly as sent"_s)
        .addOption(u"--body-file"_s, u"F"_s, u"read the body byte for byte from file F ('-': stdin)"_s)
        .addOption(u"--timestamp"_s, u"T"_s, u"unix time in seconds (default: now)"_s)
        .addSwitch(u"--json"_s, u"print timestamp, signature and headers as JSON"_s);
    addCredentialOptions(options, Need::WebhookSecret);
    if (!options.parse(args))
        return ExitOk;

    const QByteArray body = options.requiredTextOrFile(u"--body"_s, u"--body-file"_s);
    QByteArray timestamp = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    if (const auto given = options.value(u"--timestamp"_s)) {
        parseWholeSeconds(u"--timestamp"_s, *given);
        timestamp = given->toUtf8(); // the header carries the text, so sign the text as typed
    }
    const Credentials credentials = resolveCredentials(options, Need::WebhookSecret);

    const QByteArray signature = signWebhook(credentials.webhookSigningSecret(), timestamp, body);
    if (!options.isSet(u"--json"_s)) {
        writeOut(QByteArray(WebhookTimestampHeader) + ": " + timestamp + '\n' + WebhookSignatureHeader + ": "
                 + signature + '\n');
        return ExitOk;
    }
    const OrderedJson json = OrderedJson::object({
        {"timestamp", OrderedJson::string(QByteArrayView(timestamp))},
        {"signature", OrderedJson::string(QByteArrayView(signature))},
        {"headers", OrderedJson::headers({{WebhookTimestampHeader, timestamp}, {WebhookSignatureHeader, signature}})},
    });
    writeOut(json.serialize() + '\n');
    return ExitOk;
}

constexpr Command SignCommands[] = {
    {"request"_L1, "signature of a REST request"_L1, &runSignRequest},
    {"channel"_L1, "auth endpoint answer for a private or presence channel"_L1, &runSignChannel},
    {"webhook"_L1, "signature headers of a webhook"_L1, &runSignWebhook},
};

} // namespace

std::span<const Command> signCommands()
{
    return SignCommands;
}

} // namespace Apinator::Ctl
