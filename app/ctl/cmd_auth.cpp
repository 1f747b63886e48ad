// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl auth test: calls the developer's own auth endpoint and checks its answer.
#include "command.h"
#include "credentialoptions.h"
#include "options.h"
#include "otherprofiles.h"
#include "output.h"
#include "verdictoutput.h"

#include <QEventLoop>
#include <QTimer>

#include <apinator/authendpoint.h>
#include <apinator/rawhttp.h>

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

namespace {

constexpr int DefaultTimeoutMs = 10000;

QByteArray withNewline(QByteArray text)
{
    if (!text.isEmpty() && !text.endsWith('\n'))
        text += '\n';
    return text;
}

QByteArray humanReport(const AuthEndpointResult &result, const AuthEndpointRequest &sent)
{
    const HttpResponse &response = result.response;
    QByteArray out = !result.reached ? "unreachable\n"_ba : result.valid ? "valid\n"_ba : "invalid\n"_ba;
    out += "POST " + result.request.url + " (" + authFormatName(sent.format).toUtf8() + " body)\n";
    if (result.reached) {
        out += "HTTP " + QByteArray::number(response.status) + ' ' + response.reasonPhrase + " ("
            + QByteArray::number(qRound64(qMax(0.0, result.elapsedMs))) + " ms)\n";
        out += withNewline(response.body);
    }
    out += causeLines(result.causes(), "- ");
    const AuthInspection &inspection = result.inspection;
    out += "expected auth: " + (inspection.expectedAuth.isEmpty() ? "(unknown)"_ba : inspection.expectedAuth) + '\n';
    if (result.reached)
        out += "provided auth: " + (inspection.providedAuth.isEmpty() ? "(none)"_ba : inspection.providedAuth) + '\n';
    return out;
}

OrderedJson jsonReport(const AuthEndpointResult &result)
{
    const CauseList causes = result.causes();
    const HttpRequest &request = result.request;
    return OrderedJson::object({
        {"valid", OrderedJson::boolean(result.valid)},
        {"causes", causeCodes(causes)},
        {"status", OrderedJson::integer(result.response.status)},
        {"response", result.reached ? bodyAsJson(result.response.body) : OrderedJson::null()},
        {"expected_auth", orNull(result.inspection.expectedAuth)},
        {"provided_auth", orNull(result.inspection.providedAuth)},
        {"messages", causeMessages(causes)},
        {"request", OrderedJson::object({{"method", OrderedJson::string(QByteArrayView(request.method))},
                                         {"url", OrderedJson::string(QByteArrayView(request.url))},
                                         {"headers", OrderedJson::headers(request.headers)},
                                         {"body", OrderedJson::string(QByteArrayView(request.body))}})},
        {"elapsed_ms", result.reached ? OrderedJson::number(result.elapsedMs) : OrderedJson::null()},
    });
}

int runAuthTest(const QStringList &args)
{
    Options options(u"auth test"_s,
                    u"--url URL --socket-id S --channel C [--format json|form] [--header 'Name: value' ...] "
                    u"[--timeout MS] [--json]"_s,
                    u"apinatorctl auth test --profile Staging --url http://localhost:3000/pusher/auth "
                    u"--socket-id 1234.5678 --channel presence-room --header 'Cookie: session=...'"_s);
    options.setDescription(u"POSTs what the client SDK sends to YOUR auth endpoint and checks its answer against\n"
                           u"the key and secret: the cause when it is wrong. No redirect is followed. Exit 0 valid,\n"
                           u"1 invalid, 4 when the endpoint cannot be reached."_s);
    options.addOption(u"--url"_s, u"URL"_s, u"the auth endpoint"_s)
        .addOption(u"--socket-id"_s, u"S"_s, u"socket id to ask for (any well-formed one)"_s)
        .addOption(u"--channel"_s, u"C"_s, u"private- or presence- channel"_s)
        .addOption(u"--format"_s, u"json|form"_s, u"request body: JSON as the JS client sends (default), or a form"_s)
        .addRepeatable(u"--header"_s, u"'Name: value'"_s, u"an extra request header: a cookie, a bearer token"_s)
        .addOption(u"--timeout"_s, u"MS"_s, u"give up after MS milliseconds (default 10000)"_s)
        .addSwitch(u"--json"_s, u"print {valid, causes, status, response, expected_auth, ...} as JSON"_s);
    addCredentialOptions(options, Need::Key | Need::Secret);
    if (!options.parse(args))
        return ExitOk;

    AuthEndpointRequest request;
    request.url = options.required(u"--url"_s).toUtf8();
    request.socketId = options.required(u"--socket-id"_s).toUtf8();
    request.channelName = options.required(u"--channel"_s).toUtf8();
    if (const auto format = options.value(u"--format"_s); format && !parseAuthFormat(*format, &request.format))
        throw UsageError(u"--format"_s, u"expected json or form, got "_s + quotedForMessage(*format));
    for (const QString &line : options.values(u"--header"_s)) {
        QByteArray name, value;
        if (!parseHeaderLine(line.toUtf8(), &name, &value))
            throw UsageError(u"--header"_s, u"expected 'Name: value', got "_s + quotedForMessage(line));
        request.headers.append({name, value});
    }
    const auto timeout = options.value(u"--timeout"_s);
    request.timeoutMs = timeout ? parsePositiveMilliseconds(u"--timeout"_s, *timeout) : DefaultTimeoutMs;
    if (const QString error = request.error(); !error.isEmpty())
        throw UsageError(error);
    const Credentials credentials = resolveCredentials(options, Need::Key | Need::Secret);
    AuthInspectInput keys;
    keys.key = credentials.key.toUtf8();
    keys.secret = credentials.secret;
    keys.others = otherProfileKeys(options);

    HttpClient client;
    AuthEndpointTest test(&client, request, keys);
    QEventLoop loop;
    QObject::connect(&test, &AuthEndpointTest::finished, &loop, &QEventLoop::quit);
    // libcurl enforces the timeout; this only guards against a transfer that never reports back.
    QTimer watchdog;
    watchdog.setSingleShot(true);
    QObject::connect(&watchdog, &QTimer::timeout, &test, &AuthEndpointTest::abort);
    watchdog.start(request.timeoutMs + 5000);
    test.start();
    if (!test.isFinished())
        loop.exec();

    const AuthEndpointResult &result = test.result();
    if (options.isSet(u"--json"_s))
        writeOut(jsonReport(result).serialize() + '\n');
    else
        writeOut(humanReport(result, request));
    if (!result.reached) {
        printError(result.causes().isEmpty() ? u"the endpoint could not be reached"_s
                                             : result.causes().first().message);
        return ExitNetworkError;
    }
    return result.valid ? ExitOk : ExitInvalid;
}

constexpr Command AuthCommands[] = {
    {"test"_L1, "call your auth endpoint as a client SDK does and check its answer"_L1, &runAuthTest},
};

} // namespace

std::span<const Command> authCommands()
{
    return AuthCommands;
}

} // namespace Apinator::Ctl
