// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "restcall.h"

#include "options.h"

#include <QEventLoop>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

namespace {

// libcurl reports -1 for a phase that did not happen (no TLS on http://).
OrderedJson phase(double ms)
{
    return ms < 0 ? OrderedJson::null() : OrderedJson::number(ms);
}

QByteArray withNewline(QByteArray text)
{
    if (!text.isEmpty() && !text.endsWith('\n'))
        text += '\n';
    return text;
}

QString failureLine(const RestResult &result)
{
    if (result.errorKind == ErrorKind::Network)
        return u"network error: "_s + result.errorMessage;
    const HttpResponse &response = result.response;
    const QString reason = response.reasonPhrase.isEmpty() ? reasonPhrase(response.status)
                                                           : QString::fromUtf8(response.reasonPhrase);
    return u"server answered "_s + QString::number(response.status) + u' ' + reason + u" ("_s
        + errorKindName(result.errorKind) + u" error): "_s + result.errorMessage;
}

} // namespace

void addRestOptions(Options &options)
{
    options.addOption(u"--timeout"_s, u"MS"_s, u"give up after MS milliseconds (default 30000)"_s)
        .addSwitch(u"--json"_s, u"print the request, status, answer, timings and error as JSON"_s);
}

OrderedJson restEnvelope(const RestResult &result)
{
    const HttpRequest &request = result.request;
    const HttpResponse &response = result.response;
    const HttpTimings &t = response.timings;
    const bool answered = response.status != 0;
    return OrderedJson::object({
        {"request", OrderedJson::object({{"method", OrderedJson::string(QByteArrayView(request.method))},
                                         {"url", OrderedJson::string(QByteArrayView(request.url))},
                                         {"headers", OrderedJson::headers(request.headers)},
                                         {"body", OrderedJson::string(QByteArrayView(request.body))}})},
        {"status", OrderedJson::integer(response.status)},
        {"body", answered ? bodyAsJson(response.body) : OrderedJson::null()},
        {"elapsed_ms", OrderedJson::number(result.elapsedMs)},
        {"timings_ms", OrderedJson::object({{"dns", phase(t.dns)},
                                            {"connect", phase(t.connect)},
                                            {"tls", phase(t.tls)},
                                            {"first_byte", phase(t.firstByte)},
                                            {"total", phase(t.total)}})},
        {"error", result.ok() ? OrderedJson::null()
                              : OrderedJson::object({{"kind", OrderedJson::string(errorKindName(result.errorKind))},
                                                     {"message", OrderedJson::string(result.errorMessage)}})},
    });
}

int runRestCall(const Options &options, const Credentials &credentials, HumanOutput human, const StartCall &start)
{
    const auto timeoutText = options.value(u"--timeout"_s);
    const int timeoutMs = timeoutText ? parsePositiveMilliseconds(u"--timeout"_s, *timeoutText) : DefaultRestTimeoutMs;

    HttpClient http;
    RestClient client(&http, credentials);
    client.setTimeoutMs(timeoutMs);
    QString error;
    std::unique_ptr<RestReply> reply(start(client, &error));
    if (!reply)
        throw UsageError(error.isEmpty() ? u"the request was refused before sending"_s : error);

    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply.get(), &RestReply::finished, &loop, &QEventLoop::quit);
        // libcurl enforces the timeout; this only guards against a transfer that never reports back.
        QTimer watchdog;
        watchdog.setSingleShot(true);
        QObject::connect(&watchdog, &QTimer::timeout, reply.get(), &RestReply::abort);
        watchdog.start(timeoutMs + 5000);
        loop.exec();
    }

    const RestResult &result = reply->result();
    // No status means no HTTP answer at all, whatever the client filed it under.
    const bool networkFailure = result.errorKind == ErrorKind::Network || result.response.status == 0;
    const int exitCode = result.ok() && !networkFailure ? ExitOk : networkFailure ? ExitNetworkError : ExitServerError;

    if (options.isSet(u"--json"_s)) {
        writeOut(restEnvelope(result).serialize() + '\n');
    } else if (human == HumanOutput::StatusAndBody && result.response.status != 0) {
        const HttpResponse &response = result.response;
        const QString reason = response.reasonPhrase.isEmpty() ? reasonPhrase(response.status)
                                                               : QString::fromUtf8(response.reasonPhrase);
        writeOut("HTTP " + QByteArray::number(response.status) + ' ' + reason.toUtf8() + " ("
                 + QByteArray::number(qRound64(result.elapsedMs)) + " ms)\n" + withNewline(response.body));
    } else if (human == HumanOutput::BodyOnly && exitCode == ExitOk) {
        writeOut(withNewline(result.response.body));
    }
    if (exitCode != ExitOk)
        printError(failureLine(result));
    return exitCode;
}

} // namespace Apinator::Ctl
