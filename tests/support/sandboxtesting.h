// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/requestsigner.h>
#include <apinator/sandboxserver.h>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>

#include <memory>
#include <optional>

// Helpers for tests that talk to a SandboxServer over real sockets. Everything
// waits with the event loop running: the server lives in the same thread.
namespace SandboxTesting {

using Apinator::HeaderList;

// A sandbox on 127.0.0.1, any free port, with the default app (and the config given).
std::unique_ptr<Apinator::SandboxServer> startSandbox(Apinator::SandboxConfig config = {});

struct RawResponse
{
    int status = 0; // 0: no complete response arrived
    QByteArray reason;
    HeaderList headers;
    QByteArray body;
    qint64 elapsedMs = 0; // from sending to the whole response
    QByteArray header(QByteArrayView name) const;
    QJsonObject json() const; // the body as an object; empty when it is not one
};

// Reads one HTTP/1.1 response from the front of buffer: the bytes it used, or 0
// while it is incomplete.
qsizetype parseResponse(const QByteArray &buffer, RawResponse *out);

// A plain TCP client that sends exactly the bytes it is given.
class RawHttpClient final
{
public:
    bool connectTo(quint16 port, int timeoutMs = 5000);
    void send(const QByteArray &bytes);
    // The next response; status 0 when none came whole within the timeout.
    RawResponse readResponse(int timeoutMs = 5000);
    // True when the server closed the connection within the timeout.
    bool waitForClosed(int timeoutMs = 5000);
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
    qint64 m_sentAtMs = 0;
};

// One request on a fresh connection.
RawResponse exchange(quint16 port, const QByteArray &request, int timeoutMs = 5000);

// A whole request signed the way the SDKs do: request line, Host, Content-Type,
// X-Realtime-Key/Timestamp/Signature, Content-Length, body. A header named in
// `drop` is left out; `extra` headers are appended after them.
QByteArray signedRequest(const Apinator::SandboxApp &app, QByteArrayView method, QByteArrayView target,
                         QByteArrayView body, qint64 timestamp, const HeaderList &extra = {},
                         const QList<QByteArray> &drop = {});
// Now, for tests that do not care about the clock.
qint64 nowSeconds();
// {"name":E,"data":D,"channel":C}[,"socket_id":S], the bytes an SDK sends.
QByteArray triggerBody(QByteArrayView event, QByteArrayView channel, QByteArrayView data, QByteArrayView socketId = {});
// Signs and sends a trigger to the default app path of `app`.
RawResponse trigger(quint16 port, const Apinator::SandboxApp &app, QByteArrayView event, QByteArrayView channel,
                    QByteArrayView data, QByteArrayView socketId = {});

// A real QWebSocket client that records every frame.
class WsTestClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WsTestClient)
public:
    explicit WsTestClient(QObject *parent = nullptr);
    ~WsTestClient() override;

    // Opens the URL and waits for realtime:connection_established (socketId() is then set).
    bool open(const QString &url, int timeoutMs = 5000);
    void sendJson(const QJsonObject &frame);
    void sendText(const QString &text);
    // The next frame with this event (and channel, when given) after those already
    // taken; nullopt on timeout.
    std::optional<QJsonObject> waitFor(const QString &event, const QString &channel = {}, int timeoutMs = 5000);
    // True when no frame with this event arrives within the time.
    bool staysQuiet(const QString &event, int ms);
    // Subscribes, signing with the app's secret when the channel needs auth, and
    // returns the subscription_succeeded or subscription_error frame.
    std::optional<QJsonObject> subscribe(const QString &channel, const Apinator::SandboxApp &app = {},
                                         const QByteArray &channelData = {});

    // "data" of a frame decoded from its JSON string (an object; empty otherwise).
    static QJsonObject data(const QJsonObject &frame);

    QString socketId() const { return m_socketId; }
    const QList<QJsonObject> &frames() const { return m_frames; }
    QList<QJsonObject> framesNamed(const QString &event) const;
    QWebSocket &socket() { return m_socket; }
    bool isClosed() const { return m_closed; }
    int closeCode() const { return m_closeCode; }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_frames;
    QList<QString> m_rawFrames;
    qsizetype m_cursor = 0;
    QString m_socketId;
    bool m_closed = false;
    int m_closeCode = 0;
};

// A webhook endpoint on 127.0.0.1: records each POST and answers with the next
// status of `statuses` (200 once they run out).
class WebhookReceiver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookReceiver)
public:
    struct Received
    {
        QByteArray method;
        QByteArray target;
        HeaderList headers;
        QByteArray body;
    };

    explicit WebhookReceiver(QObject *parent = nullptr);
    bool listen();
    QString url() const;
    QList<int> statuses;
    QList<Received> received;
    bool waitForCount(qsizetype count, int timeoutMs = 5000);
    // Bodies received so far, as parsed objects.
    QList<QJsonObject> events() const;

private:
    void onReadyRead(QTcpSocket *socket);
    QTcpServer m_server;
};

} // namespace SandboxTesting
