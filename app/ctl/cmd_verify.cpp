// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl verify webhook | channel
#include "command.h"
#include "credentialoptions.h"
#include "options.h"
#include "otherprofiles.h"
#include "output.h"
#include "verdictoutput.h"

#include <QDateTime>

#include <apinator/authinspect.h>
#include <apinator/rawhttp.h>
#include <apinator/webhook.h>

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

namespace {

int runVerifyChannel(const QStringList &args)
{
    Options options(u"verify channel"_s,
                    u"--socket-id S --channel C [--channel-data JSON] (--auth KEY:SIG | --response JSON) [--json]"_s,
                    u"apinatorctl verify channel --key app_key_1 --secret \"$SECRET\" --socket-id 1234.5678 "
                    u"--channel private-orders --response \"$(curl -s -d socket_id=1234.5678 "
                    u"-d channel_name=private-orders http://localhost:3000/auth)\""_s);
    options.setDescription(u"Checks a channel auth token, or an auth endpoint's whole answer, against what the\n"
                           u"key and secret sign, and names the usual mistake behind a rejection. With --profile\n"
                           u"the other saved profiles' keys and secrets are tried too. Exit 0 valid, 1 invalid."_s);
    options.addOption(u"--socket-id"_s, u"S"_s, u"socket id the token was made for"_s)
        .addOption(u"--channel"_s, u"C"_s, u"channel name"_s)
        .addOption(u"--channel-data"_s, u"JSON"_s, u"presence channel data (default: taken from --response)"_s)
        .addOption(u"--auth"_s, u"KEY:SIG"_s, u"the auth token to check"_s)
        .addOption(u"--response"_s, u"JSON"_s, u"the auth endpoint's answer to check"_s)
        .addSwitch(u"--json"_s, u"print the verdict as JSON"_s);
    addCredentialOptions(options, Need::Key | Need::Secret);
    if (!options.parse(args))
        return ExitOk;

    AuthInspectInput input;
    input.socketId = options.required(u"--socket-id"_s).toUtf8();
    input.channelName = options.required(u"--channel"_s).toUtf8();
    if (const auto data = options.value(u"--channel-data"_s))
        input.channelData = data->toUtf8();
    options.requireExclusive(u"--auth"_s, u"--response"_s);
    if (const auto auth = options.value(u"--auth"_s)) {
        input.pasted = auth->toUtf8();
        input.kind = AuthInspectInput::Pasted::AuthValue;
    } else if (const auto response = options.value(u"--response"_s)) {
        input.pasted = response->toUtf8();
        input.kind = AuthInspectInput::Pasted::Response;
    } else {
        throw UsageError(u"--auth"_s, u"required (or --response)"_s);
    }
    const Credentials credentials = resolveCredentials(options, Need::Key | Need::Secret);
    input.key = credentials.key.toUtf8();
    input.secret = credentials.secret;
    input.others = otherProfileKeys(options);

    const AuthInspection verdict = inspectChannelAuth(input);
    const int exitCode = verdict.valid ? ExitOk : ExitInvalid;
    if (options.isSet(u"--json"_s)) {
        writeOut(channelVerdictJson(verdict).serialize() + '\n');
        return exitCode;
    }
    writeOut(channelVerdictText(verdict));
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
