// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl webhook listen
#include "command.h"
#include "credentialoptions.h"
#include "options.h"
#include "output.h"
#include "stopsignals.h"
#include "verdictoutput.h"
#include "webhookverdict.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHostAddress>
#include <QUrl>

#include <apinator/httpclient.h>
#include <apinator/webhookreceiver.h>
#include <apinator/webhookreplay.h>

#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

namespace {

QByteArray printableBody(const QByteArray &body)
{
    return QString::fromUtf8(body).toUtf8();
}

} // namespace

int runWebhookListen(const QStringList &args)
{
    Options options(u"webhook listen"_s,
                    u"[--host H] [--port N] [--path P] [--status N] [--response-body TEXT] [--forward-to URL] "
                    u"[--max-age S|off] [--print-config] [--json]"_s,
                    u"apinatorctl webhook listen --webhook-secret \"$WEBHOOK_SECRET\" --port 8787 "
                    u"--forward-to http://localhost:3000/webhooks"_s);
    options.setDescription(u"Receives webhooks on a local port (127.0.0.1 unless --host says otherwise), verifies each\n"
                           u"with the webhook secret and prints one line per request (JSON lines with --json: time,\n"
                           u"method, target, headers, body, verdict, causes, events). Bodies over 10 MB get 413.\n"
                           u"--forward-to sends each request on as received, like `stripe listen --forward-to`.\n"
                           u"--print-config first prints {\"url\": ...}. Runs until SIGINT or SIGTERM, then exits 0."_s);
    options.addOption(u"--host"_s, u"H"_s, u"address to listen on (default 127.0.0.1; 0.0.0.0 for any)"_s)
        .addOption(u"--port"_s, u"N"_s, u"port (default 0: any free port)"_s)
        .addOption(u"--path"_s, u"P"_s, u"path to receive on (default /webhooks; / for any)"_s)
        .addOption(u"--status"_s, u"N"_s, u"status to answer with (default 200)"_s)
        .addOption(u"--response-body"_s, u"TEXT"_s, u"body to answer with (default ok)"_s)
        .addOption(u"--forward-to"_s, u"URL"_s, u"send every request on to this URL"_s)
        .addOption(u"--max-age"_s, u"S"_s, u"freshness window in seconds, or off (default 300)"_s)
        .addSwitch(u"--print-config"_s, u"first print {\"url\": ...} on stdout"_s)
        .addSwitch(u"--json"_s, u"one JSON object per request"_s);
    addCredentialOptions(options, Need::WebhookSecret);
    if (!options.parse(args))
        return ExitOk;

    WebhookReceiverConfig config;
    if (const auto host = options.value(u"--host"_s)) {
        config.host = QHostAddress(*host == u"localhost" ? u"127.0.0.1"_s : *host);
        if (config.host.isNull())
            throw UsageError(u"--host"_s, u"not an IP address: "_s + quotedForMessage(*host));
    }
    if (const auto port = options.value(u"--port"_s)) {
        bool ok = false;
        const uint n = port->toUInt(&ok);
        if (!ok || n > 65535)
            throw UsageError(u"--port"_s, u"not a port number (0-65535): "_s + quotedForMessage(*port));
        config.port = quint16(n);
    }
    if (const auto path = options.value(u"--path"_s))
        config.path = path->toUtf8();
    if (const auto status = options.value(u"--status"_s)) {
        bool ok = false;
        config.responseStatus = status->toInt(&ok);
        if (!ok || config.responseStatus < 100 || config.responseStatus > 599)
            throw UsageError(u"--status"_s, u"not an HTTP status (100-599): "_s + quotedForMessage(*status));
    }
    if (const auto body = options.value(u"--response-body"_s))
        config.responseBody = body->toUtf8();
    QByteArray forwardTo;
    if (const auto url = options.value(u"--forward-to"_s)) {
        const QUrl parsed(*url, QUrl::StrictMode);
        if (!parsed.isValid() || (parsed.scheme() != u"http" && parsed.scheme() != u"https") || parsed.host().isEmpty())
            throw UsageError(u"--forward-to"_s, u"not an absolute http:// or https:// URL: "_s + quotedForMessage(*url));
        forwardTo = parsed.toEncoded();
    }
    WebhookInspectInput base;
    if (const auto maxAge = options.value(u"--max-age"_s))
        base.options.maxAgeSeconds = parseMaxAge(*maxAge);
    const Credentials credentials = resolveCredentials(options, Need::WebhookSecret);
    base.secret = credentials.webhookSigningSecret();
    base.candidates = webhookCandidates(options, credentials);
    const bool json = options.isSet(u"--json"_s);

    QObject context;
    StopSignals stopSignals;
    if (QString stopError; !stopSignals.install([](int) { QCoreApplication::exit(ExitOk); }, &stopError)) {
        printError(u"webhook listen: "_s + stopError);
        return ExitNetworkError;
    }
    ::signal(SIGPIPE, SIG_IGN);
    WebhookReceiver receiver;
    QString error;
    if (!receiver.start(config, &error)) {
        printError(u"webhook listen: "_s + error);
        return ExitUsage;
    }
    HttpClient http;
    WebhookForwarder forwarder(&http);
    forwarder.setTarget(forwardTo);

    QObject::connect(&receiver, &WebhookReceiver::captured, &context, [&](const WebhookCapture &capture) {
        WebhookInspectInput input = base;
        input.headers = capture.headers;
        input.body = capture.body;
        input.options.nowSeconds = QDateTime::currentSecsSinceEpoch();
        const WebhookInspection v = inspectWebhook(input);
        const QByteArray time = capture.received.toString(Qt::ISODateWithMs).toUtf8();
        if (json) {
            writeOut(OrderedJson::object({
                                             {"time", OrderedJson::string(QByteArrayView(time))},
                                             {"method", OrderedJson::string(QByteArrayView(capture.method))},
                                             {"target", OrderedJson::string(QByteArrayView(capture.target))},
                                             {"headers", OrderedJson::headers(capture.headers)},
                                             {"body", OrderedJson::string(QByteArrayView(printableBody(capture.body)))},
                                             {"verdict", OrderedJson::string(QByteArrayView(v.valid ? "valid" : "invalid"))},
                                             {"causes", causeCodes(v.causes)},
                                             {"events", eventsJson(v.events)},
                                         })
                         .serialize()
                     + '\n');
        } else {
            QByteArray line = time + ' ' + capture.method + ' ' + capture.target + ' '
                              + QByteArray::number(capture.body.size()) + " B " + (v.valid ? "valid" : "invalid");
            for (const Cause &c : v.causes)
                line += " [" + c.code.toUtf8() + ']';
            writeOut(line + ' ' + eventsSummary(v.events) + '\n');
        }
        forwarder.forward(capture);
    });
    QObject::connect(&receiver, &WebhookReceiver::refused, &context,
                     [](const QByteArray &method, const QByteArray &target, int status) {
                         writeErr("apinatorctl webhook listen: refused " + (method.isEmpty() ? "?"_ba : method) + ' '
                                  + target + " with " + QByteArray::number(status) + '\n');
                     });
    QObject::connect(&forwarder, &WebhookForwarder::forwarded, &context,
                     [&](qint64, const HttpResponse &response) {
                         const QByteArray what = response.status ? "HTTP " + QByteArray::number(response.status)
                                                                 : response.error.toUtf8();
                         writeErr("apinatorctl webhook listen: forwarded to " + forwardTo + ": " + what + '\n');
                     });
    if (options.isSet(u"--print-config"_s))
        writeOut(OrderedJson::object({{"url", OrderedJson::string(receiver.url())}}).serialize() + '\n');
    writeErr(u"apinatorctl webhook listen: receiving on %1; SIGINT or SIGTERM stops it\n"_s.arg(receiver.url()).toUtf8());
    const int code = QCoreApplication::exec();
    receiver.stop();
    return code;
}

} // namespace Apinator::Ctl
