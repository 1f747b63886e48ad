// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "embeddedsandbox.h"

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

EmbeddedSandbox::EmbeddedSandbox(SandboxHostFactory factory, SandboxApp app, QObject *parent)
    : QObject(parent)
    , m_factory(std::move(factory))
    , m_app(std::move(app))
{
}

EmbeddedSandbox::~EmbeddedSandbox() = default;

bool EmbeddedSandbox::tryPort(quint16 port, QString *error)
{
    m_host = m_factory(port, {m_app}, error);
    return m_host != nullptr;
}

bool EmbeddedSandbox::start(quint16 preferredPort)
{
    if (isRunning())
        return true;
    m_host.reset();
    QString preferredError;
    // Port 0 asks the kernel for any free port: the fallback when the usual one is taken.
    const bool ok = tryPort(preferredPort, &preferredError) || (preferredPort != 0 && tryPort(0, &m_stoppedReason));
    if (ok)
        m_stoppedReason.clear();
    else if (m_stoppedReason.isEmpty())
        m_stoppedReason = preferredError;
    Q_EMIT stateChanged();
    return ok;
}

void EmbeddedSandbox::stop(const QString &reason)
{
    if (m_host)
        m_host->stop();
    m_host.reset();
    m_stoppedReason = reason;
    Q_EMIT stateChanged();
}

bool EmbeddedSandbox::isRunning() const
{
    return m_host && m_host->isListening();
}

quint16 EmbeddedSandbox::port() const
{
    return isRunning() ? m_host->port() : 0;
}

QString EmbeddedSandbox::baseUrl() const
{
    return isRunning() ? m_host->baseUrl() : QString();
}

bool EmbeddedSandbox::setWebhookUrl(const QString &url, QString *error)
{
    if (m_host && !m_host->setWebhookUrl(m_app.appId, url, error))
        return false;
    m_app.webhookUrl = url;
    Q_EMIT stateChanged();
    return true;
}

QString EmbeddedSandbox::stateText() const
{
    if (isRunning())
        return tr("Sandbox on %1:%2").arg(m_host->host()).arg(port());
    if (!m_stoppedReason.isEmpty())
        return tr("Sandbox stopped: %1").arg(m_stoppedReason);
    return tr("Sandbox starting…");
}

} // namespace Apinator::Ui
