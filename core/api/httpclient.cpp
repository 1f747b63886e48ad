// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "curlruntime.h"
#include "httpclient_p.h"

#include <QSocketNotifier>

#include <limits>
#include <mutex>
#include <utility>

using namespace Qt::StringLiterals;

namespace Apinator {

namespace {

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

bool hasHeader(const HeaderList &headers, QByteArrayView name)
{
    for (const auto &header : headers) {
        if (name.compare(header.first, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// The header lines handed to libcurl, plus lines that switch off the headers it
// would add by itself, so that the wire carries ours and nothing else (but Host
// and Content-Length, which HTTP/1.1 needs).
curl_slist *buildHeaderList(const HttpRequest &request, bool hasBody)
{
    curl_slist *list = nullptr;
    for (const auto &[name, value] : request.headers) {
        // "Name;" is libcurl's way to send a header with an empty value.
        const QByteArray line = value.isEmpty() ? QByteArray(name + ';') : QByteArray(name + ": " + value);
        list = curl_slist_append(list, line.constData());
    }
    if (!hasHeader(request.headers, "Expect"))
        list = curl_slist_append(list, "Expect:");
    if (!hasHeader(request.headers, "Accept"))
        list = curl_slist_append(list, "Accept:");
    if (hasBody && !hasHeader(request.headers, "Content-Type"))
        list = curl_slist_append(list, "Content-Type:");
    return list;
}

} // namespace

// HttpReply

HttpReply::HttpReply(HttpRequest request, HttpClient *client)
    : m_request(std::move(request))
    , m_client(client)
{
}

HttpReply::~HttpReply()
{
    // Deleting an unfinished reply cancels it without a signal.
    if (!m_finished && m_client)
        m_client->d->cancel(this, false);
}

void HttpReply::abort()
{
    if (!m_finished && m_client)
        m_client->cancel(this);
}

// HttpClient

HttpClient::HttpClient(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<HttpClientPrivate>(this))
{
}

HttpClient::~HttpClient()
{
    d->shutdown();
}

HttpReply *HttpClient::send(HttpRequest request)
{
    auto *reply = new HttpReply(std::move(request), this);
    d->start(reply);
    return reply;
}

void HttpClient::setMaxConnectionsPerHost(int n)
{
    d->maxHostConnections = long(qMax(1, n));
    if (d->multi)
        curl_multi_setopt(d->multi, CURLMOPT_MAX_HOST_CONNECTIONS, d->maxHostConnections);
}

void HttpClient::setMaxResponseBodyBytes(qint64 bytes)
{
    d->maxResponseBodyBytes = qMax<qint64>(0, bytes);
}

qint64 HttpClient::maxResponseBodyBytes() const
{
    return d->maxResponseBodyBytes;
}

int HttpClient::inFlight() const
{
    return int(d->replies.size());
}

QString HttpClient::curlVersion()
{
    return QString::fromLatin1(curl_version());
}

void HttpClient::cancel(HttpReply *reply)
{
    d->cancel(reply, true);
}

// HttpClientPrivate

HttpClientPrivate::HttpClientPrivate(HttpClient *owner)
    : q(owner)
{
    timer.setSingleShot(true);
    timer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&timer, &QTimer::timeout, q, [this] { socketAction(CURL_SOCKET_TIMEOUT, 0); });
}

bool HttpClientPrivate::ensureMulti()
{
    if (multi || shutDown)
        return multi != nullptr;
    initCurlOnce();
    multi = curl_multi_init();
    if (!multi)
        return false;
    curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, &HttpClientPrivate::socketCallback);
    curl_multi_setopt(multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, &HttpClientPrivate::timerCallback);
    curl_multi_setopt(multi, CURLMOPT_TIMERDATA, this);
    curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, maxHostConnections);
    // libcurl's default cache (4 x the transfers added) closes kept-alive connections
    // under load: with K in flight it reopened one in seven. Keep them.
    curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, 256L);
    curl_multi_setopt(multi, CURLMOPT_PIPELINING, long(CURLPIPE_MULTIPLEX));
    return true;
}

HttpClientPrivate::~HttpClientPrivate()
{
    shutdown();
}

void HttpClientPrivate::start(HttpReply *reply)
{
    const HttpRequest &request = reply->m_request;
    if (const QString error = HttpTransferIo::requestError(request); !error.isEmpty()) {
        failEarly(reply, error);
        return;
    }
    if (!ensureMulti()) {
        QString error = u"libcurl could not be initialised (out of memory?)"_s;
        if (shutDown)
            error = u"cancelled: the HTTP client was shut down"_s;
        else if (const QString loadError = CurlRuntime::loadError(); !loadError.isEmpty())
            error = loadError;
        failEarly(reply, error);
        return;
    }
    auto transfer = std::make_unique<HttpTransfer>();
    transfer->reply = reply;
    transfer->maxBodyBytes = maxResponseBodyBytes;
    transfer->easy = takeEasy();
    if (!transfer->easy) {
        failEarly(reply, u"libcurl could not create a transfer (out of memory?)"_s);
        return;
    }
    CURL *easy = transfer->easy;
    curl_easy_setopt(easy, CURLOPT_PRIVATE, transfer.get());
    curl_easy_setopt(easy, CURLOPT_URL, request.url.constData());
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_2TLS));
    // Over TLS, ALPN soon tells whether a connection multiplexes (HTTP/2): wait for
    // that rather than open another. Plain http:// is HTTP/1.1, where waiting would
    // hold concurrent requests back until the first response.
    if (request.url.startsWith("https:") || request.url.startsWith("HTTPS:"))
        curl_easy_setopt(easy, CURLOPT_PIPEWAIT, 1L);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->errorBuffer);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &HttpTransferIo::onHeader);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, transfer.get());
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &HttpTransferIo::onBody);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, transfer.get());
    if (request.timeoutMs > 0)
        curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, long(request.timeoutMs));

    const QByteArray &method = request.method;
    const bool hasBody = !request.body.isEmpty() || method == "POST";
    if (method == "HEAD") {
        curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
    } else if (hasBody) {
        curl_easy_setopt(easy, CURLOPT_POST, 1L);
        // The body lives in the reply's request, which outlives the transfer: no copy.
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.size()));
        curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.constData());
        if (method != "POST")
            curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, method.constData());
    } else if (method != "GET") {
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, method.constData());
    }
    transfer->headers = buildHeaderList(request, hasBody);
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transfer->headers);

    if (curl_multi_add_handle(multi, easy) != CURLM_OK) {
        failEarly(reply, u"libcurl refused the transfer"_s);
        return;
    }
    reply->m_handle = transfer.release();
    replies.insert(reply);
}

