// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl verify webhook | channel
#include "command.h"
#include "credentialoptions.h"
#include "options.h"
#include "output.h"

#include <QDateTime>

#include <apinator/channelauth.h>
#include <apinator/rawhttp.h>
#include <apinator/webhook.h>

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

namespace {

QByteArray causeLines(const CauseList &causes, QByteArrayView bullet)
{
    QByteArray out;
    for (const Cause &cause : causes)
        out += "  " + bullet.toByteArray() + cause.message.toUtf8() + " [" + cause.code.toUtf8() + "]\n";
    return out;
}

OrderedJson causeCodes(const CauseList &causes)
{
    OrderedJson codes = OrderedJson::array();
    for (const Cause &cause : causes)
        codes.append(OrderedJson::string(cause.code));
    return codes;
}

OrderedJson causeMessages(const CauseList &causes)
{
    OrderedJson messages = OrderedJson::array();
    for (const Cause &cause : causes)
        messages.append(OrderedJson::string(cause.message));
    return messages;
}

// Empty means "could not be worked out" (the answer did not even parse).
OrderedJson orNull(const QByteArray &value)
{
    return value.isEmpty() ? OrderedJson::null() : OrderedJson::string(QByteArrayView(value));
}

QByteArray orNone(const std::optional<QByteArray> &value)
{
    return value ? *value : "(none)"_ba;
}

std::optional<qint64> parseMaxAge(const QString &text)
{
    if (text == u"off")
        return std::nullopt;
    bool digitsOnly = !text.isEmpty();
    for (QChar c : text)
        digitsOnly = digitsOnly && c >= u'0' && c <= u'9';
    bool ok = false;
    const qint64 seconds = digitsOnly ? text.toLongLong(&ok) : 0;
    if (!ok)
        throw UsageError(u"--max-age"_s, u"not a whole number of seconds or \"off\": "_s + quotedForMessage(text));
    return seconds;
}

int runVerifyWebhook(const QStringList &args)
{
    Options options(u"verify webhook"_s,
                    u"(--request-file F | --header 'Name: value' ... (--body TEXT | --body-file F)) "
                    u"[--max-age S|off] [--now T] [--json]"_s,
                    u"apinatorctl verify webhook --webhook-secret \"$WEBHOOK_SECRET\" --request-file captured.http"_s);
    options.setDescription(u"Checks a webhook the way every official SDK does and says why it fails. Exit 0 when\n"
                           u"every SDK accepts it, 1 when one would not. A request file is a raw HTTP request:\n"
                           u"optional request line, headers, a blank line, the body."_s);
    options.addOption(u"--request-file"_s, u"F"_s, u"raw HTTP request as received ('-': stdin)"_s)
        .addRepeatable(u"--header"_s, u"'Name: value'"_s, u"a request header"_s)
        .addOption(u"--body"_s, u"TEXT"_s, u"the request body exactly as received"_s)
        .addOption(u"--body-file"_s, u"F"_s, u"read the body byte for byte from file F ('-': stdin)"_s)
        .addOption(u"--max-age"_s, u"S"_s, u"freshness window in seconds, or off (default 300)"_s)
        .addOption(u"--now"_s, u"T"_s, u"the receiver's clock, unix seconds (default: now)"_s)
        .addSwitch(u"--json"_s, u"print the verdict as JSON"_s);
    addCredentialOptions(options, Need::WebhookSecret);
    if (!options.parse(args))
        return ExitOk;

    HeaderList headers;
    QByteArray body;
    if (const auto requestFile = options.value(u"--request-file"_s)) {
        for (const QString &other : {u"--header"_s, u"--body"_s, u"--body-file"_s})
            if (options.isSet(other))
                throw UsageError(other, u"cannot be combined with --request-file"_s);
        const RawHttpRequest request = parseRawHttpRequest(readInputFile(u"--request-file"_s, *requestFile));
        if (!request.error.isEmpty())
            throw UsageError(u"--request-file"_s, request.error);
        headers = request.headers;
        body = request.body;
    } else {
        for (const QString &line : options.values(u"--header"_s)) {
            QByteArray name, value;
            if (!parseHeaderLine(line.toUtf8(), &name, &value))
                throw UsageError(u"--header"_s, u"expected 'Name: value', got "_s + quotedForMessage(line));
            headers.append({name, value});
        }
        const std::optional<QByteArray> given = options.textOrFile(u"--body"_s, u"--body-file"_s);
        if (!given)
            throw UsageError(u"--request-file"_s, u"required (or --header ... with --body or --body-file)"_s);
        body = *given;
    }

    WebhookVerifyOptions verifyOptions;
    if (const auto maxAge = options.value(u"--max-age"_s))
        verifyOptions.maxAgeSeconds = parseMaxAge(*maxAge);
    // --now makes a verdict reproducible: the same file gives the same answer tomorrow.
    const auto now = options.value(u"--now"_s);
    verifyOptions.nowSeconds = now ? parseWholeSeconds(u"--now"_s, *now) : QDateTime::currentSecsSinceEpoch();
    const Credentials credentials = resolveCredentials(options, Need::WebhookSecret);

    const WebhookVerdict verdict = verifyWebhook(headers, body, credentials.webhookSigningSecret(), verifyOptions);
    const int exitCode = verdict.valid ? ExitOk : ExitInvalid;
    if (options.isSet(u"--json"_s)) {
        OrderedJson notes = OrderedJson::array();
        for (const Cause &note : verdict.notes)
            notes.append(OrderedJson::object({{"code", OrderedJson::string(note.code)},
                                              {"message", OrderedJson::string(note.message)}}));
        const OrderedJson json = OrderedJson::object({
            {"valid", OrderedJson::boolean(verdict.valid)},
            {"causes", causeCodes(verdict.causes)},
            {"expected_signature", OrderedJson::optionalString(verdict.expectedSignature)},
            {"provided_signature", OrderedJson::optionalString(verdict.providedSignature)},
            {"timestamp", OrderedJson::optionalString(verdict.timestamp)},
            {"age_seconds", verdict.ageSeconds ? OrderedJson::integer(*verdict.ageSeconds) : OrderedJson::null()},
            {"sdk", OrderedJson::object({{"python", OrderedJson::boolean(verdict.sdk.python)},
                                         {"node", OrderedJson::boolean(verdict.sdk.node)},
                                         {"go", OrderedJson::boolean(verdict.sdk.go)}})},
            {"messages", causeMessages(verdict.causes)},
            {"notes", notes},
        });
        writeOut(json.serialize() + '\n');
        return exitCode;
    }

    QByteArray out = verdict.valid ? "valid\n"_ba : "invalid\n"_ba;
    out += causeLines(verdict.causes, "- ");
    out += causeLines(verdict.notes, "note: ");
    out += "expected signature: " + orNone(verdict.expectedSignature) + '\n';
    out += "provided signature: " + orNone(verdict.providedSignature) + '\n';
    out += "timestamp: " + orNone(verdict.timestamp);
    if (verdict.ageSeconds)
        out += " (age " + QByteArray::number(*verdict.ageSeconds) + " s)";
    out += '\n';
    const auto says = [](bool accepts) { return accepts ? "accepts"_ba : "rejects"_ba; };
    out += "sdk: python " + says(verdict.sdk.python) + ", node " + says(verdict.sdk.node) + ", go "
        + says(verdict.sdk.go) + '\n';
    writeOut(out);
    return exitCode;
}

int runVerifyChannel(const QStringList &args)
{
    Options options(u"verify channel"_s,
                    u"--socket-id S --channel C [--channel-data JSON] (--auth KEY:SIG | --response JSON) [--json]"_s,
                    u"apinatorctl verify channel --key app_key_1 --secret \"$SECRET\" --socket-id 1234.5678 "
                    u"--channel private-orders --response \"$(curl -s -d socket_id=1234.5678 "
                    u"-d channel_name=private-orders http://localhost:3000/auth)\""_s);
    options.setDescription(u"Checks a channel auth token, or an auth endpoint's whole answer, against what the\n"
                           u"key and secret sign, and says why it is rejected. Exit 0 valid, 1 invalid."_s);
    options.addOption(u"--socket-id"_s, u"S"_s, u"socket id the token was made for"_s)
        .addOption(u"--channel"_s, u"C"_s, u"channel name"_s)
        .addOption(u"--channel-data"_s, u"JSON"_s, u"presence channel data (default: taken from --response)"_s)
        .addOption(u"--auth"_s, u"KEY:SIG"_s, u"the auth token to check"_s)
        .addOption(u"--response"_s, u"JSON"_s, u"the auth endpoint's answer to check"_s)
        .addSwitch(u"--json"_s, u"print the verdict as JSON"_s);
    addCredentialOptions(options, Need::Key | Need::Secret);
    if (!options.parse(args))
        return ExitOk;

    ChannelAuthCheck check;
    check.socketId = options.required(u"--socket-id"_s).toUtf8();
    check.channelName = options.required(u"--channel"_s).toUtf8();
    if (const auto data = options.value(u"--channel-data"_s))
        check.channelData = data->toUtf8();
    options.requireExclusive(u"--auth"_s, u"--response"_s);
    if (const auto auth = options.value(u"--auth"_s)) {
        check.provided = auth->toUtf8();
    } else if (const auto response = options.value(u"--response"_s)) {
        check.provided = response->toUtf8();
        check.providedIsResponse = true;
    } else {
        throw UsageError(u"--auth"_s, u"required (or --response)"_s);
    }
    const Credentials credentials = resolveCredentials(options, Need::Key | Need::Secret);

    const ChannelAuthSigner signer(credentials.key.toUtf8(), credentials.secret);
    const ChannelAuthVerdict verdict = verifyChannelAuth(signer, check);
    const int exitCode = verdict.valid ? ExitOk : ExitInvalid;
    if (options.isSet(u"--json"_s)) {
        const OrderedJson json = OrderedJson::object({
            {"valid", OrderedJson::boolean(verdict.valid)},
            {"causes", causeCodes(verdict.causes)},
            {"expected_auth", orNull(verdict.expectedAuth)},
            {"provided_auth", orNull(verdict.providedAuth)},
            {"channel_data", OrderedJson::optionalString(verdict.channelData)},
            {"messages", causeMessages(verdict.causes)},
        });
        writeOut(json.serialize() + '\n');
        return exitCode;
    }
    QByteArray out = verdict.valid ? "valid\n"_ba : "invalid\n"_ba;
    out += causeLines(verdict.causes, "- ");
    out += "expected auth: " + (verdict.expectedAuth.isEmpty() ? "(unknown)"_ba : verdict.expectedAuth) + '\n';
    out += "provided auth: " + (verdict.providedAuth.isEmpty() ? "(none)"_ba : verdict.providedAuth) + '\n';
    writeOut(out);
    return exitCode;
}

constexpr Command VerifyCommands[] = {
    {"webhook"_L1, "check a webhook's signature and freshness, with the cause and per-SDK verdicts"_L1,
     &runVerifyWebhook},
    {"channel"_L1, "check a channel auth token or an auth endpoint's answer"_L1, &runVerifyChannel},
};

} // namespace

std::span<const Command> verifyCommands()
{
    return VerifyCommands;
}

} // namespace Apinator::Ctl
