// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl channels | channel NAME
#include "command.h"
#include "credentialoptions.h"
#include "options.h"
#include "restcall.h"

#include <apinator/names.h>
#include <apinator/restclient.h>

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

int runChannels(const QStringList &args)
{
    Options options(u"channels"_s, u"[--prefix P] [--timeout MS] [--json]"_s,
                    u"apinatorctl channels --base-url http://127.0.0.1:6001 --app-id 1 --key app_key_1 "
                    u"--secret \"$SECRET\" --prefix presence-"_s);
    options.setDescription(u"Prints the server's list of occupied channels (GET /apps/{app_id}/channels)."_s);
    options.addOption(u"--prefix"_s, u"P"_s, u"only channels whose name starts with P (filter_by_prefix)"_s);
    addRestOptions(options);
    addCredentialOptions(options, RestNeeds);
    if (!options.parse(args))
        return ExitOk;

    const QString prefix = options.value(u"--prefix"_s).value_or(QString());
    const Credentials credentials = resolveCredentials(options, RestNeeds);
    return runRestCall(options, credentials, HumanOutput::BodyOnly,
                       [&prefix](RestClient &client, QString *error) { return client.channels(prefix, error); });
}

int runChannel(const QStringList &args)
{
    Options options(u"channel"_s, u"NAME [--timeout MS] [--json]"_s,
                    u"apinatorctl channel presence-room --base-url http://127.0.0.1:6001 --app-id 1 "
                    u"--key app_key_1 --secret \"$SECRET\""_s);
    options.setDescription(u"Prints what the server knows of one channel (GET /apps/{app_id}/channels/NAME);\n"
                           u"a channel nobody occupies answers 404."_s);
    options.addPositional(u"NAME"_s, u"channel name"_s);
    addRestOptions(options);
    addCredentialOptions(options, RestNeeds);
    if (!options.parse(args))
        return ExitOk;

    const QString name = options.positional(u"NAME"_s);
    if (const QString error = Names::channelNameError(name); !error.isEmpty())
        throw UsageError(u"NAME "_s + quotedForMessage(name), error);
    const Credentials credentials = resolveCredentials(options, RestNeeds);
    return runRestCall(options, credentials, HumanOutput::BodyOnly,
                       [&name](RestClient &client, QString *error) { return client.channel(name, error); });
}

} // namespace Apinator::Ctl