void HttpClientPrivate::cancel(HttpReply *reply, bool notify)
{
    if (!replies.remove(reply))
        return;
    auto *transfer = static_cast<HttpTransfer *>(reply->m_handle);
    curl_multi_remove_handle(multi, transfer->easy);
    delete transfer;
    reply->m_handle = nullptr;
    reply->m_client = nullptr;
    if (!notify)
        return;
    reply->m_response = HttpResponse{};
    reply->m_response.cancelled = true;
    reply->m_response.error = u"cancelled"_s;
    reply->m_finished = true;
    Q_EMIT reply->finished();
}

void HttpClientPrivate::shutdown()
{
    shutDown = true;
    if (!multi)
        return;
    const QSet<HttpReply *> running = replies;
    for (HttpReply *reply : running) {
        cancel(reply, false);
        reply->m_response = HttpResponse{};
        reply->m_response.cancelled = true;
        reply->m_response.error = u"cancelled: the HTTP client was shut down"_s;
        finishLater(reply);
    }
    timer.stop();
    for (CURL *easy : idleEasy)
        curl_easy_cleanup(easy);
    idleEasy.clear();
    // Callbacks that come during the cleanup must see the multi handle as gone.
    CURLM *handle = std::exchange(multi, nullptr);
    curl_multi_cleanup(handle);
    for (SocketWatch *watch : std::as_const(watches)) {
        delete watch->read;
        delete watch->write;
        delete watch;
    }
    watches.clear();
}

CURL *HttpClientPrivate::takeEasy()
{
    if (idleEasy.empty())
        return curl_easy_init();
    CURL *easy = idleEasy.back();
    idleEasy.pop_back();
    return easy;
}

void HttpClientPrivate::recycleEasy(CURL *easy)
{
    // Enough for any sensible number in flight; beyond it, handles are freed.
    constexpr size_t MaxIdleEasyHandles = 64;
    if (!multi || idleEasy.size() >= MaxIdleEasyHandles) {
        curl_easy_cleanup(easy);
        return;
    }
    // Every option goes back to its default; start() sets all that a request needs.
    curl_easy_reset(easy);
    idleEasy.push_back(easy);
}

