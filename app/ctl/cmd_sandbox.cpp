// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl sandbox: the local Apinator-compatible server, in the foreground.
#include "command.h"
#include "options.h"
#include "output.h"
#include "stopsignals.h"

#include <apinator/sandboxserver.h>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTimer>
#include <QUrl>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <functional>

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

namespace {

// Log lines leave in batches, one write per turn of the event loop: under tens of
// thousands of requests a second a write(2) per line would cost the server more
// than answering. An idle server still logs each line at once.
class LogSink final
{
public:
    LogSink() = default;
    Q_DISABLE_COPY_MOVE(LogSink)
    ~LogSink() { flush(); }

    QByteArray &begin() { return m_buffer; }
    void end()
    {
        m_buffer += '\n';
        if (m_buffer.size() >= 64 * 1024) {
            flush();
        } else if (!m_scheduled) {
            m_scheduled = true;
            QTimer::singleShot(0, &m_context, [this] { flush(); });
        }
    }
    void flush()
    {
        m_scheduled = false;
        if (!m_buffer.isEmpty()) {
            writeErr(m_buffer);
            m_buffer.clear();
        }
    }

private:
    QObject m_context; // a pending flush dies with the sink
    QByteArray m_buffer;
    bool m_scheduled = false;
};

// App ids and keys end up in URL paths: keep them to what needs no escaping.
void checkIdentifier(const QString &flag, const QString &value)
{
    if (value.isEmpty())
        throw UsageError(flag, u"must not be empty"_s);
    if (value.size() > 200)
        throw UsageError(flag, u"has "_s + QString::number(value.size()) + u" characters; the limit is 200"_s);
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        const bool allowed = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'-' || c == u'_' || c == u'.';
        if (!allowed)
            throw UsageError(flag, u"contains "_s + quotedForMessage(QString(c)) + u" at position "_s
                                       + QString::number(i + 1) + u"; allowed are letters, digits, '-', '_', '.'"_s);
    }
}

quint16 parsePort(const QString &text)
{
    bool ok = !text.isEmpty() && text.front().isDigit();
    const uint port = ok ? text.toUInt(&ok) : 0;
    if (!ok || port > 65535)
        throw UsageError(u"--port"_s, u"not a port number from 0 to 65535: "_s + quotedForMessage(text));
    return quint16(port);
}

QHostAddress parseHost(const QString &text)
{
    if (text == u"localhost")
        return QHostAddress(QHostAddress::LocalHost);
    QHostAddress address;
    if (!address.setAddress(text))
        throw UsageError(u"--host"_s, u"not an IP address (or localhost): "_s + quotedForMessage(text));
    return address;
}

void checkWebhookUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty())
        throw UsageError(u"--webhook-url"_s, u"not an http:// or https:// URL: "_s + quotedForMessage(text));
}

Options sandboxOptions()
{
    Options options(u"sandbox"_s,
                    u"[--host H] [--port N] [--app-id ID --key K --secret S --webhook-secret W] "
                    u"[--webhook-url URL] [--timestamp-window S] [--print-config]"_s,
                    u"apinatorctl sandbox --port 0 --print-config"_s);
    options
        .setDescription(u"Runs a local Apinator-compatible server (REST, WebSocket at /app/KEY, webhooks) until\n"
                        u"SIGINT or SIGTERM, then exits 0. Logs one line per request or frame on stderr.\n"
                        u"With --print-config the first stdout line is one JSON object with the URLs and the\n"
                        u"sandbox's own credentials, its secret included on purpose: it is local, and scripts\n"
                        u"need it."_s)
        .addOption(u"--host"_s, u"ADDRESS"_s, u"address to listen on (default 127.0.0.1)"_s)
        .addOption(u"--port"_s, u"N"_s, u"port (default 6001; 0 takes a free one)"_s)
        .addOption(u"--app-id"_s, u"ID"_s, u"the app's id (default local)"_s)
        .addOption(u"--key"_s, u"KEY"_s, u"the app's key (default local-key)"_s)
        .addOption(u"--secret"_s, u"SECRET"_s, u"the app's secret (default local-secret)"_s)
        .addOption(u"--webhook-secret"_s, u"SECRET"_s, u"the app's webhook secret (default local-webhook-secret)"_s)
        .addOption(u"--webhook-url"_s, u"URL"_s, u"where to POST webhooks (default: none sent)"_s)
        .addOption(u"--timestamp-window"_s, u"SECONDS"_s,
                   u"accepted X-Realtime-Timestamp skew, either way (default 300)"_s)
        .addSwitch(u"--print-config"_s, u"print the URLs and credentials as one JSON line first"_s);
    return options;
}

