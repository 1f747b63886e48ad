// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/webhookreceiver.h>

#include "sandbox/httplistener.h"

using namespace Qt::StringLiterals;

namespace Apinator {

using namespace Sandbox;

class WebhookReceiverPrivate final : public HttpHandler
{
public:
    explicit WebhookReceiverPrivate(WebhookReceiver *owner)
        : q(owner)
    {
    }

    bool matches(QByteArrayView path) const
    {
        return config.path.isEmpty() || config.path == "/" || path == config.path;
    }

    ServerResponse handle(const ServerRequest &request) override
    {
        if (!matches(request.path))
            return problemResponse(404, u"not_found"_s,
                                   u"this receiver listens on %1"_s.arg(QString::fromUtf8(config.path)));
        WebhookCapture capture;
        capture.received = QDateTime::currentDateTimeUtc();
        capture.method = request.method.toByteArray();
        capture.target = request.target.toByteArray();
        for (const auto &[name, value] : request.headers)
            capture.headers.append({name.toByteArray(), value.toByteArray()});
        capture.body = request.body;
        capture.responseStatus = config.responseStatus;
        capturedLast = true;
        Q_EMIT q->captured(capture);
        ServerResponse response;
        response.status = config.responseStatus;
        response.body = config.responseBody;
        if (!response.body.isEmpty())
            response.contentType = response.body.startsWith('{') ? "application/json"_ba : "text/plain"_ba;
        return response;
    }
    bool acceptsUpgrade(QByteArrayView) const override { return false; }
    // Every answer passes here, the HTTP layer's refusals (413, 400, 408) included.
    void served(QByteArrayView method, QByteArrayView target, int status, double) override
    {
        if (!std::exchange(capturedLast, false))
            Q_EMIT q->refused(method.toByteArray(), target.toByteArray(), status);
    }
    QByteArrayView date() override { return dates.format(QDateTime::currentSecsSinceEpoch()); }

    WebhookReceiver *q;
    WebhookReceiverConfig config;
    std::unique_ptr<HttpListener> listener;
    HttpDate dates;
    bool capturedLast = false;
};

WebhookReceiver::WebhookReceiver(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<WebhookReceiverPrivate>(this))
{
}

WebhookReceiver::~WebhookReceiver()
{
    stop();
}

bool WebhookReceiver::start(const WebhookReceiverConfig &config, QString *error)
{
    const auto failed = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (d->listener)
        return failed(u"the receiver is already listening on port %1"_s.arg(port()));
    if (!config.path.isEmpty() && !config.path.startsWith('/'))
        return failed(u"the path \"%1\" must start with /"_s.arg(QString::fromUtf8(config.path)));
    for (char c : config.path)
        if (c <= ' ' || c == 0x7f || c == '?' || c == '#')
            return failed(u"the path \"%1\" may not contain spaces, control characters, ? or #"_s.arg(
                QString::fromUtf8(config.path)));
    if (config.responseStatus < 100 || config.responseStatus > 599)
        return failed(u"the response status %1 is not between 100 and 599"_s.arg(config.responseStatus));
    if (config.maxBodyBytes < 1 || config.maxConnections < 1)
        return failed(u"the body cap and the connection cap must be at least 1"_s);
    d->config = config;
    HttpLimits limits;
    limits.maxBodyBytes = config.maxBodyBytes;
    limits.maxHeaderBytes = config.maxHeaderBytes;
    limits.requestTimeoutMs = config.requestTimeoutMs;
    limits.lingerMs = std::min(2000, config.requestTimeoutMs);
    d->listener = std::make_unique<HttpListener>(d.get(), limits, config.maxConnections);
    QString listenError;
    if (!d->listener->listen(config.host, config.port, &listenError)) {
        d->listener.reset();
        return failed(listenError);
    }
    return true;
}

void WebhookReceiver::stop()
{
    if (!d->listener)
        return;
    d->listener->close();
    d->listener.reset();
}

bool WebhookReceiver::isListening() const
{
    return d->listener && d->listener->isListening();
}

quint16 WebhookReceiver::port() const
{
    return d->listener ? d->listener->port() : 0;
}

QString WebhookReceiver::url() const
{
    if (!isListening())
        return {};
    const QHostAddress &host = d->config.host;
    QString name = host.toString();
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        name = u"127.0.0.1"_s;
    else if (host == QHostAddress::AnyIPv6)
        name = u"[::1]"_s;
    else if (host.protocol() == QAbstractSocket::IPv6Protocol)
        name = u"["_s + name + u"]"_s;
    const QByteArray path = d->config.path.isEmpty() ? "/"_ba : d->config.path;
    return u"http://%1:%2%3"_s.arg(name).arg(port()).arg(QString::fromUtf8(path));
}

const WebhookReceiverConfig &WebhookReceiver::config() const
{
    return d->config;
}

void WebhookReceiver::setResponse(int status, const QByteArray &body)
{
    d->config.responseStatus = std::clamp(status, 100, 599);
    d->config.responseBody = body;
}

} // namespace Apinator

#include "apinator/moc_webhookreceiver.cpp" // not in mocs_compilation: see core/CMakeLists.txt
