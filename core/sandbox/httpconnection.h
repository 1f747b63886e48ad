// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "httpmessage.h"

#include <QByteArray>
#include <QObject>

#include <functional>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace Apinator::Sandbox {

struct HttpLimits
{
    qint64 maxHeaderBytes = 16 * 1024; // request line + headers + blank line
    qint64 maxBodyBytes = 1024 * 1024;
    int requestTimeoutMs = 10000;      // from the first byte of a request to its last
    int idleTimeoutMs = 60000;         // a kept-alive connection with no request under way
    int lingerMs = 2000;               // after an error: drain what the client still sends, then close
};

// What the connection asks of the server for each request.
class HttpHandler
{
public:
    virtual ~HttpHandler() = default;
    virtual ServerResponse handle(const ServerRequest &request) = 0;
    // True when a WebSocket upgrade to this path is taken (else it gets a 404).
    virtual bool acceptsUpgrade(QByteArrayView path) const = 0;
    // Called after each response is queued, errors from the HTTP layer included.
    virtual void served(QByteArrayView method, QByteArrayView target, int status, double elapsedMs) = 0;
    // The Date header value for now.
    virtual QByteArrayView date() = 0;
};

// One HTTP/1.1 connection. Requests are parsed from what the socket has buffered,
// never past the caps: the header is peeked (so an upgrade can hand the socket on
// untouched), a Content-Length over the cap is answered at once, and the socket's
// read buffer is bounded, so a client sending too much is slowed down by TCP
// instead of growing memory. Keep-alive and pipelining are supported; chunked
// bodies are refused with 411.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)
public:
    HttpConnection(QTcpSocket *socket, const HttpLimits &limits, HttpHandler *handler, QObject *parent = nullptr);
    ~HttpConnection() override;

    // Enforces the request, idle and linger deadlines; nowMs is a monotonic clock.
    void checkDeadlines(qint64 nowMs);
    // Closes the connection at once (server stopping).
    void abort();

    static qint64 monotonicMs();

Q_SIGNALS:
    // The socket is gone or about to be; the owner deletes this object.
    void finished(Apinator::Sandbox::HttpConnection *connection);
    // A WebSocket upgrade request, complete and unread on the socket: the receiver takes
    // the socket (this object has let go of it) and deletes this object.
    void upgradeRequested(Apinator::Sandbox::HttpConnection *connection, QTcpSocket *socket);

private:
    enum class State { Head, Body, Closing, Draining, Done };

    void onReadyRead();
    void onBytesWritten();
    void process();
    bool readHead();
    bool readBody();
    void dispatch();
    // Parses m_head[0, length) into m_request; 0 when valid, else the status to answer.
    int parseHead(qsizetype length, QString *error);
    void fail(int status, const QString &code, const QString &detail);
    void respond(const ServerResponse &response, bool close);
    void beginClose(bool linger);
    void shutdownWrite();
    void finish();

    QTcpSocket *m_socket;
    HttpLimits m_limits;
    HttpHandler *m_handler;
    State m_state = State::Head;
    QByteArray m_head;          // peeked request line + headers
    QByteArray m_body;
    ServerRequest m_request;
    QByteArray m_out;           // responses of this round, written at once
    qint64 m_contentLength = 0;
    qint64 m_requestStartMs = 0; // 0: no request under way
    qint64 m_lastActivityMs = 0;
    qint64 m_lingerDeadlineMs = 0;
    qint64 m_closingSinceMs = 0;
    qint64 m_dispatchStartNs = 0;
    bool m_keepAlive = true;
    bool m_lingerWanted = false;
    bool m_paused = false;
    bool m_processing = false;
    bool m_finished = false;
};

} // namespace Apinator::Sandbox