SandboxConfig configFrom(const Options &options)
{
    SandboxConfig config;
    SandboxApp &app = config.apps.first();
    if (const auto host = options.value(u"--host"_s))
        config.host = parseHost(*host);
    if (const auto port = options.value(u"--port"_s))
        config.port = parsePort(*port);
    if (const auto id = options.value(u"--app-id"_s)) {
        checkIdentifier(u"--app-id"_s, *id);
        app.appId = *id;
    }
    if (const auto key = options.value(u"--key"_s)) {
        checkIdentifier(u"--key"_s, *key);
        app.key = *key;
    }
    if (const auto secret = options.value(u"--secret"_s)) {
        if (secret->isEmpty())
            throw UsageError(u"--secret"_s, u"must not be empty"_s);
        app.secret = secret->toUtf8();
    }
    if (const auto secret = options.value(u"--webhook-secret"_s)) {
        if (secret->isEmpty())
            throw UsageError(u"--webhook-secret"_s, u"must not be empty"_s);
        app.webhookSecret = secret->toUtf8();
    }
    if (const auto url = options.value(u"--webhook-url"_s)) {
        checkWebhookUrl(*url);
        app.webhookUrl = *url;
    }
    if (const auto window = options.value(u"--timestamp-window"_s)) {
        config.timestampWindowSeconds = parseWholeSeconds(u"--timestamp-window"_s, *window);
        if (config.timestampWindowSeconds <= 0)
            throw UsageError(u"--timestamp-window"_s, u"must be at least 1 second"_s);
    }
    return config;
}

QByteArray webhookEventName(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QString event = object.value(u"event"_s).toString();
    return event.isEmpty() ? QByteArray("?") : event.toUtf8();
}

QByteArray deliveryState(WebhookDelivery::State state)
{
    switch (state) {
    case WebhookDelivery::State::Pending:
        return "pending";
    case WebhookDelivery::State::Delivered:
        return "delivered";
    case WebhookDelivery::State::Failed:
        return "failed";
    }
    return "?";
}

void connectLog(SandboxServer &server, LogSink &log)
{
    QObject::connect(&server, &SandboxServer::requestServed, &server,
                     [&log](const QByteArray &method, const QByteArray &path, int status, double ms) {
                         QByteArray &line = log.begin();
                         line += "http ";
                         line += method;
                         line += ' ';
                         line += path;
                         line += ' ';
                         line += QByteArray::number(status);
                         line += ' ';
                         line += QByteArray::number(ms, 'f', 2);
                         line += "ms";
                         log.end();
                     });
    QObject::connect(&server, &SandboxServer::frameLogged, &server,
                     [&log](const QString &direction, const QString &event, const QString &channel) {
                         QByteArray &line = log.begin();
                         line += "ws ";
                         line += direction.toUtf8();
                         line += ' ';
                         line += event.toUtf8();
                         if (!channel.isEmpty()) {
                             line += " channel=";
                             line += channel.toUtf8();
                         }
                         log.end();
                     });
    QObject::connect(&server, &SandboxServer::webhookUpdated, &server, [&log](const WebhookDelivery &d) {
        // The URL without user info: a password in it is nobody's business in a log.
        const QByteArray url = QUrl(d.url).toString(QUrl::RemoveUserInfo).toUtf8();
        QByteArray &line = log.begin();
        line += "webhook #" + QByteArray::number(d.id) + ' ' + webhookEventName(d.body) + " -> " + url + ' '
            + deliveryState(d.state) + " status=" + QByteArray::number(d.lastStatus)
            + " attempts=" + QByteArray::number(d.attempts);
        if (!d.lastError.isEmpty())
            line += " error=" + d.lastError.toUtf8();
        log.end();
    });
}

QByteArray configLine(const SandboxServer &server)
{
    const SandboxApp &app = server.config().apps.first();
    return OrderedJson::object({
                                   {"base_url", OrderedJson::string(server.baseUrl())},
                                   {"ws_url", OrderedJson::string(server.websocketUrl(app.key))},
                                   {"app_id", OrderedJson::string(app.appId)},
                                   {"key", OrderedJson::string(app.key)},
                                   {"secret", OrderedJson::string(QByteArrayView(app.secret))},
                                   {"webhook_secret", OrderedJson::string(QByteArrayView(app.webhookSecret))},
                               })
               .serialize()
        + '\n';
}

} // namespace

int runSandbox(const QStringList &args)
{
    Options options = sandboxOptions();
    if (!options.parse(args))
        return ExitOk;
    // The log outlives the server: the server may still log while it shuts down.
    LogSink log;
    SandboxServer server(configFrom(options));

    // Handlers first: a script that reads the config line and at once sends SIGTERM
    // must still see a clean stop and exit 0.
    QString error;
    StopSignals stopSignals;
    const bool installed = stopSignals.install(
        [&](int signo) {
            log.begin() += "apinatorctl sandbox: " + QByteArray(signo == SIGINT ? "SIGINT" : "SIGTERM")
                + " received, stopping";
            log.end();
            server.stop();
            log.flush();
            QCoreApplication::exit(ExitOk);
        },
        &error);
    if (!installed) {
        printError(u"sandbox: "_s + error);
        return ExitNetworkError;
    }
    // A reader that went away must not kill the server through SIGPIPE.
    ::signal(SIGPIPE, SIG_IGN);

    if (!server.start(&error)) {
        const SandboxConfig &config = server.config();
        const QString where = config.host.toString() + u':' + QString::number(config.port);
        // The server's own message usually names the address already.
        printError(u"sandbox: "_s + (error.contains(QString::number(config.port)) ? error : where + u": "_s + error));
        return ExitUsage;
    }
    connectLog(server, log);
    if (options.isSet(u"--print-config"_s))
        writeOut(configLine(server));
    const SandboxApp &app = server.config().apps.first();
    writeErr(u"apinatorctl sandbox: listening on %1 (app %2, key %3); SIGINT or SIGTERM stops it\n"_s
                 .arg(server.baseUrl(), app.appId, app.key)
                 .toUtf8());
    const int code = QCoreApplication::exec();
    log.flush();
    return code;
}

} // namespace Apinator::Ctl
