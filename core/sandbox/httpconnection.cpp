// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "httpconnection.h"

#include "protocol/httptext.h"

#include <QTcpSocket>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <limits>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

using namespace Qt::StringLiterals;

namespace Apinator::Sandbox {

namespace {

// Stop parsing new requests while this much of our output is still unsent: a client
// that pipelines without reading must not make us buffer answers without end.
constexpr qint64 WriteBacklogLimit = 1024 * 1024;
constexpr int MaxHeaderCount = 100;
constexpr int MaxMethodLength = 20;
constexpr QByteArrayView HeadEnd = "\r\n\r\n";

qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

using HttpText::findCrlf;
using HttpText::isTokenChar;
using HttpText::printable;

// The "\r\n\r\n" that ends a request head, else -1.
qsizetype findHeadEnd(QByteArrayView bytes)
{
    for (qsizetype pos = findCrlf(bytes, 0); pos >= 0; pos = findCrlf(bytes, pos + 2)) {
        if (pos + 3 < bytes.size() && bytes[pos + 2] == '\r' && bytes[pos + 3] == '\n')
            return pos;
    }
    return -1;
}

bool isVisible(char c)
{
    return c > 0x20 && c < 0x7f;
}

struct HeadError
{
    int status = 0;
    QString code;
    QString detail;
};

HeadError badRequest(const QString &detail)
{
    return {400, u"bad_request"_s, detail};
}

// method SP target SP version: fills request and returns no error when well-formed.
HeadError parseRequestLine(QByteArrayView line, ServerRequest &request)
{
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || line.indexOf(' ', sp2 + 1) >= 0)
        return badRequest(u"malformed request line \"%1\": expected \"METHOD /path HTTP/1.1\""_s.arg(printable(line)));
    const QByteArrayView method = line.first(sp1);
    if (method.size() > MaxMethodLength || !std::all_of(method.begin(), method.end(), isTokenChar))
        return badRequest(u"malformed method in request line \"%1\""_s.arg(printable(line)));
    const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    if (target.isEmpty() || target[0] != '/' || !std::all_of(target.begin(), target.end(), isVisible))
        return badRequest(u"request target must be a path starting with '/' without spaces or control characters: \"%1\""_s
                              .arg(printable(target)));
    const QByteArrayView version = line.sliced(sp2 + 1);
    if (version == "HTTP/1.1")
        request.http10 = false;
    else if (version == "HTTP/1.0")
        request.http10 = true;
    else if (version.startsWith("HTTP/"))
        return {505, u"http_version_not_supported"_s,
                u"%1 is not supported; send HTTP/1.1"_s.arg(printable(version))};
    else
        return badRequest(u"malformed HTTP version \"%1\" in request line"_s.arg(printable(version)));
    request.method = method;
    request.target = target;
    qsizetype q = 0;
    while (q < target.size() && target[q] != '?' && target[q] != '#')
        ++q;
    request.path = target.first(q);
    request.query = q < target.size() && target[q] == '?' ? target.sliced(q + 1) : QByteArrayView();
    if (const qsizetype hash = request.query.indexOf('#'); hash >= 0)
        request.query = request.query.first(hash);
    return {};
}

} // namespace

qint64 HttpConnection::monotonicMs()
{
    return monotonicNs() / 1000000;
}

HttpConnection::HttpConnection(QTcpSocket *socket, const HttpLimits &limits, HttpHandler *handler, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_limits(limits)
    , m_handler(handler)
{
    m_socket->setParent(this);
    // Qt reads no more than this from the kernel until we consume it, so an
    // over-eager client is held back by TCP flow control, not by our memory.
    m_socket->setReadBufferSize(qMax<qint64>(64 * 1024, m_limits.maxHeaderBytes));
    m_lastActivityMs = monotonicMs();
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::finish);
    if (m_socket->bytesAvailable() > 0)
        process();
}

HttpConnection::~HttpConnection()
{
    if (m_socket)
        m_socket->disconnect(this);
}

void HttpConnection::onReadyRead()
{
    m_lastActivityMs = monotonicMs();
    process();
}

