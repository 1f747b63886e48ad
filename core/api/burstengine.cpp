// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "burstengine.h"

#include <apinator/http1response.h>
#include <apinator/problem.h>

#include <QDateTime>
#include <QSocketNotifier>
#include <QTimer>
#include <QUrl>

#include <chrono>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <cstring>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace Apinator {

BurstEngine::BurstEngine(BurstSender *owner, const Credentials &credentials, QByteArray path)
    : q(owner)
    , hmac(credentials.secret)
    , key(credentials.key.toUtf8())
    , signedPath(std::move(path))
{
}

#ifndef Q_OS_LINUX

BurstEngine::~BurstEngine() = default;

#else

namespace {

constexpr int MaxEventsPerWait = 64;
constexpr qsizetype ReadChunk = 16 * 1024;
constexpr int DeadlineCheckMs = 100;

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// Decimal digits of n at the end of out, without a temporary QByteArray.
void appendNumber(QByteArray &out, qint64 n)
{
    char digits[24];
    int i = sizeof digits;
    do {
        digits[--i] = char('0' + n % 10);
        n /= 10;
    } while (n > 0);
    out.append(digits + i, qsizetype(sizeof digits) - i);
}

} // namespace

BurstEngine::~BurstEngine()
{
    // Before the epoll descriptor they watch goes; they are the sender's children.
    delete notifier;
    delete deadlines;
    for (BurstConnection &c : connections)
        closeSocket(c);
    if (epollFd >= 0)
        ::close(epollFd);
}

bool BurstEngine::open(const QString &baseUrl, int concurrency, BurstSender::Source src, BurstSender::Sink snk,
                       QString *error)
{
    const QUrl url(baseUrl);
    const int port = url.port(80);
    const QString host = url.host();
    peer = (host.contains(u':') ? u'[' + host + u']' : host) + u':' + QString::number(port);

    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    addrinfo *found = nullptr;
    // Resolved once, before the burst: every connection goes to the same address.
    const int rc = ::getaddrinfo(host.toUtf8().constData(), QByteArray::number(port).constData(), &hints, &found);
    if (rc != 0 || !found) {
        *error = u"could not resolve the host name of "_s + peer + u": "_s + QString::fromLocal8Bit(::gai_strerror(rc));
        return false;
    }
    address = QByteArray(reinterpret_cast<const char *>(found->ai_addr), qsizetype(found->ai_addrlen));
    family = found->ai_family;
    ::freeaddrinfo(found);

    epollFd = ::epoll_create1(EPOLL_CLOEXEC);
    if (epollFd < 0) {
        *error = u"epoll_create1 failed: "_s + errnoText(errno);
        return false;
    }
    QByteArray target = url.path(QUrl::FullyEncoded).toUtf8();
    while (target.endsWith('/'))
        target.chop(1);
    target += signedPath;
    const QByteArray hostHeader = peer.toUtf8();
    headPrefix = "POST " + target + " HTTP/1.1\r\nHost: " + hostHeader
                 + "\r\nContent-Type: application/json\r\nX-Realtime-Key: " + key
                 + "\r\nX-Realtime-Timestamp: ";
    connections.resize(size_t(concurrency));
    source = std::move(src);
    sink = std::move(snk);

    notifier = new QSocketNotifier(qintptr(epollFd), QSocketNotifier::Read, q);
    QObject::connect(notifier, &QSocketNotifier::activated, q, [this] { onReady(); });
    if (timeoutMs > 0) {
        deadlines = new QTimer(q);
        deadlines->setInterval(DeadlineCheckMs);
        QObject::connect(deadlines, &QTimer::timeout, q, [this] { checkDeadlines(); });
        deadlines->start();
    }
    return true;
}

void BurstEngine::begin()
{
    QTimer::singleShot(0, q, [this] { fillSlots(); });
}

void BurstEngine::onReady()
{
    epoll_event events[MaxEventsPerWait];
    const int n = ::epoll_wait(epollFd, events, MaxEventsPerWait, 0);
    for (int i = 0; i < n; ++i)
        onEvents(connections[events[i].data.u32], events[i].events);
    fillSlots();
}

void BurstEngine::onEvents(BurstConnection &c, unsigned events)
{
    if (c.fd < 0)
        return; // closed by an earlier event of this round
    if (c.connecting) {
        if (events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) {
            int error = 0;
            socklen_t length = sizeof error;
            ::getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &length);
            if (error != 0)
                onBroken(c, error, BurstPhase::Connecting);
            else
                onConnected(c);
        }
        return;
    }
    if (events & EPOLLOUT)
        writeSome(c);
    if (c.fd >= 0 && (events & (EPOLLIN | EPOLLERR | EPOLLHUP | EPOLLRDHUP)))
        readSome(c);
}

