// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl verify webhook | webhook send (webhook listen: cmd_webhook_listen.cpp)
#include "command.h"
#include "credentialoptions.h"
#include "options.h"
#include "output.h"
#include "webhookverdict.h"

#include <QDateTime>
#include <QEventLoop>
#include <QUrl>

#include <apinator/httpclient.h>
#include <apinator/rawhttp.h>
#include <apinator/webhookreplay.h>

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

int runVerifyWebhook(const QStringList &args)
{
    Options options(u"verify webhook"_s,
                    u"(--request-file F | --header 'Name: value' ... (--body TEXT | --body-file F)) "
                    u"[--max-age S|off] [--now T] [--json]"_s,
                    u"apinatorctl verify webhook --webhook-secret \"$WEBHOOK_SECRET\" --request-file captured.http"_s);
    options.setDescription(u"Checks a webhook the way every official SDK does and says why it fails: a renamed\n"
                           u"header, the API secret or another profile's secret used, a body changed after signing\n"
                           u"(newline, CRLF, JSON re-encoded, BOM), clock skew. Exit 0 when every SDK accepts it, 1\n"
                           u"when one would not. A request file is a raw HTTP request: optional request line,\n"
                           u"headers, a blank line, the body. --json also lists the body's events."_s);
    options.addOption(u"--request-file"_s, u"F"_s, u"raw HTTP request as received ('-': stdin)"_s)
        .addRepeatable(u"--header"_s, u"'Name: value'"_s, u"a request header"_s)
        .addOption(u"--body"_s, u"TEXT"_s, u"the request body exactly as received"_s)
        .addOption(u"--body-file"_s, u"F"_s, u"read the body byte for byte from file F ('-': stdin)"_s)
        .addOption(u"--max-age"_s, u"S"_s, u"freshness window in seconds, or off (default 300)"_s)
        .addOption(u"--now"_s, u"T"_s, u"the receiver's clock, unix seconds (default: now)"_s)
        .addSwitch(u"--json"_s, u"print the verdict as JSON"_s);
    addCredentialOptions(options, Need::WebhookSecret);
    if (!options.parse(args))
        return ExitOk;

    WebhookInspectInput input;
    std::optional<QByteArray> raw;
    if (const auto requestFile = options.value(u"--request-file"_s)) {
        for (const QString &other : {u"--header"_s, u"--body"_s, u"--body-file"_s})
            if (options.isSet(other))
                throw UsageError(other, u"cannot be combined with --request-file"_s);
        raw = readInputFile(u"--request-file"_s, *requestFile);
    } else {
        for (const QString &line : options.values(u"--header"_s)) {
            QByteArray name, value;
            if (!parseHeaderLine(line.toUtf8(), &name, &value))
                throw UsageError(u"--header"_s, u"expected 'Name: value', got "_s + quotedForMessage(line));
            input.headers.append({name, value});
        }
        const std::optional<QByteArray> given = options.textOrFile(u"--body"_s, u"--body-file"_s);
        if (!given)
            throw UsageError(u"--request-file"_s, u"required (or --header ... with --body or --body-file)"_s);
        input.body = *given;
    }
    if (const auto maxAge = options.value(u"--max-age"_s))
        input.options.maxAgeSeconds = parseMaxAge(*maxAge);
    // --now makes a verdict reproducible: the same file gives the same answer tomorrow.
    const auto now = options.value(u"--now"_s);
    input.options.nowSeconds = now ? parseWholeSeconds(u"--now"_s, *now) : QDateTime::currentSecsSinceEpoch();
    const Credentials credentials = resolveCredentials(options, Need::WebhookSecret);
    input.secret = credentials.webhookSigningSecret();
    input.candidates = webhookCandidates(options, credentials);

    const WebhookInspection verdict = raw ? inspectRawWebhook(*raw, input) : inspectWebhook(input);
    if (!verdict.requestError.isEmpty())
        throw UsageError(u"--request-file"_s, verdict.requestError);
    const int exitCode = verdict.valid ? ExitOk : ExitInvalid;
    writeOut(options.isSet(u"--json"_s) ? webhookVerdictJson(verdict).serialize() + '\n' : webhookVerdictText(verdict));
    return exitCode;
}

namespace {

QByteArray checkedUrl(const QString &flag, const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty())
        throw UsageError(flag, u"not an absolute http:// or https:// URL: "_s + quotedForMessage(text));
    return url.toEncoded();
}

OrderedJson responseJson(const HttpRequest &request, const HttpResponse &response)
{
    const bool answered = response.status != 0;
    return OrderedJson::object({
        {"request", OrderedJson::object({{"method", OrderedJson::string(QByteArrayView(request.method))},
                                         {"url", OrderedJson::string(QByteArrayView(request.url))},
                                         {"headers", OrderedJson::headers(request.headers)},
                                         {"body", OrderedJson::string(QByteArrayView(request.body))}})},
        {"status", OrderedJson::integer(response.status)},
        {"headers", answered ? OrderedJson::headers(response.headers) : OrderedJson::null()},
        {"body", answered ? bodyAsJson(response.body) : OrderedJson::null()},
        {"elapsed_ms", OrderedJson::number(response.timings.total)},
        {"error", answered ? OrderedJson::null() : OrderedJson::string(response.error)},
    });
}

