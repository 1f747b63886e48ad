// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "connectiontest.h"

#include <apinator/restclient.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

namespace {
// Long enough for a slow network, short enough that a wrong host does not look like a hang.
constexpr int TimeoutMs = 15000;
} // namespace

ConnectionTest::ConnectionTest(HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_http(http)
{
}

ConnectionTest::~ConnectionTest()
{
    cancel();
}

void ConnectionTest::cancel()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    m_reply = nullptr;
    if (m_client)
        m_client->deleteLater();
    m_client = nullptr;
}

void ConnectionTest::run(const Credentials &credentials)
{
    cancel();
    m_client = new RestClient(m_http, credentials, this);
    m_client->setTimeoutMs(TimeoutMs);
    QString error;
    m_reply = m_client->channels({}, &error);
    if (!m_reply) {
        ConnectionReport report;
        report.error = error;
        // Same contract as a network answer: never from inside run().
        QTimer::singleShot(0, this, [this, report] { Q_EMIT finished(report); });
        return;
    }
    connect(m_reply, &RestReply::finished, this, &ConnectionTest::onFinished);
}

void ConnectionTest::onFinished()
{
    RestReply *reply = m_reply;
    if (!reply)
        return;
    const RestResult &result = reply->result();
    ConnectionReport report;
    report.ok = result.ok();
    report.status = result.response.status;
    report.reason = QString::fromLatin1(result.response.reasonPhrase);
    report.latencyMs = result.elapsedMs;
    report.error = result.errorMessage;
    report.clockSkewSeconds = result.clockSkewSeconds;
    report.url = QString::fromUtf8(result.request.url);
    if (report.ok) {
        const QJsonDocument body = QJsonDocument::fromJson(result.response.body);
        if (body.isObject() && body.object().value(u"channels"_s).isArray())
            report.channelCount = int(body.object().value(u"channels"_s).toArray().size());
    }
    m_reply = nullptr;
    reply->deleteLater();
    m_client->deleteLater();
    m_client = nullptr;
    Q_EMIT finished(report);
}

} // namespace Apinator::Ui
