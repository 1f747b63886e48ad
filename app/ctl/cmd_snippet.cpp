// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl snippet
#include "command.h"
#include "options.h"
#include "output.h"

#include <apinator/credentials.h>
#include <apinator/json.h>
#include <apinator/names.h>
#include <apinator/snippets.h>

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

int runSnippet(const QStringList &args)
{
    Options options(u"snippet"_s,
                    u"--lang (curl|python|node|go|php|http) --event E --channel C [--channel C2 ...] "
                    u"(--data TEXT | --data-file F) [--socket-id S] [--base-url URL | --cluster NAME]"_s,
                    u"apinatorctl snippet --lang curl --base-url http://127.0.0.1:6001 --event new-message "
                    u"--channel chat --data '{\"text\":\"hi\"}' > send.sh"_s);
    options.setDescription(
        u"Prints the trigger call (POST /apps/{app_id}/events) as code: a curl script that signs in shell\n"
        u"with openssl, the official SDKs, or the raw HTTP message. Credentials are never in it: the code\n"
        u"reads APINATOR_APP_ID, APINATOR_KEY and APINATOR_SECRET from the environment. --base-url and\n"
        u"--cluster (else APINATOR_BASE_URL, APINATOR_CLUSTER) set where the code sends by default."_s);
    options.addOption(u"--lang"_s, u"LANG"_s, u"curl, python, node, go, php or http"_s)
        .addOption(u"--event"_s, u"E"_s, u"event name"_s)
        .addRepeatable(u"--channel"_s, u"C"_s, u"channel to send to"_s)
        .addOption(u"--data"_s, u"TEXT"_s, u"event data, usually JSON text"_s)
        .addOption(u"--data-file"_s, u"F"_s, u"read the event data from file F ('-': stdin)"_s)
        .addOption(u"--socket-id"_s, u"S"_s, u"exclude this connection from receiving the event"_s)
        .addOption(u"--base-url"_s, u"URL"_s, u"custom base URL (a local sandbox)"_s)
        .addOption(u"--cluster"_s, u"NAME"_s, u"cluster, when there is no base URL (default eu)"_s);
    if (!options.parse(args))
        return ExitOk;

    const QString langName = options.required(u"--lang"_s);
    const std::optional<SnippetLanguage> language = snippetLanguageFromName(langName);
    if (!language)
        throw UsageError(u"--lang"_s, u"\""_s + langName + u"\" is not one of curl, python, node, go, php, http"_s);
    SnippetInput input;
    TriggerRequest &request = input.request;
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
    input.baseUrl = options.value(u"--base-url"_s).value_or(qEnvironmentVariable("APINATOR_BASE_URL"));
    if (!input.baseUrl.isEmpty()) {
        if (const QString error = Credentials::baseUrlError(input.baseUrl); !error.isEmpty())
            throw UsageError(u"--base-url"_s, error);
    }
    input.cluster = options.value(u"--cluster"_s).value_or(qEnvironmentVariable("APINATOR_CLUSTER"));
    if (!input.cluster.isEmpty()) {
        if (const QString error = Credentials::clusterError(input.cluster); !error.isEmpty())
            throw UsageError(u"--cluster"_s, error);
    }
    writeOut(generateSnippet(*language, input).toUtf8());
    return ExitOk;
}

} // namespace Apinator::Ctl
