// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "embeddedsandbox.h"

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

SandboxConfig EmbeddedSandbox::consoleConfig()
{
    SandboxConfig config;
    config.maxBodyBytes = qint64(16) * 1024 * 1024;
    return config;
}

EmbeddedSandbox::EmbeddedSandbox(SandboxConfig base, QObject *parent)
    : QObject(parent)
    , m_base(std::move(base))
{
    if (m_base.apps.isEmpty())
        m_base.apps = {SandboxApp{}};
}

EmbeddedSandbox::~EmbeddedSandbox() = default;

bool EmbeddedSandbox::tryPort(quint16 port, QString *error)
{
    SandboxConfig config = m_base;
    config.port = port;
    auto server = std::make_unique<SandboxServer>(config);
    if (!server->start(error))
        return false;
    m_server = std::move(server);
    return true;
}

bool EmbeddedSandbox::start(quint16 preferredPort)
{
    if (isRunning())
        return true;
    m_server.reset();
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
    if (m_server)
        m_server->stop();
    m_server.reset();
    m_stoppedReason = reason;
    Q_EMIT stateChanged();
}

bool EmbeddedSandbox::isRunning() const
{
    return m_server && m_server->isListening();
}

quint16 EmbeddedSandbox::port() const
{
    return isRunning() ? m_server->port() : 0;
}

QString EmbeddedSandbox::baseUrl() const
{
    return isRunning() ? m_server->baseUrl() : QString();
}

bool EmbeddedSandbox::setWebhookUrl(const QString &url, QString *error)
{
    if (m_server && !m_server->setWebhookUrl(m_base.apps.constFirst().appId, url, error))
        return false;
    m_base.apps.first().webhookUrl = url;
    Q_EMIT stateChanged();
    return true;
}

const SandboxApp &EmbeddedSandbox::app() const
{
    return m_base.apps.constFirst();
}

QString EmbeddedSandbox::stateText() const
{
    if (isRunning())
        return tr("Sandbox on %1:%2").arg(m_base.host.toString()).arg(port());
    if (!m_stoppedReason.isEmpty())
        return tr("Sandbox stopped: %1").arg(m_stoppedReason);
    return tr("Sandbox starting…");
}

} // namespace Apinator::Ui
