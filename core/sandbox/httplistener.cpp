// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "httplistener.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Qt::StringLiterals;

namespace Apinator::Sandbox {

HttpListener::HttpListener(HttpHandler *handler, const HttpLimits &limits, int maxConnections, QObject *parent)
    : QObject(parent)
    , m_handler(handler)
    , m_limits(limits)
    , m_maxConnections(maxConnections)
    , m_server(new QTcpServer(this))
    , m_webSockets(new QWebSocketServer(u"apinator-sandbox"_s, QWebSocketServer::NonSecureMode, this))
{
    connect(m_server, &QTcpServer::newConnection, this, &HttpListener::onNewConnection);
    connect(m_webSockets, &QWebSocketServer::newConnection, this, &HttpListener::onNewWebSocket);
    m_webSockets->setMaxPendingConnections(std::max(30, maxConnections));
    // Coarse is enough: deadlines are seconds in production, tenths in tests.
    const int shortest = std::min(m_limits.requestTimeoutMs, std::min(m_limits.idleTimeoutMs, m_limits.lingerMs));
    m_sweep.setInterval(std::clamp(shortest / 4, 10, 500));
    connect(&m_sweep, &QTimer::timeout, this, &HttpListener::sweep);
}

HttpListener::~HttpListener()
{
    close();
}

bool HttpListener::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (!m_server->listen(address, port)) {
        if (error)
            *error = u"cannot listen on %1 port %2: %3"_s.arg(address.toString()).arg(port).arg(m_server->errorString());
        return false;
    }
    m_sweep.start();
    return true;
}

void HttpListener::close()
{
    m_sweep.stop();
    m_server->close();
    const QList<HttpConnection *> connections = std::exchange(m_connections, {});
    for (HttpConnection *c : connections) {
        c->disconnect(this);
        c->abort();
        delete c;
    }
}

bool HttpListener::isListening() const
{
    return m_server->isListening();
}

quint16 HttpListener::port() const
{
    return m_server->serverPort();
}

void HttpListener::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_connections.size() + m_upgraded >= m_maxConnections) {
            // Over the cap: refuse at once rather than queue.
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto *connection = new HttpConnection(socket, m_limits, m_handler, this);
        connect(connection, &HttpConnection::finished, this, &HttpListener::onConnectionFinished);
        connect(connection, &HttpConnection::upgradeRequested, this, &HttpListener::onUpgradeRequested);
        m_connections.append(connection);
    }
}

void HttpListener::onConnectionFinished(HttpConnection *connection)
{
    if (m_connections.removeOne(connection))
        connection->deleteLater();
}

void HttpListener::onUpgradeRequested(HttpConnection *connection, QTcpSocket *socket)
{
    m_connections.removeOne(connection);
    connection->deleteLater();
    // QWebSocketServer deletes the TCP socket when it disconnects; until then it is ours.
    socket->setParent(this);
    ++m_upgraded;
    connect(socket, &QObject::destroyed, this, [this] { --m_upgraded; });
    m_webSockets->handleConnection(socket);
}

void HttpListener::onNewWebSocket()
{
    while (QWebSocket *socket = m_webSockets->nextPendingConnection())
        Q_EMIT webSocketConnected(socket);
}

void HttpListener::sweep()
{
    const qint64 now = HttpConnection::monotonicMs();
    // checkDeadlines may finish a connection, which leaves the list (deleted later).
    const QList<HttpConnection *> connections = m_connections;
    for (HttpConnection *c : connections)
        c->checkDeadlines(now);
}

} // namespace Apinator::Sandbox

#include "moc_httplistener.cpp" // not in mocs_compilation: see core/CMakeLists.txt
