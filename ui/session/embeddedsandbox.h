// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/sandboxserver.h>

#include <QObject>
#include <QString>

#include <memory>

namespace Apinator::Ui {

// The console's in-process sandbox: one SandboxServer on loopback, started on the
// preferred port or, when that is taken, on any free one. Owns the server (its port is
// part of its construction-time config, so a retry builds a new one).
class EmbeddedSandbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbeddedSandbox)
public:
    static constexpr quint16 DefaultPort = 6001;

    // base: everything but the port (tests shorten timeouts, add apps).
    // The defaults, but bodies up to 16 MiB: the composer sends data documents of several
    // megabytes, which a 1 MiB limit would answer with 413.
    static SandboxConfig consoleConfig();
    explicit EmbeddedSandbox(SandboxConfig base = consoleConfig(), QObject *parent = nullptr);
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
    const SandboxApp &app() const;
    SandboxServer *server() const { return m_server.get(); }
    // Where the sandbox app's webhooks go (empty: nowhere), now and after a restart.
    bool setWebhookUrl(const QString &url, QString *error = nullptr);

    // "Sandbox on 127.0.0.1:6001", "Sandbox stopped: <reason>", "Sandbox starting…" (before
    // the first start or stop: the console starts it right after its first frame).
    QString stateText() const;

Q_SIGNALS:
    void stateChanged();

private:
    bool tryPort(quint16 port, QString *error);

    SandboxConfig m_base;
    std::unique_ptr<SandboxServer> m_server;
    QString m_stoppedReason;
};

} // namespace Apinator::Ui