void HttpConnection::onBytesWritten()
{
    if (!m_socket)
        return;
    if (m_state == State::Closing && m_socket->bytesToWrite() == 0) {
        shutdownWrite();
        return;
    }
    if (m_paused && m_socket->bytesToWrite() < WriteBacklogLimit / 2) {
        m_paused = false;
        process();
    }
}

void HttpConnection::process()
{
    if (m_processing || !m_socket)
        return;
    m_processing = true;
    bool more = true;
    while (more) {
        switch (m_state) {
        case State::Head: more = readHead(); break;
        case State::Body: more = readBody(); break;
        case State::Closing:
        case State::Draining:
            // An answer that closes the connection is final: what follows is dropped.
            m_socket->skip(m_socket->bytesAvailable());
            more = false;
            break;
        case State::Done: more = false; break;
        }
        if (!m_socket) // handed over for a WebSocket upgrade
            return;
    }
    m_processing = false;
    if (!m_out.isEmpty()) {
        m_socket->write(m_out);
        m_out.resize(0);
        // Write now rather than on the next write notification: one system call
        // per round instead of an extra trip through the event loop.
        m_socket->flush();
    }
    if (m_state == State::Closing && m_socket->bytesToWrite() == 0)
        shutdownWrite();
}

bool HttpConnection::readHead()
{
    if (m_socket->bytesToWrite() + m_out.size() > WriteBacklogLimit) {
        m_paused = true;
        return false;
    }
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return false;
    if (m_requestStartMs == 0)
        m_requestStartMs = monotonicMs();
    const qint64 want = qMin(available, m_limits.maxHeaderBytes);
    m_head.resize(want);
    const qint64 got = m_socket->peek(m_head.data(), want);
    if (got <= 0)
        return false;
    const QByteArrayView head(m_head.constData(), got);

    // Empty lines before a request line are ignored (RFC 9112, 2.2).
    qsizetype lead = 0;
    while (lead + 1 < got && head[lead] == '\r' && head[lead + 1] == '\n')
        lead += 2;
    if (lead > 0) {
        m_socket->skip(lead);
        return true;
    }

    if (!isTokenChar(head[0])) {
        // A TLS ClientHello starts with 0x16: say so rather than wait for a line end.
        fail(400, u"bad_request"_s,
             head[0] == 0x16 ? u"this looks like TLS: the sandbox speaks plain http:// and ws://"_s
                             : u"this is not an HTTP request: it must start with a method such as POST or GET"_s);
        return true;
    }
    const qsizetype end = findHeadEnd(head);
    if (end < 0) {
        // Refuse garbage as soon as its first line is complete, not after the timeout.
        if (const qsizetype lineEnd = head.indexOf("\r\n"); lineEnd >= 0) {
            ServerRequest probe;
            if (const HeadError e = parseRequestLine(head.first(lineEnd), probe); e.status != 0) {
                fail(e.status, e.code, e.detail);
                return true;
            }
        } else if (head.indexOf('\n') >= 0) {
            fail(400, u"bad_request"_s, u"lines of a request must end with CRLF (\\r\\n), not a bare LF"_s);
            return true;
        }
        if (got >= m_limits.maxHeaderBytes)
            fail(431, u"headers_too_large"_s,
                 u"the request line and headers exceed the limit of %1 bytes"_s.arg(m_limits.maxHeaderBytes));
        return got >= m_limits.maxHeaderBytes;
    }
    const qsizetype headLength = end + HeadEnd.size();
    m_dispatchStartNs = monotonicNs();
    QString detail;
    if (const int status = parseHead(headLength, &detail); status != 0) {
        fail(status, status == 431 ? u"headers_too_large"_s
                     : status == 505 ? u"http_version_not_supported"_s
                                     : u"bad_request"_s,
             detail);
        return true;
    }

    const QByteArrayView upgrade = m_request.header("Upgrade");
    if (m_request.method == "GET" && !upgrade.isNull() && hasToken(upgrade, "websocket")) {
        if (!m_handler->acceptsUpgrade(m_request.path)) {
            fail(404, u"not_found"_s,
                 u"no WebSocket endpoint at %1; connect to /app/{key}"_s.arg(QString::fromLatin1(m_request.path)));
            return true;
        }
        // Leave the handshake unread: QWebSocketServer reads it from the socket.
        QTcpSocket *socket = m_socket;
        socket->disconnect(this);
        socket->setParent(nullptr);
        m_socket = nullptr;
        m_state = State::Done;
        m_processing = false;
        Q_EMIT upgradeRequested(this, socket);
        return false;
    }

    m_socket->skip(headLength);
    if (!m_request.header("Transfer-Encoding").isNull()) {
        fail(411, u"length_required"_s,
             u"Transfer-Encoding is not supported; send the body with a Content-Length header"_s);
        return true;
    }
    if (m_contentLength > m_limits.maxBodyBytes) {
        fail(413, u"payload_too_large"_s,
             u"the request body of %1 bytes exceeds the limit of %2 bytes"_s.arg(m_contentLength)
                 .arg(m_limits.maxBodyBytes));
        return true;
    }
    const QByteArrayView connection = m_request.header("Connection");
    m_keepAlive = m_request.http10 ? hasToken(connection, "keep-alive") : !hasToken(connection, "close");
    m_body.resize(0);
    if (m_contentLength == 0) {
        dispatch();
        return true;
    }
    m_body.reserve(m_contentLength);
    if (hasToken(m_request.header("Expect"), "100-continue") && m_socket->bytesAvailable() < m_contentLength)
        m_out.append("HTTP/1.1 100 Continue\r\n\r\n");
    m_state = State::Body;
    return true;
}

