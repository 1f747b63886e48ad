// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

#include <apinator/credentials.h>

namespace Apinator {

// How one request of a burst ended.
struct BurstResult
{
    qint64 id = 0;          // the number the source was asked for, from 0
    int status = 0;         // HTTP status; 0 when no HTTP answer came
    double latencyMs = 0;   // first byte written (or connect started) to the whole answer read
    // Empty for a 2xx; else what apinatorctl groups failures by: the status ("401") or
    // the kind of network failure ("connect_failed", "empty_reply", "timeout", ...).
    QString cause;
    QString message;        // failures only: the problem's detail, or the network error
    bool ok() const { return cause.isEmpty(); }
};

// Sends many signed POSTs to one REST path of an http:// server as fast as the server
// answers: K kept-alive HTTP/1.1 connections, one request in flight on each. For
// bursts (apinatorctl bench trigger), where libcurl's per-transfer work and a QObject
// per request would cost more than the request itself.
//
// Every request is signed on its own, exactly as RequestSigner signs (MD5 of its body,
// HMAC-SHA256 with the keyed state reused), at the second it is written. Linux only
// (non-blocking sockets and one epoll set, watched by one QSocketNotifier in the
// thread that owns the sender); elsewhere, and for https://, use RestClient.
class BurstSender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BurstSender)
public:
    // Fills body (emptied, capacity kept) with request id's body; false: no more requests.
    using Source = std::function<bool(qint64 id, QByteArray &body)>;
    // Called once per request, from the event loop; must not delete the sender.
    using Sink = std::function<void(const BurstResult &result)>;

    // path is signed as it is and sent after the base URL's own path ("/apps/ID/events").
    BurstSender(Credentials credentials, QByteArray path, QObject *parent = nullptr);
    ~BurstSender() override;

    // Empty when this engine can send to the base URL, else why not (https://, not Linux).
    static QString unsupportedReason(const QString &baseUrl);

    // Whole request, connect to answer; 0: no limit. Default 30 s, as RestClient.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // The clock used for X-Realtime-Timestamp, unix seconds; tests set it.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

    // Opens up to concurrency connections and keeps one request in flight on each
    // until the source runs dry. False with *error set when nothing can be sent
    // (credentials, base URL, host name); then the sink is never called.
    bool start(int concurrency, Source source, Sink sink, QString *error = nullptr);
    int inFlight() const;
    qint64 connectionsOpened() const;

Q_SIGNALS:
    // The source ran dry and every request has had its sink call.
    void drained();

private:
    Credentials m_credentials;
    QByteArray m_path;
    int m_timeoutMs = 30000;
    std::function<qint64()> m_clock;
    std::unique_ptr<struct BurstEngine> d;
};

} // namespace Apinator