// Every free connection takes the next request, until the source runs dry. A loop,
// not recursion: a refused connect fails at once and frees its slot again.
void BurstEngine::fillSlots()
{
    if (filling)
        return;
    filling = true;
    bool progress = true;
    while (!sourceDry && progress) {
        progress = false;
        for (BurstConnection &c : connections) {
            if (sourceDry)
                break;
            if (!c.busy) {
                dispatch(c);
                progress = true;
            }
        }
    }
    filling = false;
    maybeDrained();
}

void BurstEngine::dispatch(BurstConnection &c)
{
    body.resize(0); // keeps the capacity
    if (!source(nextId, body)) {
        sourceDry = true;
        return;
    }
    c.id = nextId++;
    c.busy = true;
    c.retried = false;
    c.startNs = steadyNs();
    ++inFlight;
    buildRequest(c);
    if (c.fd < 0)
        connectSocket(c);
    else
        writeSome(c);
}

void BurstEngine::buildRequest(BurstConnection &c)
{
    // What RequestSigner::sign() signs, "ts\nPOST\npath\nmd5(body)" (the empty string
    // for an empty body), hashed part by part: the string to sign is never built.
    const QByteArray md5 = body.isEmpty() ? QByteArray() : Crypto::md5Hex(body);
    const QByteArray &stamp = timestampText();
    const QByteArray signature = hmac.hexDigest({stamp, "\n", "POST", "\n", signedPath, "\n", md5});
    QByteArray &out = c.out;
    out.resize(0);
    out.reserve(headPrefix.size() + 160 + body.size());
    out.append(headPrefix).append(stamp).append("\r\nX-Realtime-Signature: ").append(signature);
    out.append("\r\nContent-Length: ");
    appendNumber(out, body.size());
    out.append("\r\n\r\n").append(body);
    c.sent = 0;
}

const QByteArray &BurstEngine::timestampText()
{
    const qint64 now = clock ? clock() : QDateTime::currentSecsSinceEpoch();
    if (now != stampSeconds) {
        stampSeconds = now;
        stampText = QByteArray::number(now);
    }
    return stampText;
}

void BurstEngine::connectSocket(BurstConnection &c)
{
    c.fd = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c.fd < 0) {
        failNetwork(c, u"connect_failed"_s, u"could not open a socket to "_s + peer + u": "_s + errnoText(errno));
        return;
    }
    ++opened;
    c.reused = false;
    c.used = 0;
    c.events = 0;
    const int one = 1;
    // The request goes out whole in one send(): Nagle would only hold it back.
    ::setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    const auto *addr = reinterpret_cast<const sockaddr *>(address.constData());
    if (::connect(c.fd, addr, socklen_t(address.size())) == 0) {
        onConnected(c);
    } else if (errno == EINPROGRESS) {
        c.connecting = true;
        watch(c, EPOLLOUT);
    } else {
        onBroken(c, errno, BurstPhase::Connecting);
    }
}

void BurstEngine::onConnected(BurstConnection &c)
{
    c.connecting = false;
    watch(c, EPOLLIN | EPOLLRDHUP);
    writeSome(c);
}

void BurstEngine::writeSome(BurstConnection &c)
{
    if (!c.busy || c.sent == c.out.size())
        return;
    const ssize_t n = ::send(c.fd, c.out.constData() + c.sent, size_t(c.out.size() - c.sent), MSG_NOSIGNAL);
    if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
            watch(c, EPOLLIN | EPOLLRDHUP | EPOLLOUT);
        else
            onBroken(c, errno, BurstPhase::Sending);
        return;
    }
    c.sent += n;
    watch(c, c.sent < c.out.size() ? EPOLLIN | EPOLLRDHUP | EPOLLOUT : EPOLLIN | EPOLLRDHUP);
}

void BurstEngine::readSome(BurstConnection &c)
{
    if (c.in.size() - size_t(c.used) < size_t(ReadChunk))
        c.in.resize(size_t(c.used + ReadChunk));
    const ssize_t n = ::recv(c.fd, c.in.data() + c.used, c.in.size() - size_t(c.used), 0);
    if (n > 0) {
        c.used += n;
        parseResponses(c);
    } else if (n == 0) {
        onBroken(c, 0, BurstPhase::Receiving);
    } else if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
        onBroken(c, errno, BurstPhase::Receiving);
    }
}

