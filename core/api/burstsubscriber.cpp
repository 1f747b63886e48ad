// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/burstsubscriber.h>

#include <apinator/json.h>

#include "protocol/httptext.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUrl>

#include <cstring>

using namespace Qt::StringLiterals;

namespace Apinator {

namespace {

constexpr qsizetype MaxHandshakeBytes = 16 * 1024;
constexpr qint64 MaxMessageBytes = 16 * 1024 * 1024;
constexpr QByteArrayView WebSocketGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

enum Opcode { Continuation = 0x0, Text = 0x1, Binary = 0x2, Close = 0x8, Ping = 0x9, Pong = 0xA };

using HttpText::printable;

} // namespace

BurstSubscriber::BurstSubscriber(QObject *parent)
    : QObject(parent)
{
    // Plain ws:// starts the handshake once connected; wss:// once TLS is up.
    connect(&m_socket, &QSslSocket::connected, this, [this] {
        if (!m_tls)
            onConnected();
    });
    connect(&m_socket, &QSslSocket::encrypted, this, &BurstSubscriber::onConnected);
    connect(&m_socket, &QSslSocket::readyRead, this, &BurstSubscriber::onReadyRead);
    connect(&m_socket, &QSslSocket::errorOccurred, this, [this] { fail(m_socket.errorString()); });
    connect(&m_socket, &QSslSocket::disconnected, this,
            [this] { fail(u"the server closed the connection"_s); });
}

BurstSubscriber::~BurstSubscriber()
{
    m_socket.disconnect(this);
    m_socket.abort();
}

QString BurstSubscriber::unsupportedReason(const QString &url)
{
    const QUrl parsed(url);
    if (parsed.scheme() != u"ws" && parsed.scheme() != u"wss")
        return u"the WebSocket URL must start with ws:// or wss://"_s;
    if (parsed.host().isEmpty())
        return u"the WebSocket URL has no host"_s;
    return {};
}

void BurstSubscriber::subscribe(const QString &url, const QString &channel)
{
    if (const QString reason = unsupportedReason(url); !reason.isEmpty()) {
        fail(reason);
        return;
    }
    const QUrl parsed(url);
    m_channel = channel;
    m_target = parsed.path(QUrl::FullyEncoded).toUtf8();
    if (m_target.isEmpty())
        m_target = "/";
    if (parsed.hasQuery())
        m_target += '?' + parsed.query(QUrl::FullyEncoded).toUtf8();
    m_tls = parsed.scheme() == u"wss";
    const int port = parsed.port(m_tls ? 443 : 80);
    const QString host = parsed.host();
    m_hostHeader = ((host.contains(u':') ? u'[' + host + u']' : host) + u':' + QString::number(port)).toUtf8();
    if (m_tls)
        m_socket.connectToHostEncrypted(host, quint16(port));
    else
        m_socket.connectToHost(host, quint16(port));
}

void BurstSubscriber::abort()
{
    m_failed = true; // what follows is our doing, not a failure
    m_socket.abort();
}

void BurstSubscriber::onConnected()
{
    quint32 nonce[4];
    QRandomGenerator::global()->fillRange(nonce);
    const QByteArray key = QByteArray(reinterpret_cast<const char *>(nonce), sizeof nonce).toBase64();
    m_acceptKey = QCryptographicHash::hash(QByteArray(key + WebSocketGuid), QCryptographicHash::Sha1).toBase64();
    m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket.write("GET " + m_target + " HTTP/1.1\r\nHost: " + m_hostHeader
                   + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                   + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
}

void BurstSubscriber::onReadyRead()
{
    // Straight into our buffer, which keeps its capacity: one copy, no allocation.
    const qint64 available = m_socket.bytesAvailable();
    const qsizetype old = m_buffer.size();
    m_buffer.resize(old + qsizetype(available));
    const qint64 got = m_socket.read(m_buffer.data() + old, available);
    m_buffer.resize(old + qsizetype(qMax<qint64>(got, 0)));
    if (!m_upgraded && !readHandshake())
        return;
    readFrames();
}

bool BurstSubscriber::readHandshake()
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_buffer.size() > MaxHandshakeBytes)
            fail(u"the WebSocket handshake answer exceeds %1 bytes"_s.arg(MaxHandshakeBytes));
        return false;
    }
    const QByteArrayView head(m_buffer.constData(), end + 2);
    const qsizetype lineEnd = head.indexOf("\r\n");
    const QByteArrayView statusLine = head.first(lineEnd);
    if (!statusLine.startsWith("HTTP/1.1 101")) {
        fail(u"the server refused the WebSocket upgrade: "_s + printable(statusLine), true);
        return false;
    }
    bool accepted = false;
    for (qsizetype pos = lineEnd + 2; pos < head.size();) {
        const qsizetype eol = head.indexOf("\r\n", pos);
        const QByteArrayView line = head.sliced(pos, eol - pos);
        pos = eol + 2;
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.first(colon).compare("Sec-WebSocket-Accept", Qt::CaseInsensitive) == 0)
            accepted = line.sliced(colon + 1).trimmed() == m_acceptKey;
    }
    if (!accepted) {
        fail(u"the server's WebSocket handshake has no valid Sec-WebSocket-Accept"_s);
        return false;
    }
    m_upgraded = true;
    m_buffer.remove(0, end + 4);
    return true;
}

