// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

#include <apinator/authinspect.h>
#include <apinator/httpclient.h>

namespace Apinator {

// The POST a client SDK sends to the developer's own auth endpoint.
struct AuthEndpointRequest
{
    enum class Format {
        Json, // {"socket_id": ..., "channel_name": ...}, as the JS client sends it
        Form  // socket_id=...&channel_name=..., as older examples read it
    };
    QByteArray url;
    Format format = Format::Json;
    QByteArray socketId;
    QByteArray channelName;
    HeaderList headers; // extra: a cookie, a bearer token
    int timeoutMs = 10000;

    // Empty when the request can be sent, else a sentence naming the field.
    QString error() const;
    HttpRequest httpRequest() const;
};

// "json" / "form"; parseAuthFormat is false for anything else.
QString authFormatName(AuthEndpointRequest::Format format);
bool parseAuthFormat(QStringView name, AuthEndpointRequest::Format *format);

// A well-formed socket id ("123456.7890123") for testing an endpoint without a connection.
QByteArray syntheticSocketId();

struct AuthEndpointResult
{
    HttpRequest request;
    HttpResponse response;
    bool reached = false; // an HTTP answer came (whatever its status)
    // Problems of the HTTP exchange itself (endpoint_unreachable, endpoint_timeout,
    // endpoint_tls, endpoint_redirect, endpoint_status, endpoint_html); the answer is
    // inspected only when it is a 200.
    CauseList transport;
    AuthInspection inspection;
    bool valid = false;
    double elapsedMs = 0;
    // transport causes, then the inspection's.
    CauseList causes() const;
};

// The verdict on an exchange that already happened: pure, for tests and for the UI.
// keys: this profile's key and secret, and the other profiles (socket id, channel and
// pasted are taken from the request and the response).
AuthEndpointResult evaluateAuthEndpoint(const HttpRequest &request, const HttpResponse &response,
                                        const AuthEndpointRequest &sent, const AuthInspectInput &keys);

// One endpoint test in flight: sends the request with the client, then inspects the answer.
// finished() comes once, from the event loop.
class AuthEndpointTest final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthEndpointTest)
public:
    // keys: as for evaluateAuthEndpoint. request.error() must be empty.
    AuthEndpointTest(HttpClient *client, AuthEndpointRequest request, AuthInspectInput keys,
                     QObject *parent = nullptr);
    ~AuthEndpointTest() override;

    void start();
    void abort();
    bool isFinished() const { return m_finished; }
    const AuthEndpointResult &result() const { return m_result; }

Q_SIGNALS:
    void finished();

private:
    void onReplyFinished();

    HttpClient *m_client;
    AuthEndpointRequest m_request;
    AuthInspectInput m_keys;
    QPointer<HttpReply> m_reply;
    AuthEndpointResult m_result;
    bool m_finished = false;
};

} // namespace Apinator
