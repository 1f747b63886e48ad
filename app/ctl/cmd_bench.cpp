// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl bench trigger: the options; benchtrigger.cpp runs it.
#include "benchtrigger.h"
#include "command.h"
#include "credentialoptions.h"
#include "options.h"
#include "output.h"

#include <apinator/burstsender.h>
#include <apinator/names.h>

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

namespace {

qint64 parseCount(const Options &options, const QString &flag, qint64 min, qint64 max)
{
    const QString text = options.required(flag);
    bool ok = !text.isEmpty() && text.front().isDigit();
    const qint64 value = ok ? text.toLongLong(&ok) : 0;
    if (!ok || value < min || value > max)
        throw UsageError(flag, u"not a whole number from %1 to %2: "_s.arg(min).arg(max) + quotedForMessage(text));
    return value;
}

int runBenchTrigger(const QStringList &args)
{
    Options options(u"bench trigger"_s,
                    u"--count N --concurrency K [--channel C] [--size BYTES] [--engine lean|libcurl] [--json]"_s,
                    u"apinatorctl bench trigger --base-url http://127.0.0.1:6001 --app-id local --key local-key "
                    u"--secret \"$SECRET\" --count 10000 --concurrency 16"_s);
    options
        .setDescription(u"Sends N signed triggers of one event to a channel, K in flight over kept-alive\n"
                        u"connections of one client, while a WebSocket subscriber on that channel counts what\n"
                        u"arrives. Prints sent, ok, failed (by cause), received, events per second and latency\n"
                        u"percentiles (send to answer). Exit 0 when every event was accepted and received; 3 or\n"
                        u"4 when some failed (server or network); 1 when the subscriber missed some.\n"
                        u"The lean engine (default for http:// on Linux) keeps its own K sockets, one request in\n"
                        u"flight on each; libcurl's (default for https://) is the one the console sends with."_s)
        .addOption(u"--count"_s, u"N"_s, u"how many triggers to send"_s)
        .addOption(u"--concurrency"_s, u"K"_s, u"how many requests in flight at once"_s)
        .addOption(u"--channel"_s, u"NAME"_s, u"public channel to send to and subscribe to (default bench)"_s)
        .addOption(u"--size"_s, u"BYTES"_s, u"length of each event's data string (default 1024)"_s)
        .addOption(u"--engine"_s, u"NAME"_s, u"lean or libcurl (default: lean where it can send, else libcurl)"_s)
        .addSwitch(u"--json"_s, u"print one JSON object"_s);
    addCredentialOptions(options, RestNeeds);
    if (!options.parse(args))
        return ExitOk;

    BenchSettings settings;
    settings.count = parseCount(options, u"--count"_s, 1, 100'000'000);
    settings.concurrency = int(parseCount(options, u"--concurrency"_s, 1, 1000));
    settings.channel = options.value(u"--channel"_s).value_or(u"bench"_s);
    if (const QString error = Names::channelNameError(settings.channel); !error.isEmpty())
        throw UsageError(u"--channel"_s, error);
    if (Names::channelType(settings.channel) != ChannelType::Public)
        throw UsageError(u"--channel"_s, u"must be a public channel: the subscriber does not authenticate"_s);
    settings.size = 1024;
    if (options.value(u"--size"_s)) {
        // Bigger than any sandbox or cloud cap: such events fail as 413, counted like any failure.
        settings.size = parseCount(options, u"--size"_s, 0, 64 * 1024 * 1024);
    }
    settings.json = options.isSet(u"--json"_s);
    settings.credentials = resolveCredentials(options, RestNeeds);
    const QString leanUnsupported = BurstSender::unsupportedReason(settings.credentials.restBaseUrl());
    const QString engine = options.value(u"--engine"_s).value_or(QString());
    if (engine.isEmpty())
        settings.engine = leanUnsupported.isEmpty() ? BenchEngine::Lean : BenchEngine::Libcurl;
    else if (engine == u"libcurl")
        settings.engine = BenchEngine::Libcurl;
    else if (engine != u"lean")
        throw UsageError(u"--engine"_s, u"must be lean or libcurl: "_s + quotedForMessage(engine));
    else if (!leanUnsupported.isEmpty())
        throw UsageError(u"--engine"_s, leanUnsupported + u"; use --engine libcurl"_s);
    else
        settings.engine = BenchEngine::Lean;
    return runTriggerBench(std::move(settings));
}

} // namespace

std::span<const Command> benchCommands()
{
    static constexpr Command Table[] = {
        {"trigger"_L1, "send N signed triggers, K in flight, and count what a subscriber receives"_L1,
         &runBenchTrigger},
    };
    return Table;
}

} // namespace Apinator::Ctl
