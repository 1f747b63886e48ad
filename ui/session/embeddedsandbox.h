// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "session/sandboxhost.h"

#include <QObject>
#include <QString>

#include <memory>

namespace Apinator::Ui {

// The console's in-process sandbox: one server on loopback, started on the preferred port
// or, when that is taken, on any free one. The server comes from a SandboxHostFactory
// (sandboxServerFactory() makes SandboxServers); this class keeps what the window shows
// between servers: the app, its webhook URL, why the last one stopped.
class EmbeddedSandbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbeddedSandbox)
public:
    static constexpr quint16 DefaultPort = 6001;

    explicit EmbeddedSandbox(SandboxHostFactory factory, SandboxApp app = {}, QObject *parent = nullptr);
    ~EmbeddedSandbox() override;

    // Listens on 127.0.0.1:preferredPort, else on a free port. False when neither works
    // (stoppedReason() says why). A running sandbox is left as it is.
    bool start(quint16 preferredPort = DefaultPort);
    void stop(const QString &reason);

    bool isRunning() const;
    quint16 port() const;        // 0 when stopped
    QString baseUrl() const;     // http://127.0.0.1:PORT, empty when stopped
    const QString &stoppedReason() const { return m_stoppedReason; }
    // The app profiles created for the sandbox use: its id, key and secrets.
    const SandboxApp &app() const { return m_app; }
    SandboxServer *server() const { return m_host ? m_host->server() : nullptr; }
    // Where the sandbox app's webhooks go (empty: nowhere), now and after a restart.
    bool setWebhookUrl(const QString &url, QString *error = nullptr);

    // "Sandbox on 127.0.0.1:6001", "Sandbox stopped: <reason>", "Sandbox starting…" (before
    // the first start or stop: the console starts it right after its first frame).
    QString stateText() const;

Q_SIGNALS:
    void stateChanged();

private:
    bool tryPort(quint16 port, QString *error);

    SandboxHostFactory m_factory;
    SandboxApp m_app;
    std::unique_ptr<SandboxHost> m_host;
    QString m_stoppedReason;
};

} // namespace Apinator::Ui
