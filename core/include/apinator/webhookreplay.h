// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>

#include <apinator/httpclient.h>
#include <apinator/webhookcapture.h>

namespace Apinator {

enum class WebhookReplayMode {
    AsCaptured, // the captured headers and body, byte for byte
    Resigned,   // a fresh X-Realtime-Timestamp and the signature over it
};

// The request that replays a capture to url: the captured headers without the
// connection's own (Host, Content-Length, Connection, Transfer-Encoding, Expect), the
// captured body; with Resigned the timestamp and signature headers replaced (or added)
// with nowSeconds signed by secret.
HttpRequest webhookReplayRequest(const WebhookCapture &capture, const QByteArray &url, WebhookReplayMode mode,
                                 QByteArrayView secret = {}, qint64 nowSeconds = 0);

// A signed webhook POST of body, as Apinator sends it: Content-Type, timestamp, signature.
HttpRequest signedWebhookRequest(const QByteArray &url, QByteArrayView body, QByteArrayView secret,
                                 qint64 timestamp);

// The event types a webhook carries (PROTOCOL.md): channel_occupied, channel_vacated,
// member_added, member_removed, client_event.
QList<QByteArray> webhookEventTypes();
// A body as Apinator sends it, compact, fields in its order: event, channel, then user_id
// for member events; name, data and socket_id for client_event.
QByteArray webhookEventBody(QByteArrayView event, QByteArrayView channel, QByteArrayView userId = {});

// Sends every capture it is given to one URL as captured, as `stripe listen --forward-to`
// does, and says what the handler answered.
class WebhookForwarder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookForwarder)
public:
    explicit WebhookForwarder(HttpClient *http, QObject *parent = nullptr);

    // Empty: forwarding off.
    void setTarget(const QByteArray &url) { m_url = url; }
    QByteArray target() const { return m_url; }
    void forward(const WebhookCapture &capture);

Q_SIGNALS:
    void forwarded(qint64 captureId, const Apinator::HttpResponse &response);

private:
    QPointer<HttpClient> m_http;
    QByteArray m_url;
};

} // namespace Apinator
