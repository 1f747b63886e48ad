// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl snippet
#include "command.h"
#include "options.h"
#include "output.h"
#include "triggeroptions.h"

#include <apinator/credentials.h>
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
    options.addOption(u"--lang"_s, u"LANG"_s, u"curl, python, node, go, php or http"_s);
    addTriggerOptions(options);
    options.addOption(u"--base-url"_s, u"URL"_s, u"custom base URL (a local sandbox)"_s)
        .addOption(u"--cluster"_s, u"NAME"_s, u"cluster, when there is no base URL (default eu)"_s);
    if (!options.parse(args))
        return ExitOk;

    const QString langName = options.required(u"--lang"_s);
    const std::optional<SnippetLanguage> language = snippetLanguageFromName(langName);
    if (!language)
        throw UsageError(u"--lang"_s, u"\""_s + langName + u"\" is not one of curl, python, node, go, php, http"_s);
    SnippetInput input;
    input.request = triggerRequestFrom(options);
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
