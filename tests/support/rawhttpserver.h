// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>

#include <functional>

#include <apinator/requestsigner.h> // HeaderList

class QTcpServer;
class QTcpSocket;

namespace TestSupport {

// One request as it arrived on the wire.
struct CapturedRequest
{
    QByteArray raw;         // request line, headers, blank line and body, byte for byte
    QByteArray method;
    QByteArray target;      // path and query as sent
    QByteArray version;
    Apinator::HeaderList headers; // every header line, in order
    QByteArray body;
    int connection = -1;    // which accepted TCP connection it came on, from 0

    // The first value of a header (name case-insensitive), or a null QByteArray.
    QByteArray header(QByteArrayView name) const;
};

// What the listener does with one request.
struct ScriptedResponse
{
    QByteArray bytes;       // written as they are
    bool hang = false;      // record the request but never answer
    bool close = false;     // close the connection after writing
};

// A plain TCP listener on 127.0.0.1 that speaks just enough HTTP/1.1 to record
// requests exactly and answer with scripted bytes. Keeps connections alive.
class RawHttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawHttpServer)
public:
    using Responder = std::function<ScriptedResponse(const CapturedRequest &)>;

    explicit RawHttpServer(QObject *parent = nullptr);
    ~RawHttpServer() override;

    bool listen(); // a free port on 127.0.0.1
    quint16 port() const;
    QByteArray baseUrl() const; // "http://127.0.0.1:PORT"

    // Default: 200 OK with the body "ok".
    void setResponder(Responder responder);
    // Bytes written as soon as a connection is accepted, before any request.
    void setGreeting(QByteArray bytes) { m_greeting = std::move(bytes); }

    const QList<CapturedRequest> &requests() const { return m_requests; }
    int connectionCount() const { return m_accepted; }
    int openConnections() const { return int(m_buffers.size()); }

    // "HTTP/1.1 STATUS REASON", the headers, Content-Length (unless given), the body.
    static QByteArray response(int status, QByteArrayView reason, const Apinator::HeaderList &headers = {},
                               QByteArrayView body = {});
    // The same with Transfer-Encoding: chunked, one chunk per part.
    static QByteArray chunkedResponse(int status, QByteArrayView reason, const QList<QByteArray> &parts,
                                      const Apinator::HeaderList &headers = {});

Q_SIGNALS:
    void connectionAccepted();
    void requestReceived();
    void connectionClosed();

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    // True when one whole request was taken off the front of the buffer.
    bool takeRequest(QTcpSocket *socket, QByteArray &buffer);

    QTcpServer *m_server;
    Responder m_responder;
    QByteArray m_greeting;
    QList<CapturedRequest> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QTcpSocket *, int> m_connectionIndex;
    int m_accepted = 0;
};

// A port on 127.0.0.1 that nothing listens on (bound, then released): connecting
// to it is refused. 0 when no port could be bound.
quint16 closedPort();

} // namespace TestSupport
