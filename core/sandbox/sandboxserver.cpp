// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/sandboxserver.h>

#include "appregistry.h"
#include "httplistener.h"
#include "restapi.h"
#include "webhookdispatcher.h"
#include "websockethub.h"

#include <QMetaMethod>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Apinator {

using namespace Sandbox;

class SandboxServerPrivate final : public HttpHandler
{
public:
    SandboxServerPrivate(SandboxServer *owner, SandboxConfig c)
        : q(owner)
        , config(std::move(c))
    {
    }

    qint64 now() const { return config.clock ? config.clock() : QDateTime::currentSecsSinceEpoch(); }
    QString configError() const;
    void teardown();

    ServerResponse handle(const ServerRequest &request) override { return rest->handle(request); }
    bool acceptsUpgrade(QByteArrayView path) const override { return path.startsWith("/app/") && path.size() > 5; }
    void served(QByteArrayView method, QByteArrayView target, int status, double elapsedMs) override
    {
        static const QMetaMethod signal = QMetaMethod::fromSignal(&SandboxServer::requestServed);
        if (q->isSignalConnected(signal))
            Q_EMIT q->requestServed(method.toByteArray(), target.toByteArray(), status, elapsedMs);
    }
    QByteArrayView date() override { return dates.format(now()); }

    SandboxServer *q;
    SandboxConfig config;
    WebhookDispatcher *webhooks = nullptr; // lives as long as the server: its log outlasts stop()
    std::unique_ptr<AppRegistry> apps;
    std::unique_ptr<WebSocketHub> hub;
    std::unique_ptr<RestApi> rest;
    std::unique_ptr<HttpListener> listener;
    HttpDate dates;
};

QString SandboxServerPrivate::configError() const
{
    if (QString e = AppRegistry::configError(config.apps); !e.isEmpty())
        return e;
    if (config.timestampWindowSeconds < 0)
        return u"the timestamp window must be 0 seconds or more"_s;
    if (config.maxBodyBytes < 1)
        return u"the body cap must be at least 1 byte"_s;
    if (config.maxHeaderBytes < 256)
        return u"the header cap must be at least 256 bytes"_s;
    if (config.activityTimeoutSeconds < 1 || config.pongTimeoutSeconds < 1)
        return u"the activity and pong timeouts must be at least 1 second"_s;
    if (config.requestTimeoutMs < 1 || config.idleTimeoutMs < 1)
        return u"the request and idle timeouts must be at least 1 ms"_s;
    if (config.maxConnections < 1)
        return u"the connection cap must be at least 1"_s;
    if (config.webhookMaxAttempts < 1 || config.webhookInitialBackoffMs < 0)
        return u"webhooks need at least 1 attempt and a backoff of 0 ms or more"_s;
    return {};
}

void SandboxServerPrivate::teardown()
{
    // WebSockets first: their TCP sockets belong to the listener.
    if (hub)
        hub->closeAll();
    listener.reset();
    hub.reset();
    rest.reset();
    apps.reset();
}

SandboxServer::SandboxServer(SandboxConfig config, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<SandboxServerPrivate>(this, std::move(config)))
{
    WebhookSettings settings;
    settings.maxAttempts = d->config.webhookMaxAttempts;
    settings.initialBackoffMs = d->config.webhookInitialBackoffMs;
    d->webhooks = new WebhookDispatcher(settings, [this] { return d->now(); }, this);
    connect(d->webhooks, &WebhookDispatcher::updated, this, &SandboxServer::webhookUpdated);
}

SandboxServer::~SandboxServer()
{
    stop();
    d->webhooks->disconnect(this);
}

bool SandboxServer::start(QString *error)
{
    const auto failed = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (d->listener)
        return failed(u"the sandbox is already running on port %1"_s.arg(port()));
    if (const QString e = d->configError(); !e.isEmpty())
        return failed(e);

    d->apps = std::make_unique<AppRegistry>(d->config.apps);
    WebSocketSettings ws;
    ws.activityTimeoutSeconds = d->config.activityTimeoutSeconds;
    ws.pongTimeoutSeconds = d->config.pongTimeoutSeconds;
    ws.maxMessageBytes = d->config.maxBodyBytes;
    d->hub = std::make_unique<WebSocketHub>(d->apps.get(), d->webhooks, ws);
    connect(d->hub.get(), &WebSocketHub::frameLogged, this, &SandboxServer::frameLogged);
    d->rest = std::make_unique<RestApi>(d->apps.get(), d->hub.get(), [this] { return d->now(); },
                                        d->config.timestampWindowSeconds);
    HttpLimits limits;
    limits.maxHeaderBytes = d->config.maxHeaderBytes;
    limits.maxBodyBytes = d->config.maxBodyBytes;
    limits.requestTimeoutMs = d->config.requestTimeoutMs;
    limits.idleTimeoutMs = d->config.idleTimeoutMs;
    limits.lingerMs = std::min(2000, d->config.requestTimeoutMs);
    d->listener = std::make_unique<HttpListener>(d.get(), limits, d->config.maxConnections);
    connect(d->listener.get(), &HttpListener::webSocketConnected, d->hub.get(), &WebSocketHub::accept);

    QString listenError;
    if (!d->listener->listen(d->config.host, d->config.port, &listenError)) {
        d->teardown();
        return failed(listenError);
    }
    return true;
}

void SandboxServer::stop()
{
    if (!d->listener)
        return;
    d->listener->close();
    d->teardown();
    d->webhooks->stop();
}

bool SandboxServer::isListening() const
{
    return d->listener && d->listener->isListening();
}

quint16 SandboxServer::port() const
{
    return d->listener ? d->listener->port() : 0;
}

namespace {
QString urlHost(const QHostAddress &host)
{
    // A wildcard address is reached through loopback.
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        return u"127.0.0.1"_s;
    if (host == QHostAddress::AnyIPv6)
        return u"[::1]"_s;
    if (host.protocol() == QAbstractSocket::IPv6Protocol)
        return u"["_s + host.toString() + u"]"_s;
    return host.toString();
}
} // namespace

QString SandboxServer::baseUrl() const
{
    return u"http://%1:%2"_s.arg(urlHost(d->config.host)).arg(port());
}

QString SandboxServer::websocketUrl(const QString &key) const
{
    return u"ws://%1:%2/app/%3"_s.arg(urlHost(d->config.host)).arg(port()).arg(key);
}

const SandboxConfig &SandboxServer::config() const
{
    return d->config;
}

bool SandboxServer::setWebhookUrl(const QString &appId, const QString &url, QString *error)
{
    QList<SandboxApp> apps = d->config.apps;
    auto it = std::find_if(apps.begin(), apps.end(), [&](const SandboxApp &a) { return a.appId == appId; });
    QString e = it == apps.end() ? u"the sandbox has no app \"%1\""_s.arg(appId) : QString();
    if (e.isEmpty()) {
        it->webhookUrl = url;
        e = AppRegistry::configError(apps);
    }
    if (!e.isEmpty()) {
        if (error)
            *error = e;
        return false;
    }
    d->config.apps = apps;
    if (d->apps)
        d->apps->setWebhookUrl(appId.toUtf8(), url);
    return true;
}

QList<WebhookDelivery> SandboxServer::webhookLog() const
{
    return d->webhooks->log();
}

int SandboxServer::connectionCount() const
{
    return d->hub ? d->hub->connectionCount() : 0;
}

} // namespace Apinator

#include "apinator/moc_sandboxserver.cpp" // not in mocs_compilation: see core/CMakeLists.txt
