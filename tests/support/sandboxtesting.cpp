// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "sandboxtesting.h"

#include <apinator/channelauth.h>
#include <apinator/json.h>
#include <apinator/rawhttp.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Apinator;

namespace SandboxTesting {

namespace {
// The header lines after the start line, through the core's own parser; returns
// the Content-Length (0 when absent).
qsizetype readHeaders(const QList<QByteArray> &lines, Apinator::HeaderList *headers)
{
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray name, value;
        if (!Apinator::parseHeaderLine(lines[i].trimmed(), &name, &value))
            continue;
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            length = value.toLongLong();
        headers->append({std::move(name), std::move(value)});
    }
    return length;
}
} // namespace

std::unique_ptr<SandboxServer> startSandbox(SandboxConfig config)
{
    config.host = QHostAddress(QHostAddress::LocalHost);
    config.port = 0;
    auto server = std::make_unique<SandboxServer>(std::move(config));
    QString error;
    if (!server->start(&error)) {
        qWarning("sandbox did not start: %s", qPrintable(error));
        return nullptr;
    }
    return server;
}

QByteArray RawResponse::header(QByteArrayView name) const
{
    for (const auto &[n, v] : headers)
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

QJsonObject RawResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

qsizetype parseResponse(const QByteArray &buffer, RawResponse *out)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return 0;
    const QList<QByteArray> lines = buffer.first(end).split('\n');
    RawResponse r;
    const QByteArray statusLine = lines.first().trimmed();
    const QList<QByteArray> parts = statusLine.split(' ');
    if (parts.size() < 2)
        return 0;
    r.status = parts[1].toInt();
    r.reason = statusLine.mid(parts[0].size() + parts[1].size() + 2);
    qsizetype length = 0;
    length = readHeaders(lines, &r.headers);
    const qsizetype total = end + 4 + length;
    if (buffer.size() < total)
        return 0;
    r.body = buffer.sliced(end + 4, length);
    *out = r;
    return total;
}

bool RawHttpClient::connectTo(quint16 port, int timeoutMs)
{
    m_socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, timeoutMs);
}

void RawHttpClient::send(const QByteArray &bytes)
{
    m_sentAtMs = QDateTime::currentMSecsSinceEpoch();
    m_socket.write(bytes);
    m_socket.flush();
}

