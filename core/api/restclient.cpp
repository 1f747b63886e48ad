// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/restclient.h>

#include <apinator/json.h>
#include <apinator/names.h>

#include <QDateTime>
#include <QUrl>

#include <chrono>
#include <cstring>
#include <utility>

using namespace Qt::StringLiterals;

namespace Apinator {

namespace {

constexpr qsizetype MaxChannelsPerTrigger = 100;

qint64 steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

bool isToken(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return false;
    for (char c : bytes) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && !QByteArrayView("!#$%&'*+-.^_`|~").contains(c))
            return false;
    }
    return true;
}

// IMF-fixdate, the form RFC 7231 requires of servers: "Sun, 06 Nov 1994 08:49:37 GMT".
// Parsed by hand: month names must not depend on the locale.
std::optional<qint64> parseHttpDateSlow(const QByteArray &value)
{
    static constexpr const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QList<QByteArray> parts = value.simplified().split(' ');
    if (parts.size() == 6 && parts[5] == "GMT") {
        int month = 0;
        for (int i = 0; i < 12; ++i) {
            if (parts[2] == months[i])
                month = i + 1;
        }
        bool dayOk = false;
        bool yearOk = false;
        const int day = parts[1].toInt(&dayOk);
        const int year = parts[3].toInt(&yearOk);
        const QTime time = QTime::fromString(QString::fromLatin1(parts[4]), u"HH:mm:ss"_s);
        const QDate date(year, month, day);
        if (dayOk && yearOk && month && date.isValid() && time.isValid())
            return QDateTime(date, time, Qt::UTC).toSecsSinceEpoch();
    }
    // Other RFC 2822 spellings ("+0000" zones) as a fallback.
    const QDateTime parsed = QDateTime::fromString(QString::fromLatin1(value).trimmed(), Qt::RFC2822Date);
    if (parsed.isValid())
        return parsed.toSecsSinceEpoch();
    return std::nullopt;
}

// Every answer within one second carries the same Date: parse each distinct value once.
std::optional<qint64> parseHttpDate(const QByteArray &value)
{
    thread_local QByteArray lastValue;
    thread_local std::optional<qint64> lastResult;
    if (value.isNull() || value != lastValue) {
        lastResult = parseHttpDateSlow(value);
        lastValue = value;
    }
    return lastResult;
}

// toPercentEncoding keeps only unreserved characters, so what is signed is what is sent.
QByteArray appPath(const Credentials &credentials, QByteArrayView suffix)
{
    return "/apps/"_ba + QUrl::toPercentEncoding(credentials.appId) + suffix;
}

RestReply *fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return nullptr;
}

// Sorts a finished call into the kinds the SDKs use, with the message they would show.
void classify(RestResult &result)
{
    const HttpResponse &response = result.response;
    if (response.status == 0) {
        result.errorKind = ErrorKind::Network;
        result.errorMessage = response.error.isEmpty() ? u"no response from the server"_s : response.error;
    } else {
        result.errorKind = errorKindForStatus(response.status);
        if (result.errorKind != ErrorKind::None) {
            result.problem = parseProblem(response.body);
            // HTTP/2 has no reason phrases: fall back on the standard one.
            const QString reason = response.reasonPhrase.isEmpty() ? reasonPhrase(response.status)
                                                                   : QString::fromLatin1(response.reasonPhrase);
            result.errorMessage = problemMessage(result.problem, response.status, reason);
        }
    }
    // A skewed clock is the usual cause of a 401, so this is kept on errors too.
    for (const auto &[name, value] : response.headers) {
        if (name.compare("Date", Qt::CaseInsensitive) != 0)
            continue;
        const std::optional<qint64> serverTime = parseHttpDate(value);
        bool ok = false;
        const qint64 sentAt = result.signature.timestamp.toLongLong(&ok);
        if (serverTime && ok)
            result.clockSkewSeconds = *serverTime - sentAt;
        break;
    }
}

} // namespace

// TriggerRequest

QString TriggerRequest::error() const
{
    if (const QString e = Names::eventNameError(event); !e.isEmpty())
        return e;
    if (channels.isEmpty())
        return u"channels: at least one channel is required"_s;
    if (channels.size() > MaxChannelsPerTrigger)
        return u"channels: "_s + QString::number(channels.size()) + u" given; the limit is "_s
            + QString::number(MaxChannelsPerTrigger);
    for (qsizetype i = 0; i < channels.size(); ++i) {
        const QString e = Names::channelNameError(channels.at(i));
        if (e.isEmpty())
            continue;
        if (channels.size() == 1)
            return e;
        return u"channels["_s + QString::number(i) + u"]: "_s + e;
    }
    if (!Json::isValidUtf8(data))
        return u"data is not valid UTF-8"_s;
    if (!socketId.isEmpty()) {
        if (const QString e = Names::socketIdError(socketId); !e.isEmpty())
            return e;
    }
    return {};
}

