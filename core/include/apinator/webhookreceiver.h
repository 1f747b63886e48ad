// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QObject>
#include <QString>

#include <memory>

#include <apinator/webhookcapture.h>

namespace Apinator {

struct WebhookReceiverConfig
{
    QHostAddress host = QHostAddress(QHostAddress::LocalHost); // loopback unless told otherwise
    quint16 port = 0;                                        // 0: any free port
    QByteArray path = "/webhooks";                           // "/" or empty: every path
    int responseStatus = 200;
    QByteArray responseBody = "ok";
    qint64 maxBodyBytes = 10 * 1024 * 1024;                  // larger: 413, not read
    qint64 maxHeaderBytes = 64 * 1024;
    int maxConnections = 64;
    int requestTimeoutMs = 10000;
};

// A local HTTP endpoint for webhooks, on the sandbox's own capped HTTP/1.1 server: every
// request to the path is captured and answered with the configured response; other paths
// get 404, requests over the caps 413/431, garbage 400, all without a capture.
class WebhookReceiver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookReceiver)
public:
    explicit WebhookReceiver(QObject *parent = nullptr);
    ~WebhookReceiver() override;

    // False with *error set (address in use, bad path, status outside 100-599).
    bool start(const WebhookReceiverConfig &config, QString *error = nullptr);
    void stop();
    bool isListening() const;
    quint16 port() const;
    // http://127.0.0.1:PORT/PATH (a wildcard host is reached through loopback); empty when stopped.
    QString url() const;
    const WebhookReceiverConfig &config() const;
    // The answer to the next requests.
    void setResponse(int status, const QByteArray &body);

Q_SIGNALS:
    void captured(const Apinator::WebhookCapture &capture);
    // A request answered without a capture (wrong path, over a cap, not HTTP).
    void refused(const QByteArray &method, const QByteArray &target, int status);

private:
    std::unique_ptr<class WebhookReceiverPrivate> d;
};

} // namespace Apinator