int runWebhookSend(const QStringList &args)
{
    Options options(u"webhook send"_s,
                    u"--url URL (--body TEXT | --body-file F | --event TYPE --channel C [--user-id U]) "
                    u"[--timestamp T] [--json]"_s,
                    u"apinatorctl webhook send --webhook-secret \"$WEBHOOK_SECRET\" --url http://localhost:3000/webhooks "
                    u"--event channel_occupied --channel chat"_s);
    options.setDescription(u"Signs a webhook the way Apinator does (X-Realtime-Timestamp, X-Realtime-Signature over\n"
                           u"timestamp + \".\" + body) and POSTs it, to test your own handler without the cloud.\n"
                           u"Exit 0 on a 2xx answer, 3 on any other answer, 4 when the URL cannot be reached.\n"
                           u"Event types: channel_occupied, channel_vacated, member_added, member_removed, client_event."_s);
    options.addOption(u"--url"_s, u"URL"_s, u"your webhook handler"_s)
        .addOption(u"--body"_s, u"TEXT"_s, u"the body to sign and send, byte for byte"_s)
        .addOption(u"--body-file"_s, u"F"_s, u"read the body from file F ('-': stdin)"_s)
        .addOption(u"--event"_s, u"TYPE"_s, u"build the body of this event type"_s)
        .addOption(u"--channel"_s, u"C"_s, u"the event's channel"_s)
        .addOption(u"--user-id"_s, u"U"_s, u"the user of member_added / member_removed (default user-1)"_s)
        .addOption(u"--timestamp"_s, u"T"_s, u"sign with this unix time (default: now)"_s)
        .addOption(u"--timeout"_s, u"MS"_s, u"give up after this many milliseconds (default 30000)"_s)
        .addSwitch(u"--json"_s, u"print the request and the answer as JSON"_s);
    addCredentialOptions(options, Need::WebhookSecret);
    if (!options.parse(args))
        return ExitOk;

    const QByteArray url = checkedUrl(u"--url"_s, options.required(u"--url"_s));
    QByteArray body;
    if (const auto event = options.value(u"--event"_s)) {
        for (const QString &other : {u"--body"_s, u"--body-file"_s})
            if (options.isSet(other))
                throw UsageError(other, u"cannot be combined with --event"_s);
        if (!webhookEventTypes().contains(event->toUtf8()))
            throw UsageError(u"--event"_s, u"unknown event type "_s + quotedForMessage(*event)
                                               + u"; one of channel_occupied, channel_vacated, member_added, "
                                                 u"member_removed, client_event"_s);
        body = webhookEventBody(event->toUtf8(), options.required(u"--channel"_s).toUtf8(),
                                options.value(u"--user-id"_s).value_or(QString()).toUtf8());
    } else if (const auto given = options.textOrFile(u"--body"_s, u"--body-file"_s)) {
        body = *given;
    } else {
        throw UsageError(u"--body"_s, u"required (or --body-file, or --event with --channel)"_s);
    }
    const auto ts = options.value(u"--timestamp"_s);
    const qint64 timestamp = ts ? parseWholeSeconds(u"--timestamp"_s, *ts) : QDateTime::currentSecsSinceEpoch();
    const auto timeout = options.value(u"--timeout"_s);
    const Credentials credentials = resolveCredentials(options, Need::WebhookSecret);

    HttpRequest request = signedWebhookRequest(url, body, credentials.webhookSigningSecret(), timestamp);
    request.timeoutMs = timeout ? parsePositiveMilliseconds(u"--timeout"_s, *timeout) : 30000;
    HttpClient http;
    std::unique_ptr<HttpReply> reply(http.send(request));
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply.get(), &HttpReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    const HttpResponse &response = reply->response();
    const int code = response.status == 0 ? ExitNetworkError
                     : response.status >= 200 && response.status < 300 ? ExitOk
                                                                       : ExitServerError;
    if (options.isSet(u"--json"_s)) {
        writeOut(responseJson(request, response).serialize() + '\n');
    } else if (response.status == 0) {
        printError(u"webhook send: %1: %2"_s.arg(QString::fromUtf8(url), response.error));
    } else {
        writeOut("HTTP " + QByteArray::number(response.status) + ' ' + response.reasonPhrase + " ("
                 + QByteArray::number(qRound(response.timings.total)) + " ms)\n" + response.body
                 + (response.body.endsWith('\n') || response.body.isEmpty() ? ""_ba : "\n"_ba));
    }
    return code;
}

constexpr Command WebhookCommands[] = {
    {"send"_L1, "sign a webhook and POST it to your handler"_L1, &runWebhookSend},
    {"listen"_L1, "receive webhooks on a local port, verify each, optionally forward them"_L1, &runWebhookListen},
};

} // namespace

std::span<const Command> webhookCommands()
{
    return WebhookCommands;
}

} // namespace Apinator::Ctl
