// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/credentials.h>
#include <apinator/restclient.h>

#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

namespace Apinator::Ui {

// What "Test connection" found out.
struct ConnectionReport
{
    bool ok = false;
    int status = 0;                  // 0: no HTTP answer
    QString reason;                  // "OK", "Unauthorized"
    double latencyMs = 0;
    int channelCount = -1;           // occupied channels listed, -1 when unknown
    QString error;                   // problem detail, title, reason or network error
    std::optional<qint64> clockSkewSeconds; // server Date minus local clock
    QString url;                     // the request's URL, for the user to check

    static constexpr qint64 SkewWarningSeconds = 30;
    bool skewWarning() const { return clockSkewSeconds && qAbs(*clockSkewSeconds) > SkewWarningSeconds; }
};

// Lists the channels of an app with its credentials: the cheapest signed call, so a
// success proves the URL, the app id, the key and the secret together.
class ConnectionTest final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionTest)
public:
    explicit ConnectionTest(HttpClient *http, QObject *parent = nullptr);
    ~ConnectionTest() override;

    // Cancels a test still running. Invalid credentials finish at once (from the event loop).
    void run(const Credentials &credentials);
    void cancel();
    bool isRunning() const { return m_reply != nullptr; }

Q_SIGNALS:
    void finished(const Apinator::Ui::ConnectionReport &report);

private:
    void onFinished();

    HttpClient *m_http;
    RestClient *m_client = nullptr;
    QPointer<RestReply> m_reply;
};

} // namespace Apinator::Ui
