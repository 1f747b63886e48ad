// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>

#include <apinator/requestsigner.h> // HeaderList

namespace Apinator {

struct HttpRequest
{
    QByteArray method = "GET";
    QByteArray url;      // absolute http:// or https:// URL, already percent-encoded
    HeaderList headers;  // sent exactly as given, in this order
    QByteArray body;     // sent byte for byte
    int timeoutMs = 30000; // whole transfer; 0: no limit
};

// Milliseconds from the start of the transfer to the end of each phase, as libcurl
// measures them; -1 when the phase did not happen (no TLS on http://).
struct HttpTimings
{
    double dns = -1;
    double connect = -1;
    double tls = -1;
    double firstByte = -1;
    double total = -1;
};

struct HttpResponse
{
    int status = 0;            // 0: no HTTP answer (see error)
    QByteArray reasonPhrase;
    QByteArray httpVersion;    // "HTTP/1.1", "HTTP/2"
    HeaderList headers;        // as received, in order
    QByteArray body;
    HttpTimings timings;
    // Empty on a complete HTTP answer; else what failed, for people. Then status is 0,
    // and whatever arrived before the failure (headers, part of the body) is kept.
    QString error;
    int curlCode = 0;          // CURLcode, 0 on success
    bool timedOut = false;
    bool cancelled = false;
    QByteArray primaryIp;
    int primaryPort = 0;
    bool connectionReused = false;
};

// One request in flight. Owned by the caller (delete it, or deleteLater() in the
// finished() handler); deleting it before it finishes cancels the transfer, with
// no signal. finished() comes once, from the event loop (never from inside send()),
// or at once from abort(). When the client is destroyed first, the reply finishes
// as cancelled.
class HttpReply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpReply)
public:
    ~HttpReply() override;

    const HttpRequest &request() const { return m_request; }
    const HttpResponse &response() const { return m_response; }
    bool isFinished() const { return m_finished; }
    // Stops the transfer; finished() is emitted once with response().cancelled set.
    void abort();

Q_SIGNALS:
    void finished();

private:
    friend class HttpClient;
    friend struct HttpClientPrivate;
    explicit HttpReply(HttpRequest request, class HttpClient *client);
    HttpRequest m_request;
    HttpResponse m_response;
    bool m_finished = false;
    class HttpClient *m_client = nullptr;
    void *m_handle = nullptr; // the libcurl transfer while in flight (private to core/api)
};

// The one outgoing HTTP client of the project: libcurl's multi interface driven by
// the Qt event loop of the thread that owns it (a QSocketNotifier per socket and a
// QTimer for libcurl's timeout). Never blocks; keeps connections alive and reuses them.
class HttpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)
public:
    explicit HttpClient(QObject *parent = nullptr);
    ~HttpClient() override;

    // Starts the request at once. Never returns null.
    HttpReply *send(HttpRequest request);

    // Upper bound of connections kept to one host (default 64).
    void setMaxConnectionsPerHost(int n);
    // Longer response bodies stop the transfer with an error (default 64 MiB).
    // Applies to requests sent afterwards.
    void setMaxResponseBodyBytes(qint64 bytes);
    qint64 maxResponseBodyBytes() const;
    int inFlight() const;

    // libcurl's version string, for About boxes and bug reports.
    static QString curlVersion();

private:
    friend class HttpReply;
    void cancel(HttpReply *reply);
    std::unique_ptr<struct HttpClientPrivate> d;
};

} // namespace Apinator