int HttpConnection::parseHead(qsizetype length, QString *error)
{
    const QByteArrayView head(m_head.constData(), length);
    m_request.headers.clear();
    m_request.method = m_request.target = m_request.path = m_request.query = {};
    m_contentLength = 0;
    const qsizetype lineEnd = findCrlf(head, 0);
    if (const HeadError e = parseRequestLine(head.first(lineEnd), m_request); e.status != 0) {
        *error = e.detail;
        return e.status;
    }
    bool haveLength = false;
    qsizetype pos = lineEnd + 2;
    const qsizetype headersEnd = length - 2;
    while (pos < headersEnd) {
        const qsizetype eol = findCrlf(head, pos);
        const QByteArrayView line = head.sliced(pos, eol - pos);
        pos = eol + 2;
        if (line.startsWith(' ') || line.startsWith('\t')) {
            *error = u"header lines may not start with whitespace (obsolete line folding)"_s;
            return 400;
        }
        const qsizetype colon = line.indexOf(':');
        const QByteArrayView name = colon < 0 ? line : line.first(colon);
        if (colon <= 0 || !std::all_of(name.begin(), name.end(), isTokenChar)) {
            *error = u"malformed header line \"%1\": expected \"Name: value\""_s.arg(printable(line));
            return 400;
        }
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        for (const char c : value) {
            if ((c >= 0 && c < 0x20 && c != '\t') || c == 0x7f) {
                *error = u"header %1 contains a control character"_s.arg(QString::fromLatin1(name));
                return 400;
            }
        }
        if (m_request.headers.size() >= MaxHeaderCount) {
            *error = u"the request has more than %1 header fields"_s.arg(MaxHeaderCount);
            return 431;
        }
        m_request.headers.append({name, value});
        if (equalsIgnoreCase(name, "Content-Length")) {
            const bool digits = !value.isEmpty()
                                && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
            // More digits than fit in 64 bits: certainly over any cap.
            const qint64 n = !digits ? -1 : value.size() > 18 ? std::numeric_limits<qint64>::max() : value.toLongLong();
            if (n < 0) {
                *error = u"Content-Length \"%1\" is not a decimal number"_s.arg(printable(value));
                return 400;
            }
            if (haveLength && n != m_contentLength) {
                *error = u"conflicting Content-Length headers"_s;
                return 400;
            }
            haveLength = true;
            m_contentLength = n;
        }
    }
    return 0;
}

