// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl trigger
#include "command.h"
#include "credentialoptions.h"
#include "options.h"
#include "restcall.h"
#include "triggeroptions.h"

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
    addTriggerOptions(options);
    addRestOptions(options);
    addCredentialOptions(options, RestNeeds);
    if (!options.parse(args))
        return ExitOk;

    const TriggerRequest request = triggerRequestFrom(options);
    const Credentials credentials = resolveCredentials(options, RestNeeds);

    return runRestCall(options, credentials, HumanOutput::StatusAndBody,
                       [&request](RestClient &client, QString *error) { return client.trigger(request, error); });
}

} // namespace Apinator::Ctl
