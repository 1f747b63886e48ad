// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "session/sandboxserverhost.h"

namespace Apinator::Ui {

namespace {

class ServerHost final : public SandboxHost
{
public:
    explicit ServerHost(std::unique_ptr<SandboxServer> server)
        : m_server(std::move(server))
    {
    }

    bool isListening() const override { return m_server->isListening(); }
    QString host() const override { return m_server->config().host.toString(); }
    quint16 port() const override { return m_server->port(); }
    QString baseUrl() const override { return m_server->baseUrl(); }
    bool setWebhookUrl(const QString &appId, const QString &url, QString *error) override
    {
        return m_server->setWebhookUrl(appId, url, error);
    }
    void stop() override { m_server->stop(); }
    SandboxServer *server() override { return m_server.get(); }

private:
    std::unique_ptr<SandboxServer> m_server;
};

} // namespace

SandboxConfig consoleSandboxConfig()
{
    SandboxConfig config;
    config.maxBodyBytes = qint64(16) * 1024 * 1024;
    return config;
}

SandboxHostFactory sandboxServerFactory(SandboxConfig base)
{
    return [base = std::move(base)](quint16 port, const QList<SandboxApp> &apps,
                                    QString *error) -> std::unique_ptr<SandboxHost> {
        SandboxConfig config = base;
        config.port = port;
        config.apps = apps;
        auto server = std::make_unique<SandboxServer>(std::move(config));
        if (!server->start(error))
            return nullptr;
        return std::make_unique<ServerHost>(std::move(server));
    };
}

} // namespace Apinator::Ui
