// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/httpclient.h>

#include <QHash>
#include <QSet>
#include <QTimer>

#include <curl/curl.h>

#include <vector>

class QSocketNotifier;

namespace Apinator {

inline constexpr qint64 DefaultMaxResponseBodyBytes = qint64(64) * 1024 * 1024;

// One transfer while libcurl runs it; HttpReply::m_handle points here.
struct HttpTransfer
{
    HttpTransfer() = default;
    ~HttpTransfer();
    Q_DISABLE_COPY_MOVE(HttpTransfer)

    HttpReply *reply = nullptr;
    CURL *easy = nullptr;
    curl_slist *headers = nullptr;
    HttpResponse response; // built by the callbacks, moved into the reply at the end
    qint64 maxBodyBytes = DefaultMaxResponseBodyBytes;
    bool bodyTooLarge = false;
    bool sawStatusLine = false;
    char errorBuffer[CURL_ERROR_SIZE] = {};
};

// What libcurl wants to hear about on one socket.
struct SocketWatch
{
    QSocketNotifier *read = nullptr;
    QSocketNotifier *write = nullptr;
};

struct HttpClientPrivate
{
    explicit HttpClientPrivate(HttpClient *owner);
    ~HttpClientPrivate();
    Q_DISABLE_COPY_MOVE(HttpClientPrivate)

    void start(HttpReply *reply);
    // Removes the transfer from libcurl; with notify, finishes the reply as cancelled.
    void cancel(HttpReply *reply, bool notify);
    // Every transfer still running ends as cancelled; then libcurl is torn down.
    void shutdown();

    void socketAction(curl_socket_t socket, int events);
    void processCompleted();
    void complete(HttpTransfer *transfer, CURLcode code);
    void watchSocket(curl_socket_t socket, int what, SocketWatch *watch);
    void unwatchSocket(curl_socket_t socket, SocketWatch *watch);
    // A reset easy handle from the pool, else a new one (null when out of memory).
    CURL *takeEasy();
    // Back to the pool (reset) once the transfer is over, or freed when the pool is full.
    void recycleEasy(CURL *easy);
    static void finishLater(HttpReply *reply);
    static void failEarly(HttpReply *reply, const QString &error);

    static int socketCallback(CURL *easy, curl_socket_t socket, int what, void *clientp, void *socketp);
    static int timerCallback(CURLM *multi, long timeoutMs, void *clientp);

    HttpClient *q;
    // Made on the first request (ensureMulti): creating a client costs nothing, so
    // the console can own one from the start without paying libcurl's and OpenSSL's
    // initialisation before its first frame.
    CURLM *multi = nullptr;
    bool shutDown = false;
    long maxHostConnections = 64;
    bool ensureMulti();
    QTimer timer;
    QHash<curl_socket_t, SocketWatch *> watches;
    QSet<HttpReply *> replies; // in flight
    // Finished easy handles: curl_easy_init/cleanup per request cost ~5 % of a trigger.
    std::vector<CURL *> idleEasy;
    qint64 maxResponseBodyBytes = DefaultMaxResponseBodyBytes;
};

// Per-transfer callbacks and the wording of failures (httptransfer.cpp).
namespace HttpTransferIo {
size_t onHeader(char *data, size_t size, size_t count, void *transfer);
size_t onBody(char *data, size_t size, size_t count, void *transfer);
// A problem with the request itself (method, URL scheme, header bytes), else empty.
QString requestError(const HttpRequest &request);
// Fills status, version, timings, peer and error of a finished transfer.
void collectInfo(HttpTransfer &transfer, const HttpRequest &request, CURLcode code);
} // namespace HttpTransferIo

} // namespace Apinator