RawResponse RawHttpClient::readResponse(int timeoutMs)
{
    RawResponse r;
    qsizetype used = 0;
    (void)QTest::qWaitFor(
        [&] {
            m_buffer.append(m_socket.readAll());
            used = parseResponse(m_buffer, &r);
            // A closed connection sends nothing more.
            return used > 0 || m_socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    if (used > 0) {
        // 100 Continue is interim: the caller asked for the final answer.
        m_buffer.remove(0, used);
        r.elapsedMs = QDateTime::currentMSecsSinceEpoch() - m_sentAtMs;
        if (r.status == 100)
            return readResponse(timeoutMs);
    }
    return r;
}

bool RawHttpClient::waitForClosed(int timeoutMs)
{
    return QTest::qWaitFor(
        [this] {
            m_buffer.append(m_socket.readAll());
            return m_socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
}

RawResponse exchange(quint16 port, const QByteArray &request, int timeoutMs)
{
    RawHttpClient client;
    if (!client.connectTo(port, timeoutMs))
        return {};
    client.send(request);
    return client.readResponse(timeoutMs);
}

qint64 nowSeconds()
{
    return QDateTime::currentSecsSinceEpoch();
}

QByteArray signedRequest(const SandboxApp &app, QByteArrayView method, QByteArrayView target, QByteArrayView body,
                         qint64 timestamp, const HeaderList &extra, const QList<QByteArray> &drop)
{
    const RequestSigner signer(app.key.toUtf8(), app.secret);
    const RequestSignature signature = signer.sign(method, target, body, timestamp);
    HeaderList headers{{"Host"_ba, "127.0.0.1"_ba}, {"Content-Type"_ba, "application/json"_ba}};
    headers += signature.headers(app.key.toUtf8());
    headers.append({"Content-Length"_ba, QByteArray::number(body.size())});
    QByteArray out = method.toByteArray() + ' ' + target.toByteArray() + " HTTP/1.1\r\n";
    for (const auto &[name, value] : std::as_const(headers))
        if (!drop.contains(name))
            out += name + ": " + value + "\r\n";
    for (const auto &[name, value] : extra)
        out += name + ": " + value + "\r\n";
    return out + "\r\n" + body.toByteArray();
}

QByteArray triggerBody(QByteArrayView event, QByteArrayView channel, QByteArrayView data, QByteArrayView socketId)
{
    QByteArray body = R"({"name":)" + Json::quote(event) + R"(,"data":)" + Json::quote(data) + R"(,"channel":)"
                      + Json::quote(channel);
    if (!socketId.isEmpty())
        body += R"(,"socket_id":)" + Json::quote(socketId);
    return body + '}';
}

RawResponse trigger(quint16 port, const SandboxApp &app, QByteArrayView event, QByteArrayView channel,
                    QByteArrayView data, QByteArrayView socketId)
{
    const QByteArray body = triggerBody(event, channel, data, socketId);
    const QByteArray path = "/apps/" + app.appId.toUtf8() + "/events";
    return exchange(port, signedRequest(app, "POST", path, body, nowSeconds()));
}

WsTestClient::WsTestClient(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        m_rawFrames.append(text);
        m_frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_closed = true;
        m_closeCode = int(m_socket.closeCode());
    });
}

WsTestClient::~WsTestClient()
{
    m_socket.disconnect(this);
    m_socket.abort();
}

bool WsTestClient::open(const QString &url, int timeoutMs)
{
    m_socket.open(QUrl(url));
    const std::optional<QJsonObject> established = waitFor(u"realtime:connection_established"_s, {}, timeoutMs);
    if (!established)
        return false;
    m_socketId = data(*established).value("socket_id"_L1).toString();
    return true;
}

void WsTestClient::sendJson(const QJsonObject &frame)
{
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

void WsTestClient::sendText(const QString &text)
{
    m_socket.sendTextMessage(text);
}

std::optional<QJsonObject> WsTestClient::waitFor(const QString &event, const QString &channel, int timeoutMs)
{
    std::optional<QJsonObject> found;
    (void)QTest::qWaitFor(
        [&] {
            for (; m_cursor < m_frames.size(); ++m_cursor) {
                const QJsonObject &f = m_frames[m_cursor];
                if (f.value("event"_L1).toString() == event
                    && (channel.isEmpty() || f.value("channel"_L1).toString() == channel)) {
                    found = f;
                    ++m_cursor;
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

bool WsTestClient::staysQuiet(const QString &event, int ms)
{
    const qsizetype before = framesNamed(event).size();
    QTest::qWait(ms);
    return framesNamed(event).size() == before;
}

std::optional<QJsonObject> WsTestClient::subscribe(const QString &channel, const SandboxApp &app,
                                                   const QByteArray &channelData)
{
    QJsonObject d{{"channel"_L1, channel}};
    if (channel.startsWith("private-"_L1) || channel.startsWith("presence-"_L1)) {
        const ChannelAuthSigner signer(app.key.toUtf8(), app.secret);
        const bool presence = channel.startsWith("presence-"_L1);
        const ChannelAuthToken token = signer.sign(m_socketId.toUtf8(), channel.toUtf8(),
                                                   presence ? std::optional<QByteArray>(channelData) : std::nullopt);
        d.insert("auth"_L1, QString::fromUtf8(token.auth));
        if (presence)
            d.insert("channel_data"_L1, QString::fromUtf8(channelData));
    }
    sendJson({{"event"_L1, u"realtime:subscribe"_s}, {"data"_L1, d}});
    std::optional<QJsonObject> result;
    (void)QTest::qWaitFor(
        [&] {
            for (const QJsonObject &f : std::as_const(m_frames)) {
                const QString e = f.value("event"_L1).toString();
                if (f.value("channel"_L1).toString() == channel
                    && (e == "realtime:subscription_succeeded"_L1 || e == "realtime:subscription_error"_L1)) {
                    result = f;
                    return true;
                }
            }
            return false;
        },
        5000);
    return result;
}

QJsonObject WsTestClient::data(const QJsonObject &frame)
{
    return QJsonDocument::fromJson(frame.value("data"_L1).toString().toUtf8()).object();
}

QList<QJsonObject> WsTestClient::framesNamed(const QString &event) const
{
    QList<QJsonObject> out;
    for (const QJsonObject &f : m_frames)
        if (f.value("event"_L1).toString() == event)
            out.append(f);
    return out;
}

WebhookReceiver::WebhookReceiver(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            socket->setProperty("buffer", QByteArray());
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

bool WebhookReceiver::listen()
{
    return m_server.listen(QHostAddress(QHostAddress::LocalHost), 0);
}

QString WebhookReceiver::url() const
{
    return u"http://127.0.0.1:%1/webhooks"_s.arg(m_server.serverPort());
}

void WebhookReceiver::onReadyRead(QTcpSocket *socket)
{
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            break;
        const QList<QByteArray> lines = buffer.first(end).split('\n');
        Received r;
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        r.method = requestLine.value(0);
        r.target = requestLine.value(1);
        qsizetype length = 0;
        length = readHeaders(lines, &r.headers);
        if (buffer.size() < end + 4 + length)
            break;
        r.body = buffer.sliced(end + 4, length);
        buffer.remove(0, end + 4 + length);
        received.append(r);
        const int status = statuses.isEmpty() ? 200 : statuses.takeFirst();
        const QByteArray body = status == 200 ? "ok"_ba : "failing on purpose"_ba;
        socket->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Length: "
                      + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }
    socket->setProperty("buffer", buffer);
}

bool WebhookReceiver::waitForCount(qsizetype count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return received.size() >= count; }, timeoutMs);
}

QList<QJsonObject> WebhookReceiver::events() const
{
    QList<QJsonObject> out;
    for (const Received &r : received)
        out.append(QJsonDocument::fromJson(r.body).object());
    return out;
}

} // namespace SandboxTesting
