// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl trigger
#include "command.h"
#include "credentialoptions.h"
#include "options.h"
#include "restcall.h"

#include <apinator/json.h>
#include <apinator/names.h>
#include <apinator/restclient.h>

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

int runTrigger(const QStringList &args)
{
    Options options(u"trigger"_s,
                    u"--event E --channel C [--channel C2 ...] (--data TEXT | --data-file F) [--socket-id S] "
                    u"[--timeout MS] [--json]"_s,
                    u"apinatorctl trigger --base-url http://127.0.0.1:6001 --app-id 1 --key app_key_1 "
                    u"--secret \"$SECRET\" --event new-message --channel chat --data '{\"text\":\"hi\"}'"_s);
    options.setDescription(u"Sends an event over the REST API (POST /apps/{app_id}/events) and prints the status\n"
                           u"and the server's answer. The data is sent as a JSON string, as the SDKs do."_s);
    options.addOption(u"--event"_s, u"E"_s, u"event name"_s)
        .addRepeatable(u"--channel"_s, u"C"_s, u"channel to send to"_s)
        .addOption(u"--data"_s, u"TEXT"_s, u"event data, usually JSON text"_s)
        .addOption(u"--data-file"_s, u"F"_s, u"read the event data from file F ('-': stdin)"_s)
        .addOption(u"--socket-id"_s, u"S"_s, u"exclude this connection from receiving the event"_s);
    addRestOptions(options);
    addCredentialOptions(options, RestNeeds);
    if (!options.parse(args))
        return ExitOk;

    // Checked field by field first so the message names the flag; request.error() is the backstop.
    TriggerRequest request;
    request.event = options.required(u"--event"_s);
    if (const QString error = Names::eventNameError(request.event); !error.isEmpty())
        throw UsageError(u"--event"_s, error);
    request.channels = options.values(u"--channel"_s);
    if (request.channels.isEmpty())
        throw UsageError(u"--channel"_s, u"required"_s);
    for (const QString &channel : std::as_const(request.channels))
        if (const QString error = Names::channelNameError(channel); !error.isEmpty())
            throw UsageError(u"--channel"_s, error);
    request.data = options.requiredTextOrFile(u"--data"_s, u"--data-file"_s);
    if (!Json::isValidUtf8(request.data))
        throw UsageError(u"--data-file"_s, u"not valid UTF-8"_s);
    if (const auto socketId = options.value(u"--socket-id"_s)) {
        if (const QString error = Names::socketIdError(*socketId); !error.isEmpty())
            throw UsageError(u"--socket-id"_s, error);
        request.socketId = *socketId;
    }
    if (const QString error = request.error(); !error.isEmpty())
        throw UsageError(error);
    const Credentials credentials = resolveCredentials(options, RestNeeds);

    return runRestCall(options, credentials, HumanOutput::StatusAndBody,
                       [&request](RestClient &client, QString *error) { return client.trigger(request, error); });
}

} // namespace Apinator::Ctl
