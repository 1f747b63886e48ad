// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "rawhttpserver.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

namespace TestSupport {

QByteArray CapturedRequest::header(QByteArrayView name) const
{
    for (const auto &[n, v] : headers) {
        if (name.compare(n, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

RawHttpServer::RawHttpServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    m_responder = [](const CapturedRequest &) {
        return ScriptedResponse{response(200, "OK", {}, "ok"), false, false};
    };
    connect(m_server, &QTcpServer::newConnection, this, &RawHttpServer::onNewConnection);
}

RawHttpServer::~RawHttpServer() = default;

bool RawHttpServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 RawHttpServer::port() const
{
    return m_server->serverPort();
}

QByteArray RawHttpServer::baseUrl() const
{
    return "http://127.0.0.1:" + QByteArray::number(port());
}

void RawHttpServer::setResponder(Responder responder)
{
    m_responder = std::move(responder);
}

QByteArray RawHttpServer::response(int status, QByteArrayView reason, const Apinator::HeaderList &headers,
                                   QByteArrayView body)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason.toByteArray() + "\r\n";
    bool hasLength = false;
    for (const auto &[name, value] : headers) {
        out += name + ": " + value + "\r\n";
        hasLength = hasLength || name.compare("Content-Length", Qt::CaseInsensitive) == 0;
    }
    if (!hasLength)
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "\r\n";
    out += body;
    return out;
}

QByteArray RawHttpServer::chunkedResponse(int status, QByteArrayView reason, const QList<QByteArray> &parts,
                                          const Apinator::HeaderList &headers)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason.toByteArray() + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    out += "Transfer-Encoding: chunked\r\n\r\n";
    for (const QByteArray &part : parts)
        out += QByteArray::number(part.size(), 16) + "\r\n" + part + "\r\n";
    out += "0\r\n\r\n";
    return out;
}

void RawHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_buffers.insert(socket, {});
        m_connectionIndex.insert(socket, m_accepted++);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            m_connectionIndex.remove(socket);
            socket->deleteLater();
            Q_EMIT connectionClosed();
        });
        if (!m_greeting.isEmpty())
            socket->write(m_greeting);
        Q_EMIT connectionAccepted();
    }
}

void RawHttpServer::onReadyRead(QTcpSocket *socket)
{
    auto it = m_buffers.find(socket);
    if (it == m_buffers.end())
        return;
    it->append(socket->readAll());
    while (m_buffers.contains(socket) && takeRequest(socket, m_buffers[socket])) {
    }
}

bool RawHttpServer::takeRequest(QTcpSocket *socket, QByteArray &buffer)
{
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    CapturedRequest request;
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    request.version = requestLine.value(2);
    qsizetype contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        line.chop(line.endsWith('\r') ? 1 : 0);
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = line.left(colon);
        const QByteArray value = line.mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            contentLength = value.toLongLong();
    }
    const qsizetype total = headEnd + 4 + contentLength;
    if (buffer.size() < total)
        return false;
    request.raw = buffer.left(total);
    request.body = buffer.mid(headEnd + 4, contentLength);
    request.connection = m_connectionIndex.value(socket, -1);
    buffer.remove(0, total);

    m_requests.append(request);
    const ScriptedResponse answer = m_responder(request);
    Q_EMIT requestReceived();
    if (answer.hang)
        return true;
    socket->write(answer.bytes);
    if (answer.close) {
        socket->disconnectFromHost();
        return false;
    }
    return true;
}

quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace TestSupport