QByteArray TriggerRequest::body() const
{
    QByteArray out;
    out.reserve(data.size() + 64 + channels.size() * 32);
    out += "{\"name\":";
    Json::appendQuoted(out, event.toUtf8());
    out += ",\"data\":";
    Json::appendQuoted(out, data);
    if (channels.size() == 1) {
        out += ",\"channel\":";
        Json::appendQuoted(out, channels.first().toUtf8());
    } else {
        out += ",\"channels\":[";
        for (qsizetype i = 0; i < channels.size(); ++i) {
            if (i > 0)
                out += ',';
            Json::appendQuoted(out, channels.at(i).toUtf8());
        }
        out += ']';
    }
    if (!socketId.isEmpty()) {
        out += ",\"socket_id\":";
        Json::appendQuoted(out, socketId.toUtf8());
    }
    out += '}';
    return out;
}

// RestReply

RestReply::RestReply(QObject *parent)
    : QObject(parent)
{
}

RestReply::~RestReply()
{
    delete m_http; // cancels a call still in flight, silently
}

void RestReply::abort()
{
    if (!m_finished && m_http)
        m_http->abort(); // finishes this reply too, as a cancelled network error
}

// RestClient

RestClient::RestClient(HttpClient *http, Credentials credentials, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_credentials(std::move(credentials))
    , m_signer(m_credentials.key.toUtf8(), m_credentials.secret)
    , m_credentialsError(m_credentials.restError())
{
    if (m_credentialsError.isEmpty()) {
        m_baseUrl = m_credentials.restBaseUrl().toUtf8();
        m_eventsPath = appPath(m_credentials, "/events");
    }
}

RestClient::~RestClient() = default;

RestReply *RestClient::trigger(const TriggerRequest &request, QString *error)
{
    if (const QString e = request.error(); !e.isEmpty())
        return fail(error, e);
    return send("POST"_ba, m_eventsPath, request.body(), error);
}

RestReply *RestClient::channels(const QString &prefix, QString *error)
{
    QByteArray path = appPath(m_credentials, "/channels");
    if (!prefix.isEmpty()) {
        // A prefix is the start of a channel name, so the same characters and length apply.
        if (const QString e = Names::channelNameError(prefix); !e.isEmpty())
            return fail(error, u"prefix: "_s + e);
        path += "?filter_by_prefix=" + QUrl::toPercentEncoding(prefix);
    }
    return send("GET"_ba, path, {}, error);
}

RestReply *RestClient::channel(const QString &name, QString *error)
{
    if (const QString e = Names::channelNameError(name); !e.isEmpty())
        return fail(error, e);
    return send("GET"_ba, appPath(m_credentials, "/channels/") + QUrl::toPercentEncoding(name), {}, error);
}

RestReply *RestClient::send(const QByteArray &method, const QByteArray &pathAndQuery, const QByteArray &body,
                            QString *error)
{
    if (!m_http)
        return fail(error, u"no HTTP client to send with"_s);
    if (!m_credentialsError.isEmpty())
        return fail(error, m_credentialsError);
    if (!isToken(method))
        return fail(error, u"method \""_s + QString::fromUtf8(method) + u"\" is not an HTTP method"_s);
    if (!pathAndQuery.startsWith('/'))
        return fail(error, u"path must start with '/'"_s);
    for (char c : pathAndQuery) {
        if (uchar(c) <= 0x20 || uchar(c) >= 0x7f)
            return fail(error, u"path contains a space, control or non-ASCII character; percent-encode it"_s);
    }

    // The same instant is the signed timestamp and the base of the clock skew.
    const qint64 timestamp = m_clock ? m_clock() : QDateTime::currentSecsSinceEpoch();
    const QByteArray upperMethod = method.toUpper();
    // Signed over the very bytes that go out: this body, this path as encoded.
    RequestSignature signature =
        m_signer.sign(upperMethod, RequestSigner::pathWithoutQuery(pathAndQuery), body, timestamp);

    HttpRequest request;
    request.method = upperMethod;
    request.url = m_baseUrl + pathAndQuery;
    request.headers = signature.headers(m_signer.key());
    request.headers.append({"Content-Type"_ba, "application/json"_ba});
    request.body = body;
    request.timeoutMs = m_timeoutMs;

    auto *reply = new RestReply;
    reply->m_result.request = request;
    reply->m_result.signature = std::move(signature);
    reply->m_startedNs = steadyNowNs();
    HttpReply *http = m_http->send(std::move(request));
    http->setParent(reply); // goes with the RestReply, whatever happens to the event loop
    reply->m_http = http;
    connect(http, &HttpReply::finished, reply, [reply] {
        HttpReply *done = std::exchange(reply->m_http, nullptr);
        RestResult &result = reply->m_result;
        result.elapsedMs = double(steadyNowNs() - reply->m_startedNs) / 1e6;
        result.response = done->response();
        classify(result);
        reply->m_finished = true;
        Q_EMIT reply->finished();
    });
    if (error)
        error->clear();
    return reply;
}

} // namespace Apinator
