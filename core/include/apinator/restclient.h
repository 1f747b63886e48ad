// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

#include <apinator/credentials.h>
#include <apinator/httpclient.h>
#include <apinator/problem.h>
#include <apinator/requestsigner.h>

namespace Apinator {

// POST /apps/{app_id}/events
struct TriggerRequest
{
    QString event;
    QStringList channels;  // one: "channel"; several: "channels"
    QByteArray data;       // any UTF-8 string, usually JSON text; sent as a JSON string
    QString socketId;      // optional: exclude this connection

    // Empty when valid, else a sentence naming the field and the rule.
    QString error() const;
    // {"name":E,"data":S,"channel":C} or ..."channels":[...], then "socket_id" when set.
    QByteArray body() const;
};

// Everything about one REST call, for display, scripts and history.
struct RestResult
{
    HttpRequest request;              // exactly what was sent
    RequestSignature signature;       // how it was signed (never the secret)
    HttpResponse response;
    double elapsedMs = 0;             // wall clock, send to finish
    ErrorKind errorKind = ErrorKind::None;
    QString errorMessage;             // empty on success: problem detail, title, reason, or network error
    std::optional<Problem> problem;
    std::optional<qint64> clockSkewSeconds; // server Date minus local clock at send
    bool ok() const { return errorKind == ErrorKind::None; }
};

class RestReply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestReply)
public:
    explicit RestReply(QObject *parent = nullptr);
    ~RestReply() override;
    const RestResult &result() const { return m_result; }
    bool isFinished() const { return m_finished; }
    void abort();

Q_SIGNALS:
    void finished();

private:
    friend class RestClient;
    RestResult m_result;
    bool m_finished = false;
    HttpReply *m_http = nullptr; // our child; null once finished
    qint64 m_startedNs = 0;
};

// The REST API of one app, signed with its secret. Calls are asynchronous;
// invalid input returns nullptr with *error set, and nothing is sent.
class RestClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestClient)
public:
    RestClient(HttpClient *http, Credentials credentials, QObject *parent = nullptr);
    ~RestClient() override;

    RestReply *trigger(const TriggerRequest &request, QString *error = nullptr);
    RestReply *channels(const QString &prefix = {}, QString *error = nullptr);
    RestReply *channel(const QString &name, QString *error = nullptr);
    // Any signed call; path may carry a query string (it is not signed).
    RestReply *send(const QByteArray &method, const QByteArray &pathAndQuery, const QByteArray &body,
                    QString *error = nullptr);

    const Credentials &credentials() const { return m_credentials; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // The clock used for X-Realtime-Timestamp, unix seconds; tests and replays set it.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

private:
    QPointer<HttpClient> m_http; // not owned; calls fail cleanly once it is gone
    Credentials m_credentials;
    RequestSigner m_signer;
    int m_timeoutMs = 30000;
    std::function<qint64()> m_clock;
    // The credentials never change after construction: checked once, here.
    QString m_credentialsError;
    QByteArray m_baseUrl;
    QByteArray m_eventsPath; // "/apps/{app_id}/events", the hot path of trigger()
};

} // namespace Apinator
