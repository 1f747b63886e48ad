// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl listen
#include "command.h"
#include "credentialoptions.h"
#include "options.h"
#include "output.h"
#include "stopsignals.h"

#include <apinator/json.h>
#include <apinator/names.h>
#include <apinator/realtimeclient.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

namespace {

constexpr qint64 MaxSilenceSeconds = 7 * 24 * 3600;

// One line per event: the data as it came, with line breaks escaped so one event stays one line.
QByteArray humanLine(const QByteArray &time, const RealtimeEvent &event)
{
    QByteArray data = event.data;
    data.replace('\\', "\\\\").replace('\n', "\\n").replace('\r', "\\r");
    return time + ' ' + event.channel.toUtf8() + ' ' + event.event.toUtf8() + ' ' + data + '\n';
}

QByteArray jsonLine(const QByteArray &time, const RealtimeEvent &event)
{
    return OrderedJson::object({
                                   {"time", OrderedJson::string(QByteArrayView(time))},
                                   {"channel", OrderedJson::string(event.channel)},
                                   {"event", OrderedJson::string(event.event)},
                                   {"data", OrderedJson::string(QByteArrayView(event.data))},
                               })
               .serialize()
           + '\n';
}

int parseCount(const QString &text)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < 1)
        throw UsageError(u"--count"_s, u"not a whole number of events, 1 or more: "_s + quotedForMessage(text));
    return n;
}

} // namespace

