// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// trigger-and-verify: the two things most servers do with Apinator, on ApinatorCore.
//   1. trigger an event over the REST API (signed with the app's secret);
//   2. verify the signature of a webhook the way a webhook handler must.
//
//   trigger-and-verify BASE_URL [CHANNEL]
// Credentials come from APINATOR_APP_ID, APINATOR_KEY, APINATOR_SECRET and
// APINATOR_WEBHOOK_SECRET; unset, they are the local sandbox's
// (`apinatorctl sandbox --port 0 --print-config` prints its base URL).
#include <apinator/httpclient.h>
#include <apinator/restclient.h>
#include <apinator/webhook.h>

#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

QString envOr(const char *name, const QString &fallback)
{
    const QString value = qEnvironmentVariable(name);
    return value.isEmpty() ? fallback : value;
}

// Signs a webhook body as Apinator does, then checks it as a handler would, and checks
// that a body changed after signing is refused.
bool verifyWebhookExample(const QByteArray &webhookSecret)
{
    const QByteArray body = R"({"time_ms":1700000000000,"events":[{"name":"channel_occupied","channel":"chat"}]})"_ba;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QByteArray timestamp = QByteArray::number(now);
    const Apinator::HeaderList headers = {
        {Apinator::WebhookTimestampHeader, timestamp},
        {Apinator::WebhookSignatureHeader, Apinator::signWebhook(webhookSecret, timestamp, body)},
    };
    Apinator::WebhookVerifyOptions options;
    options.nowSeconds = now;

    const Apinator::WebhookVerdict good = Apinator::verifyWebhook(headers, body, webhookSecret, options);
    std::printf("webhook as signed: %s\n", good.valid ? "valid" : "invalid");

    const Apinator::WebhookVerdict changed = Apinator::verifyWebhook(headers, body + '\n', webhookSecret, options);
    std::printf("webhook with a newline added: %s", changed.valid ? "valid" : "invalid");
    for (const Apinator::Cause &cause : changed.causes)
        std::printf(" (%s)", qPrintable(cause.code));
    std::printf("\n");
    return good.valid && !changed.valid;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2 || args.size() > 3) {
        std::fprintf(stderr, "usage: trigger-and-verify BASE_URL [CHANNEL]\n");
        return 2;
    }

    Apinator::Credentials credentials;
    credentials.baseUrl = args.at(1);
    credentials.appId = envOr("APINATOR_APP_ID", u"local"_s);
    credentials.key = envOr("APINATOR_KEY", u"local-key"_s);
    credentials.secret = envOr("APINATOR_SECRET", u"local-secret"_s).toUtf8();
    credentials.webhookSecret = envOr("APINATOR_WEBHOOK_SECRET", u"local-webhook-secret"_s).toUtf8();
    if (const QString error = credentials.restError(); !error.isEmpty()) {
        std::fprintf(stderr, "credentials: %s\n", qPrintable(error));
        return 2;
    }

    Apinator::TriggerRequest event;
    event.event = u"greeting"_s;
    event.channels = {args.value(2, u"example"_s)};
    event.data = R"({"text":"hello from trigger-and-verify"})"_ba;

    Apinator::HttpClient http;
    Apinator::RestClient rest(&http, credentials);
    QString error;
    Apinator::RestReply *reply = rest.trigger(event, &error);
    if (!reply) {
        std::fprintf(stderr, "trigger: %s\n", qPrintable(error));
        return 2;
    }
    int exitCode = 0;
    QObject::connect(reply, &Apinator::RestReply::finished, &app, [&] {
        const Apinator::RestResult &result = reply->result();
        std::printf("trigger %s on %s: HTTP %d in %.1f ms\n", qPrintable(event.event),
                    qPrintable(event.channels.first()), result.response.status, result.elapsedMs);
        if (!result.ok()) {
            std::fprintf(stderr, "trigger failed: %s\n", qPrintable(result.errorMessage));
            exitCode = 3;
        }
        if (!verifyWebhookExample(credentials.webhookSigningSecret()))
            exitCode = 1;
        QCoreApplication::exit(exitCode);
    });
    return app.exec();
}