bool HttpConnection::readBody()
{
    const qint64 available = m_socket->bytesAvailable();
    const qint64 need = m_contentLength - m_body.size();
    const qint64 n = qMin(available, need);
    if (n > 0) {
        const qsizetype old = m_body.size();
        m_body.resize(old + n);
        m_socket->read(m_body.data() + old, n);
    }
    if (m_body.size() < m_contentLength)
        return false;
    dispatch();
    return true;
}

void HttpConnection::dispatch()
{
    m_request.body = m_body; // shared, not copied
    const ServerResponse response = m_handler->handle(m_request);
    const bool close = response.close || !m_keepAlive;
    respond(response, close);
    m_request.body = QByteArray();
    // The views point into m_head, which the next request overwrites.
    m_request.method = m_request.target = m_request.path = m_request.query = {};
    m_request.headers.clear();
    // Keep a modest buffer for the next request; give big ones back.
    if (m_body.capacity() > 64 * 1024)
        m_body = QByteArray();
    m_requestStartMs = 0;
    if (!close)
        m_state = State::Head;
}

void HttpConnection::respond(const ServerResponse &response, bool close)
{
    appendResponse(m_out, response, m_handler->date(), close, m_request.http10 && m_keepAlive && !close);
    const double elapsedMs = double(monotonicNs() - m_dispatchStartNs) / 1e6;
    m_dispatchStartNs = 0;
    m_handler->served(m_request.method, m_request.target, response.status, elapsedMs);
    if (close) {
        m_state = State::Closing;
        m_closingSinceMs = monotonicMs();
    }
}

void HttpConnection::fail(int status, const QString &code, const QString &detail)
{
    if (m_dispatchStartNs == 0)
        m_dispatchStartNs = monotonicNs();
    ServerResponse response = problemResponse(status, code, detail);
    // The client may still be sending what we refused: drain it before closing, so
    // the close does not turn into a reset that destroys our answer in flight.
    m_lingerWanted = true;
    respond(response, true);
}

void HttpConnection::shutdownWrite()
{
    if (!m_socket || m_state != State::Closing)
        return;
    if (!m_lingerWanted) {
        m_state = State::Done;
        m_socket->disconnectFromHost();
        return;
    }
    m_state = State::Draining;
    m_lingerDeadlineMs = monotonicMs() + m_limits.lingerMs;
#ifdef Q_OS_UNIX
    // Half-close: the client sees the end of our answer and closes its side.
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    m_socket->skip(m_socket->bytesAvailable());
#else
    m_state = State::Done;
    m_socket->disconnectFromHost();
#endif
}

void HttpConnection::checkDeadlines(qint64 nowMs)
{
    if (!m_socket)
        return;
    switch (m_state) {
    case State::Head:
    case State::Body:
        if (m_requestStartMs != 0 && nowMs - m_requestStartMs > m_limits.requestTimeoutMs) {
            fail(408, u"request_timeout"_s,
                 u"the request did not arrive whole within %1 ms"_s.arg(m_limits.requestTimeoutMs));
            m_socket->write(m_out);
            m_out.resize(0);
            m_socket->flush();
            if (m_socket->bytesToWrite() == 0)
                shutdownWrite();
        } else if (m_requestStartMs == 0 && !m_paused && nowMs - m_lastActivityMs > m_limits.idleTimeoutMs) {
            m_state = State::Done;
            m_socket->disconnectFromHost();
        }
        break;
    case State::Closing:
        // A client that reads nothing of our final answer.
        if (nowMs - m_closingSinceMs > m_limits.lingerMs)
            abort();
        break;
    case State::Draining:
        if (nowMs > m_lingerDeadlineMs)
            abort();
        break;
    case State::Done: break;
    }
}

void HttpConnection::abort()
{
    if (!m_socket)
        return;
    m_state = State::Done;
    m_socket->abort();
    finish();
}

void HttpConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_state = State::Done;
    Q_EMIT finished(this);
}

} // namespace Apinator::Sandbox

#include "moc_httpconnection.cpp" // not in mocs_compilation: see core/CMakeLists.txt
