// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/authendpoint.h>
#include <apinator/json.h>
#include <apinator/names.h>

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QUrl>

#include <curl/curl.h>

using namespace Qt::StringLiterals;

namespace Apinator {

namespace {

QByteArray headerValue(const HeaderList &headers, QByteArrayView name)
{
    for (const auto &[n, v] : headers)
        if (name.compare(n, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

bool isTlsFailure(int code)
{
    switch (code) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
        return true;
    default:
        return false;
    }
}

// By the body, not the Content-Type: a client parses the text whatever the header says.
bool isHtml(const HttpResponse &response)
{
    return response.body.trimmed().startsWith('<');
}

QString excerpt(const QByteArray &body)
{
    QString s = QString::fromUtf8(body.trimmed().left(120)).simplified();
    return body.trimmed().size() > 120 ? s + u"..."_s : s;
}

CauseList transportCauses(const AuthEndpointRequest &sent, const HttpResponse &response)
{
    CauseList causes;
    if (response.status == 0) {
        if (response.timedOut)
            causes.append({u"endpoint_timeout"_s, u"the endpoint did not answer within %1 ms"_s.arg(sent.timeoutMs)});
        else if (isTlsFailure(response.curlCode))
            causes.append({u"endpoint_tls"_s, u"the TLS handshake with the endpoint failed: %1"_s.arg(response.error)});
        else
            causes.append({u"endpoint_unreachable"_s, u"the endpoint could not be reached: %1"_s.arg(response.error)});
        return causes;
    }
    const QString statusLine = QString::number(response.status)
        + (response.reasonPhrase.isEmpty() ? QString() : u' ' + QString::fromUtf8(response.reasonPhrase));
    if (response.status >= 300 && response.status < 400) {
        const QByteArray location = headerValue(response.headers, "Location");
        causes.append({u"endpoint_redirect"_s,
                       u"the endpoint answered %1, a redirect to %2 (not followed): the client gets no auth from "
                       u"it. A redirect to a login page means the session cookie or token was not sent"_s.arg(
                           statusLine, location.isEmpty() ? u"nowhere (no Location header)"_s
                                                          : QString::fromUtf8(location))});
    } else if (response.status != 200) {
        causes.append({u"endpoint_status"_s,
                       u"the endpoint answered %1, and a client accepts only 200%2"_s.arg(
                           statusLine, response.status == 401 || response.status == 403
                                           ? u": it refused this request (a missing cookie or token?)"_s
                                           : QString())});
    }
    if (isHtml(response))
        causes.append({u"endpoint_html"_s,
                       u"the endpoint answered an HTML page, not JSON (an error or login page?): \"%1\""_s.arg(
                           excerpt(response.body))});
    return causes;
}

} // namespace

QString AuthEndpointRequest::error() const
{
    const QUrl parsed(QString::fromUtf8(url), QUrl::StrictMode);
    if (url.trimmed().isEmpty())
        return u"the endpoint URL is empty"_s;
    if (!parsed.isValid() || (parsed.scheme() != u"http" && parsed.scheme() != u"https") || parsed.host().isEmpty())
        return u"the endpoint URL must be an absolute http:// or https:// URL: \"%1\""_s.arg(QString::fromUtf8(url));
    if (const QString e = Names::socketIdError(QString::fromUtf8(socketId)); !e.isEmpty())
        return e;
    if (const QString e = Names::channelNameError(QString::fromUtf8(channelName)); !e.isEmpty())
        return e;
    if (Names::channelType(QString::fromUtf8(channelName)) == ChannelType::Public)
        return u"\"%1\" is a public channel: only private- and presence- channels are authorized"_s.arg(
            QString::fromUtf8(channelName));
    if (timeoutMs <= 0)
        return u"the timeout must be a positive number of milliseconds"_s;
    return {};
}

HttpRequest AuthEndpointRequest::httpRequest() const
{
    HttpRequest request;
    request.method = "POST";
    request.url = QUrl(QString::fromUtf8(url)).toEncoded();
    request.timeoutMs = timeoutMs;
    if (format == Format::Json) {
        request.headers.append({"Content-Type"_ba, "application/json"_ba});
        request.body = R"({"socket_id":)"_ba + Json::quote(socketId) + R"(,"channel_name":)"_ba
            + Json::quote(channelName) + '}';
    } else {
        request.headers.append({"Content-Type"_ba, "application/x-www-form-urlencoded"_ba});
        request.body = "socket_id=" + QUrl::toPercentEncoding(QString::fromUtf8(socketId))
            + "&channel_name=" + QUrl::toPercentEncoding(QString::fromUtf8(channelName));
    }
    request.headers.append({"Accept"_ba, "application/json"_ba});
    // Extra headers come last and replace ours of the same name.
    for (const auto &header : headers) {
        request.headers.removeIf([&](const auto &h) { return header.first.compare(h.first, Qt::CaseInsensitive) == 0; });
    }
    request.headers.append(headers);
    return request;
}

QString authFormatName(AuthEndpointRequest::Format format)
{
    return format == AuthEndpointRequest::Format::Json ? u"json"_s : u"form"_s;
}

bool parseAuthFormat(QStringView name, AuthEndpointRequest::Format *format)
{
    if (name == u"json")
        *format = AuthEndpointRequest::Format::Json;
    else if (name == u"form")
        *format = AuthEndpointRequest::Format::Form;
    else
        return false;
    return true;
}

QByteArray syntheticSocketId()
{
    QRandomGenerator *random = QRandomGenerator::global();
    return QByteArray::number(random->bounded(100000, 999999)) + '.'
        + QByteArray::number(random->bounded(1000000, 9999999));
}

CauseList AuthEndpointResult::causes() const
{
    CauseList all = transport;
    if (reached && response.status == 200)
        all.append(inspection.causes);
    return all;
}

AuthEndpointResult evaluateAuthEndpoint(const HttpRequest &request, const HttpResponse &response,
                                        const AuthEndpointRequest &sent, const AuthInspectInput &keys)
{
    AuthEndpointResult result;
    result.request = request;
    result.response = response;
    result.reached = response.status != 0;
    result.elapsedMs = response.timings.total;
    result.transport = transportCauses(sent, response);

    AuthInspectInput input = keys;
    input.pasted = response.body;
    input.kind = AuthInspectInput::Pasted::Response;
    input.socketId = sent.socketId;
    input.channelName = sent.channelName;
    // For presence, the channel_data to expect is the one the endpoint answers.
    input.channelData.reset();
    result.inspection = inspectChannelAuth(input);
    // An HTML page already has its cause: "not JSON" would say it twice.
    if (hasCause(result.transport, u"endpoint_html"))
        result.inspection.causes.removeIf([](const Cause &c) { return c.code == u"response_not_json"; });
    result.valid = result.reached && result.causes().isEmpty() && result.inspection.valid;
    return result;
}

AuthEndpointTest::AuthEndpointTest(HttpClient *client, AuthEndpointRequest request, AuthInspectInput keys,
                                   QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_request(std::move(request))
    , m_keys(std::move(keys))
{
}

AuthEndpointTest::~AuthEndpointTest()
{
    delete m_reply.data();
}

void AuthEndpointTest::start()
{
    m_reply = m_client->send(m_request.httpRequest());
    connect(m_reply.data(), &HttpReply::finished, this, &AuthEndpointTest::onReplyFinished);
}

void AuthEndpointTest::abort()
{
    if (m_reply)
        m_reply->abort();
}

void AuthEndpointTest::onReplyFinished()
{
    HttpReply *reply = m_reply.data();
    m_result = evaluateAuthEndpoint(reply->request(), reply->response(), m_request, m_keys);
    if (reply->response().cancelled)
        m_result.transport = {{u"endpoint_cancelled"_s, u"the test was cancelled"_s}};
    m_reply.clear();
    reply->deleteLater();
    m_finished = true;
    Q_EMIT finished();
}

} // namespace Apinator