void HttpClientPrivate::finishLater(HttpReply *reply)
{
    reply->m_finished = true;
    reply->m_client = nullptr;
    // Queued, so that no user code runs inside libcurl's processing, and a reply
    // deleted before the event loop comes round gets no signal at all.
    QMetaObject::invokeMethod(reply, [reply] { Q_EMIT reply->finished(); }, Qt::QueuedConnection);
}

void HttpClientPrivate::failEarly(HttpReply *reply, const QString &error)
{
    reply->m_response.error = error;
    finishLater(reply);
}

void HttpClientPrivate::socketAction(curl_socket_t socket, int events)
{
    if (!multi)
        return;
    int running = 0;
    curl_multi_socket_action(multi, socket, events, &running);
    processCompleted();
}

void HttpClientPrivate::processCompleted()
{
    int pending = 0;
    while (CURLMsg *message = curl_multi_info_read(multi, &pending)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        // The message is invalid once the handle is removed: copy what we need.
        CURL *easy = message->easy_handle;
        const CURLcode code = message->data.result;
        HttpTransfer *transfer = nullptr;
        curl_easy_getinfo(easy, CURLINFO_PRIVATE, reinterpret_cast<char **>(&transfer));
        if (transfer)
            complete(transfer, code);
    }
}

void HttpClientPrivate::complete(HttpTransfer *transfer, CURLcode code)
{
    HttpReply *reply = transfer->reply;
    HttpTransferIo::collectInfo(*transfer, reply->m_request, code);
    curl_multi_remove_handle(multi, transfer->easy);
    recycleEasy(std::exchange(transfer->easy, nullptr));
    reply->m_response = std::move(transfer->response);
    delete transfer;
    reply->m_handle = nullptr;
    replies.remove(reply);
    finishLater(reply);
}

int HttpClientPrivate::socketCallback(CURL *, curl_socket_t socket, int what, void *clientp, void *socketp)
{
    auto *self = static_cast<HttpClientPrivate *>(clientp);
    auto *watch = static_cast<SocketWatch *>(socketp);
    if (what == CURL_POLL_REMOVE)
        self->unwatchSocket(socket, watch);
    else
        self->watchSocket(socket, what, watch);
    return 0;
}

int HttpClientPrivate::timerCallback(CURLM *, long timeoutMs, void *clientp)
{
    auto *self = static_cast<HttpClientPrivate *>(clientp);
    if (timeoutMs < 0)
        self->timer.stop();
    else
        self->timer.start(int(qMin<long>(timeoutMs, std::numeric_limits<int>::max())));
    return 0;
}

void HttpClientPrivate::watchSocket(curl_socket_t socket, int what, SocketWatch *watch)
{
    if (!watch) {
        watch = new SocketWatch;
        watches.insert(socket, watch);
        curl_multi_assign(multi, socket, watch);
    }
    const auto ensure = [this, socket](QSocketNotifier *&notifier, QSocketNotifier::Type type, int event) {
        if (notifier)
            return;
        notifier = new QSocketNotifier(qintptr(socket), type, q);
        notifier->setEnabled(false);
        QObject::connect(notifier, &QSocketNotifier::activated, q,
                         [this, socket, event] { socketAction(socket, event); });
    };
    const bool wantRead = what & CURL_POLL_IN;
    const bool wantWrite = what & CURL_POLL_OUT;
    if (wantRead)
        ensure(watch->read, QSocketNotifier::Read, CURL_CSELECT_IN);
    if (wantWrite)
        ensure(watch->write, QSocketNotifier::Write, CURL_CSELECT_OUT);
    if (watch->read)
        watch->read->setEnabled(wantRead);
    if (watch->write)
        watch->write->setEnabled(wantWrite);
}

void HttpClientPrivate::unwatchSocket(curl_socket_t socket, SocketWatch *watch)
{
    if (!watch)
        return;
    // libcurl closes the socket right after this: the notifiers must stop now, but
    // one of them may be the sender of the signal we are running in.
    for (QSocketNotifier *notifier : {watch->read, watch->write}) {
        if (notifier) {
            notifier->setEnabled(false);
            notifier->deleteLater();
        }
    }
    watches.remove(socket);
    delete watch;
    if (multi)
        curl_multi_assign(multi, socket, nullptr);
}

} // namespace Apinator