bool BurstSubscriber::readFrames()
{
    qsizetype pos = 0;
    const auto *bytes = reinterpret_cast<const uchar *>(m_buffer.constData());
    while (!m_failed) {
        const qsizetype left = m_buffer.size() - pos;
        if (left < 2)
            break;
        const uchar b0 = bytes[pos], b1 = bytes[pos + 1];
        const bool fin = b0 & 0x80;
        const int opcode = b0 & 0x0f;
        if (b1 & 0x80) {
            fail(u"the server sent a masked frame, which RFC 6455 forbids"_s);
            return false;
        }
        qsizetype header = 2;
        quint64 length = b1 & 0x7f;
        if (length == 126) {
            if (left < 4)
                break;
            length = quint64(bytes[pos + 2]) << 8 | bytes[pos + 3];
            header = 4;
        } else if (length == 127) {
            if (left < 10)
                break;
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = length << 8 | bytes[pos + 2 + i];
            header = 10;
        }
        if (length > quint64(MaxMessageBytes)) {
            fail(u"the server sent a frame of %1 bytes; the limit is %2"_s.arg(length).arg(MaxMessageBytes));
            return false;
        }
        if (quint64(left - header) < length)
            break;
        const QByteArrayView payload(m_buffer.constData() + pos + header, qsizetype(length));
        pos += header + qsizetype(length);
        switch (opcode) {
        case Text:
        case Binary:
            if (fin)
                onMessage(payload); // where it lies in the buffer: the hot path
            else
                m_fragments = payload.toByteArray();
            break;
        case Continuation:
            if (m_fragments.size() + qsizetype(length) > MaxMessageBytes) {
                fail(u"the server sent a message over %1 bytes"_s.arg(MaxMessageBytes));
                return false;
            }
            m_fragments.append(payload);
            if (fin) {
                const QByteArray message = std::exchange(m_fragments, {});
                onMessage(message);
            }
            break;
        case Ping:
            sendFrame(Pong, payload);
            break;
        case Close: {
            const int code = payload.size() >= 2 ? (uchar(payload[0]) << 8 | uchar(payload[1])) : 1005;
            const QString reason = payload.size() > 2 ? QString::fromUtf8(payload.sliced(2)) : QString();
            sendFrame(Close, payload.first(qMin<qsizetype>(payload.size(), 2)));
            fail(u"the server closed the WebSocket (%1%2)"_s.arg(code).arg(reason.isEmpty() ? QString()
                                                                                            : u": "_s + reason));
            return false;
        }
        default:
            break; // pong, reserved opcodes: nothing to do
        }
    }
    if (pos == m_buffer.size())
        m_buffer.resize(0); // keeps the capacity
    else if (pos > 0)
        m_buffer.remove(0, pos);
    return !m_failed;
}

void BurstSubscriber::onMessage(QByteArrayView message)
{
    if (m_subscribed && !m_tokens.isEmpty()) {
        bool all = true;
        for (const QByteArray &token : std::as_const(m_tokens)) {
            if (message.indexOf(token) < 0) {
                all = false;
                break;
            }
        }
        if (all) {
            ++m_count;
            Q_EMIT counted();
            return;
        }
    }
    onProtocolMessage(message);
}

void BurstSubscriber::onProtocolMessage(QByteArrayView message)
{
    const QJsonObject frame = QJsonDocument::fromJson(message.toByteArray()).object();
    const QString event = frame.value(u"event"_s).toString();
    if (event == u"realtime:connection_established") {
        QByteArray data = "{\"channel\":";
        Json::appendQuoted(data, m_channel.toUtf8());
        data += '}';
        QByteArray subscribe = "{\"event\":\"realtime:subscribe\",\"data\":";
        Json::appendQuoted(subscribe, data);
        subscribe += '}';
        sendFrame(Text, subscribe);
    } else if (event == u"realtime:subscription_succeeded" && frame.value(u"channel"_s).toString() == m_channel) {
        m_subscribed = true;
        Q_EMIT subscribed();
    } else if (event == u"realtime:subscription_error" || event == u"realtime:error") {
        fail(event + u": "_s + frame.value(u"data"_s).toString(), true);
    } else if (event == u"realtime:ping") {
        sendFrame(Text, "{\"event\":\"realtime:pong\",\"data\":\"{}\"}");
    }
}

void BurstSubscriber::sendFrame(int opcode, QByteArrayView payload)
{
    // Client frames are masked (RFC 6455, 5.3); these are few and small.
    QByteArray frame;
    frame.reserve(payload.size() + 14);
    frame.append(char(0x80 | opcode));
    if (payload.size() < 126) {
        frame.append(char(0x80 | payload.size()));
    } else if (payload.size() < 65536) {
        frame.append(char(0x80 | 126)).append(char(payload.size() >> 8)).append(char(payload.size() & 0xff));
    } else {
        frame.append(char(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(char((quint64(payload.size()) >> shift) & 0xff));
    }
    const quint32 maskWord = QRandomGenerator::global()->generate();
    char mask[4];
    std::memcpy(mask, &maskWord, 4);
    frame.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload[i] ^ mask[i % 4]));
    m_socket.write(frame);
}

void BurstSubscriber::fail(const QString &message, bool refused)
{
    if (m_failed)
        return;
    m_failed = true;
    m_refused = refused;
    m_socket.abort();
    Q_EMIT failed(message);
}

} // namespace Apinator

#include "apinator/moc_burstsubscriber.cpp" // not in mocs_compilation: see core/CMakeLists.txt
