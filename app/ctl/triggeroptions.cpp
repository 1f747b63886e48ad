// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "triggeroptions.h"

#include "options.h"

#include <apinator/json.h>
#include <apinator/names.h>

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

void addTriggerOptions(Options &options)
{
    options.addOption(u"--event"_s, u"E"_s, u"event name"_s)
        .addRepeatable(u"--channel"_s, u"C"_s, u"channel to send to"_s)
        .addOption(u"--data"_s, u"TEXT"_s, u"event data, usually JSON text"_s)
        .addOption(u"--data-file"_s, u"F"_s, u"read the event data from file F ('-': stdin)"_s)
        .addOption(u"--socket-id"_s, u"S"_s, u"exclude this connection from receiving the event"_s);
}

TriggerRequest triggerRequestFrom(const Options &options)
{
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
    return request;
}

} // namespace Apinator::Ctl
