// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "httpconnection.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTimer>
#include <QWebSocket>

QT_BEGIN_NAMESPACE
class QTcpServer;
class QWebSocketServer;
QT_END_NAMESPACE

namespace Apinator::Sandbox {

// The sandbox's one port: our own HTTP/1.1 connections (see HttpConnection) and,
// for upgrade requests, QWebSocketServer::handleConnection on the same socket.
// QtHttpServer is not used: in 6.4 it buffers whole bodies and has no caps.
class HttpListener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpListener)
public:
    HttpListener(HttpHandler *handler, const HttpLimits &limits, int maxConnections, QObject *parent = nullptr);
    ~HttpListener() override;

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    // Stops listening and closes every HTTP connection (WebSockets belong to the receiver).
    void close();
    bool isListening() const;
    quint16 port() const;
    int httpConnectionCount() const { return int(m_connections.size()); }

Q_SIGNALS:
    // A completed WebSocket handshake; the receiver owns the socket.
    void webSocketConnected(QWebSocket *socket);

private:
    void onNewConnection();
    void onUpgradeRequested(HttpConnection *connection, QTcpSocket *socket);
    void onConnectionFinished(HttpConnection *connection);
    void onNewWebSocket();
    void sweep();

    HttpHandler *m_handler;
    HttpLimits m_limits;
    int m_maxConnections;
    QTcpServer *m_server;
    QWebSocketServer *m_webSockets;
    QList<HttpConnection *> m_connections;
    int m_upgraded = 0; // TCP sockets handed to WebSockets, still open
    QTimer m_sweep;
};

} // namespace Apinator::Sandbox
