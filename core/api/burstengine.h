// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// BurstSender's machinery: K non-blocking sockets in one epoll set (Linux).
#pragma once

#include <apinator/burstsender.h>
#include <apinator/crypto.h>

#include <QByteArray>
#include <QString>

#include <vector>

class QSocketNotifier;
class QTimer;

namespace Apinator {

enum class BurstPhase { Connecting, Sending, Receiving };

// One kept-alive connection with at most one request in flight.
struct BurstConnection
{
    int fd = -1;
    unsigned events = 0;      // the epoll interest set now
    bool connecting = false;
    bool busy = false;        // a request is in flight
    bool reused = false;      // this socket has answered before
    bool retried = false;     // the request in flight was sent a second time
    qint64 id = -1;
    qint64 startNs = 0;
    QByteArray out;           // the whole request, kept until answered (for the one retry)
    qsizetype sent = 0;
    std::vector<char> in;     // received bytes, in[0, used)
    qsizetype used = 0;
};

struct BurstEngine
{
    BurstEngine(BurstSender *owner, const Credentials &credentials, QByteArray path);
    ~BurstEngine();
    Q_DISABLE_COPY_MOVE(BurstEngine)

    // Resolves the host and prepares the sockets' epoll set; nothing is sent yet.
    bool open(const QString &baseUrl, int concurrency, BurstSender::Source source, BurstSender::Sink sink,
              QString *error);
    // The first requests go out from the event loop, never from inside start().
    void begin();

    void onReady();
    void onEvents(BurstConnection &c, unsigned events);
    void fillSlots();
    void dispatch(BurstConnection &c);
    void buildRequest(BurstConnection &c);
    void connectSocket(BurstConnection &c);
    void onConnected(BurstConnection &c);
    void writeSome(BurstConnection &c);
    void readSome(BurstConnection &c);
    void parseResponses(BurstConnection &c);
    void onBroken(BurstConnection &c, int error, BurstPhase phase);
    void watch(BurstConnection &c, unsigned events);
    void closeSocket(BurstConnection &c);
    void finish(BurstConnection &c, BurstResult &result);
    void failNetwork(BurstConnection &c, const QString &cause, const QString &message);
    void checkDeadlines();
    void maybeDrained();
    const QByteArray &timestampText();

    BurstSender *q;
    Crypto::HmacSha256 hmac; // keyed once with the secret, reused for every request
    QByteArray key;
    QByteArray signedPath;
    QByteArray headPrefix;    // request line, Host, Content-Type, X-Realtime-Key, "X-Realtime-Timestamp: "
    QByteArray address;       // the peer's sockaddr, as bytes
    int family = 0;
    QString peer;             // "host:port", for messages
    int epollFd = -1;
    QSocketNotifier *notifier = nullptr;
    QTimer *deadlines = nullptr;
    std::vector<BurstConnection> connections;
    BurstSender::Source source;
    BurstSender::Sink sink;
    QByteArray body;          // the source's scratch buffer, reused
    qint64 nextId = 0;
    bool sourceDry = false;
    bool drainedSent = false;
    bool filling = false;
    int inFlight = 0;
    qint64 opened = 0;
    int timeoutMs = 30000;
    std::function<qint64()> clock;
    qint64 stampSeconds = -1;
    QByteArray stampText;
};

} // namespace Apinator