void BurstEngine::parseResponses(BurstConnection &c)
{
    while (c.fd >= 0 && c.used > 0) {
        if (!c.busy) {
            // Bytes nobody asked for: the connection cannot be trusted any more.
            closeSocket(c);
            return;
        }
        const Http1Response r = Http1Response::parse(QByteArrayView(c.in.data(), c.used));
        if (r.outcome == Http1Response::Outcome::Incomplete)
            return;
        if (r.outcome == Http1Response::Outcome::Malformed) {
            failNetwork(c, u"bad_response"_s, peer + u": "_s + r.error);
            return;
        }
        BurstResult result;
        const bool close = r.close;
        if (r.status >= 200) {
            result.status = r.status;
            if (r.status >= 300) {
                result.cause = QString::number(r.status);
                result.message = problemMessage(parseProblem(r.body), r.status, QString::fromLatin1(r.reason));
            }
        }
        // The views die here: what follows the response moves to the front.
        c.used -= r.length;
        if (c.used > 0)
            std::memmove(c.in.data(), c.in.data() + r.length, size_t(c.used));
        if (result.status == 0)
            continue; // 1xx: the final answer is still to come
        c.reused = true;
        finish(c, result);
        if (close)
            closeSocket(c); // the next request reconnects
    }
}

// The peer closed or reset the socket, or a connect failed.
void BurstEngine::onBroken(BurstConnection &c, int error, BurstPhase phase)
{
    if (!c.busy) {
        closeSocket(c); // a kept-alive connection the server closed while idle
        return;
    }
    const bool nothingBack = c.used == 0;
    // A reused connection the server closed as the request went out (its idle timeout):
    // the request was never read, so it goes once more on a fresh one, as libcurl does.
    if (phase != BurstPhase::Connecting && c.reused && nothingBack && !c.retried) {
        closeSocket(c);
        c.retried = true;
        c.sent = 0;
        connectSocket(c);
        return;
    }
    QString cause, message;
    if (phase == BurstPhase::Connecting) {
        cause = u"connect_failed"_s;
        message = error == ECONNREFUSED
                      ? QString(u"connection refused to "_s + peer + u": nothing is listening on that port"_s)
                      : QString(u"could not connect to "_s + peer + u": "_s + errnoText(error));
    } else if (phase == BurstPhase::Sending) {
        cause = u"send_failed"_s;
        message = u"the connection to "_s + peer + u" broke while sending the request: "_s + errnoText(error);
    } else if (error == 0 && nothingBack) {
        cause = u"empty_reply"_s;
        message = peer + u" closed the connection without sending a response"_s;
    } else {
        cause = u"receive_failed"_s;
        message = error == 0 ? QString(peer + u" closed the connection before the whole response arrived"_s)
                             : QString(u"the connection to "_s + peer + u" broke while receiving the response: "_s
                                       + errnoText(error));
    }
    failNetwork(c, cause, message);
}

void BurstEngine::failNetwork(BurstConnection &c, const QString &cause, const QString &message)
{
    closeSocket(c);
    if (!c.busy)
        return;
    BurstResult result;
    result.cause = cause;
    result.message = message;
    finish(c, result);
}

void BurstEngine::finish(BurstConnection &c, BurstResult &result)
{
    result.id = c.id;
    result.latencyMs = double(steadyNs() - c.startNs) / 1e6;
    c.busy = false;
    c.id = -1;
    --inFlight;
    sink(result);
}

void BurstEngine::watch(BurstConnection &c, unsigned events)
{
    if (c.events == events)
        return;
    epoll_event ev{};
    ev.events = events;
    ev.data.u32 = quint32(&c - connections.data());
    ::epoll_ctl(epollFd, c.events == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, c.fd, &ev);
    c.events = events;
}

void BurstEngine::closeSocket(BurstConnection &c)
{
    if (c.fd < 0)
        return;
    // close() alone takes the socket out of the epoll set.
    ::close(c.fd);
    c.fd = -1;
    c.events = 0;
    c.connecting = false;
    c.used = 0;
}

void BurstEngine::checkDeadlines()
{
    const qint64 now = steadyNs();
    const qint64 limitNs = qint64(timeoutMs) * 1000000;
    for (BurstConnection &c : connections) {
        if (!c.busy || now - c.startNs <= limitNs)
            continue;
        const QString what = c.connecting ? u"connecting to "_s : u"waiting for a response from "_s;
        failNetwork(c, u"timeout"_s,
                    u"timed out after "_s + QString::number(timeoutMs) + u" ms "_s + what + peer);
    }
    fillSlots();
}

void BurstEngine::maybeDrained()
{
    if (!sourceDry || inFlight > 0 || drainedSent)
        return;
    drainedSent = true;
    for (BurstConnection &c : connections)
        closeSocket(c);
    if (deadlines)
        deadlines->stop();
    Q_EMIT q->drained();
}

#endif // Q_OS_LINUX

} // namespace Apinator
