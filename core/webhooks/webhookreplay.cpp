// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/json.h>
#include <apinator/webhook.h>
#include <apinator/webhookreplay.h>

using namespace Qt::StringLiterals;

namespace Apinator {

namespace {

bool isConnectionHeader(QByteArrayView name)
{
    for (QByteArrayView h : {"Host", "Content-Length", "Connection", "Transfer-Encoding", "Expect", "Keep-Alive",
                             "TE", "Upgrade", "Proxy-Connection"})
        if (name.compare(h, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

void setHeader(HeaderList &headers, QByteArrayView name, const QByteArray &value)
{
    for (auto &[n, v] : headers) {
        if (n.compare(name, Qt::CaseInsensitive) == 0) {
            v = value;
            return;
        }
    }
    headers.append({name.toByteArray(), value});
}

} // namespace

HttpRequest webhookReplayRequest(const WebhookCapture &capture, const QByteArray &url, WebhookReplayMode mode,
                                 QByteArrayView secret, qint64 nowSeconds)
{
    HttpRequest request;
    request.method = capture.method.isEmpty() ? "POST"_ba : capture.method;
    request.url = url;
    request.body = capture.body;
    request.timeoutMs = 15000;
    for (const auto &[name, value] : capture.headers)
        if (!isConnectionHeader(name))
            request.headers.append({name, value});
    if (mode == WebhookReplayMode::Resigned) {
        const QByteArray ts = QByteArray::number(nowSeconds);
        setHeader(request.headers, WebhookTimestampHeader, ts);
        setHeader(request.headers, WebhookSignatureHeader, signWebhook(secret, ts, capture.body));
    }
    return request;
}

HttpRequest signedWebhookRequest(const QByteArray &url, QByteArrayView body, QByteArrayView secret, qint64 timestamp)
{
    HttpRequest request;
    request.method = "POST";
    request.url = url;
    request.body = body.toByteArray();
    request.timeoutMs = 15000;
    const QByteArray ts = QByteArray::number(timestamp);
    request.headers = {{"Content-Type"_ba, "application/json"_ba},
                       {WebhookTimestampHeader, ts},
                       {WebhookSignatureHeader, signWebhook(secret, ts, body)}};
    return request;
}

QList<QByteArray> webhookEventTypes()
{
    return {"channel_occupied", "channel_vacated", "member_added", "member_removed", "client_event"};
}

QByteArray webhookEventBody(QByteArrayView event, QByteArrayView channel, QByteArrayView userId)
{
    QByteArray out = "{\"event\":";
    Json::appendQuoted(out, event);
    out.append(",\"channel\":");
    Json::appendQuoted(out, channel);
    if (event == "member_added" || event == "member_removed") {
        out.append(",\"user_id\":");
        Json::appendQuoted(out, userId.isEmpty() ? "user-1" : userId);
    } else if (event == "client_event") {
        out.append(R"(,"name":"client-typing","data":"{\"typing\":true}","socket_id":"1234.5678")");
        if (!userId.isEmpty()) {
            out.append(",\"user_id\":");
            Json::appendQuoted(out, userId);
        }
    }
    out.append('}');
    return out;
}

WebhookForwarder::WebhookForwarder(HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_http(http)
{
}

void WebhookForwarder::forward(const WebhookCapture &capture)
{
    if (m_url.isEmpty() || !m_http)
        return;
    HttpReply *reply = m_http->send(webhookReplayRequest(capture, m_url, WebhookReplayMode::AsCaptured));
    const qint64 id = capture.id;
    connect(reply, &HttpReply::finished, this, [this, reply, id] {
        reply->deleteLater();
        Q_EMIT forwarded(id, reply->response());
    });
}

} // namespace Apinator