int runListen(const QStringList &args)
{
    Options options(u"listen"_s,
                    u"--channel C [--channel C2 ...] [--user-id U] [--user-info JSON] [--count N] [--timeout S] "
                    u"[--json]"_s,
                    u"apinatorctl listen --base-url http://127.0.0.1:6001 --key app_key_1 --secret \"$SECRET\" "
                    u"--channel chat --channel presence-lobby --count 10 --json"_s);
    options.setDescription(
        u"Connects over WebSocket, subscribes to the channels (private and presence ones authorized\n"
        u"locally with the secret) and prints one line per event: time, channel, event, data; with\n"
        u"--json one object per line: {\"time\", \"channel\", \"event\", \"data\"}, data as the string sent.\n"
        u"The first line on stderr gives the socket id (its last word), to exclude this connection\n"
        u"from a trigger. Ends with 0 after --count events, after --timeout seconds without an\n"
        u"event, or on SIGINT/SIGTERM; 1 when a subscription fails (the reason on stderr); 4 when\n"
        u"the connection cannot be made. A connection lost later is re-made, and subscriptions with it."_s);
    options.addRepeatable(u"--channel"_s, u"C"_s, u"a channel to subscribe to (repeat for more)"_s)
        .addOption(u"--user-id"_s, u"U"_s, u"presence user id (default: a generated console-... id)"_s)
        .addOption(u"--user-info"_s, u"JSON"_s, u"presence user info, a JSON object (default {})"_s)
        .addOption(u"--count"_s, u"N"_s, u"exit after N events"_s)
        .addOption(u"--timeout"_s, u"S"_s, u"exit after S seconds without an event"_s)
        .addSwitch(u"--json"_s, u"one JSON object per event"_s);
    addCredentialOptions(options, Need::Key | Need::Location);
    if (!options.parse(args))
        return ExitOk;

    const QStringList channels = options.values(u"--channel"_s);
    if (channels.isEmpty())
        throw UsageError(u"--channel"_s, u"required"_s);
    bool needsAuth = false;
    for (const QString &channel : channels) {
        if (const QString error = Names::channelNameError(channel); !error.isEmpty())
            throw UsageError(u"--channel"_s, error);
        needsAuth = needsAuth || Names::requiresAuth(Names::channelType(channel));
    }
    RealtimeAuthorization authorization;
    authorization.userId = options.value(u"--user-id"_s).value_or(QString());
    if (const auto info = options.value(u"--user-info"_s)) {
        if (!QJsonDocument::fromJson(info->toUtf8()).isObject())
            throw UsageError(u"--user-info"_s, u"not a JSON object: "_s + quotedForMessage(*info));
        authorization.userInfo = info->toUtf8();
    }
    const int count = options.value(u"--count"_s) ? parseCount(*options.value(u"--count"_s)) : 0;
    const qint64 silence =
        options.value(u"--timeout"_s) ? parseWholeSeconds(u"--timeout"_s, *options.value(u"--timeout"_s)) : 0;
    if (silence < 0 || silence > MaxSilenceSeconds)
        throw UsageError(u"--timeout"_s, u"out of range (1 to %1 seconds)"_s.arg(MaxSilenceSeconds));
    // The secret only when a channel needs it: public listening needs just the key.
    const Credentials credentials = resolveCredentials(options, needsAuth ? Need::Key | Need::Location | Need::Secret
                                                                          : Need::Key | Need::Location);
    const bool json = options.isSet(u"--json"_s);

    QObject context;
    StopSignals stopSignals;
    if (QString error; !stopSignals.install([](int) { QCoreApplication::exit(ExitOk); }, &error)) {
        printError(u"listen: "_s + error);
        return ExitNetworkError;
    }
    RealtimeClient client;
    client.setCredentials(credentials);
    client.setAuthorization(authorization);
    for (const QString &channel : channels)
        (void)client.subscribe(channel);

    QTimer silenceTimer;
    silenceTimer.setSingleShot(true);
    silenceTimer.setInterval(int(silence * 1000));
    QObject::connect(&silenceTimer, &QTimer::timeout, &context, [] { QCoreApplication::exit(ExitOk); });
    int received = 0;
    bool everConnected = false;
    bool done = false; // exit() asked for: later signals of this turn print nothing
    const auto finish = [&](int code) {
        done = true;
        QCoreApplication::exit(code);
    };

    QObject::connect(&client, &RealtimeClient::stateChanged, &context, [&](RealtimeClient::State state) {
        if (done)
            return;
        if (state == RealtimeClient::State::Connected) {
            writeErr(u"apinatorctl listen: connected to %1; socket id %2\n"_s.arg(client.url(), client.socketId())
                         .toUtf8());
            if (!everConnected && silence > 0)
                silenceTimer.start();
            everConnected = true;
        } else if (state == RealtimeClient::State::Unavailable || state == RealtimeClient::State::Disconnected) {
            if (!everConnected || client.fatalCode() != 0) {
                printError(u"listen: cannot connect to %1: %2"_s.arg(client.url(), client.lastError()));
                finish(ExitNetworkError);
            } else if (state == RealtimeClient::State::Unavailable) {
                writeErr(u"apinatorctl listen: connection lost (%1); reconnecting\n"_s.arg(client.lastError()).toUtf8());
            }
        }
    });
    QObject::connect(&client, &RealtimeClient::subscriptionChanged, &context, [&](const QString &channel) {
        const auto sub = client.subscription(channel);
        if (done || !sub || sub->state != RealtimeSubscription::State::Failed)
            return;
        printError(u"listen: subscription to %1 failed: %2"_s.arg(channel, sub->error));
        finish(ExitInvalid);
    });
    QObject::connect(&client, &RealtimeClient::eventReceived, &context, [&](const RealtimeEvent &event) {
        if (done)
            return;
        const QByteArray time = QDateTime::fromMSecsSinceEpoch(event.receivedMsecs, Qt::UTC)
                                    .toString(Qt::ISODateWithMs)
                                    .toUtf8();
        writeOut(json ? jsonLine(time, event) : humanLine(time, event));
        if (silence > 0)
            silenceTimer.start();
        if (count > 0 && ++received >= count)
            finish(ExitOk);
    });

    if (const QString error = client.connectToServer(); !error.isEmpty())
        throw UsageError(u"listen: "_s + error);
    return QCoreApplication::exec();
}

} // namespace Apinator::Ctl
