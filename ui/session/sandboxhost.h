// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/sandboxapp.h>

#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace Apinator {
class SandboxServer;
}

namespace Apinator::Ui {

// A sandbox server that is listening, as EmbeddedSandbox sees it. EmbeddedSandbox keeps the
// state the window shows (the app, the reason it stopped); the server comes from a
// SandboxHostFactory, so that the window's code reaches Qt Network only through one.
class SandboxHost
{
public:
    virtual ~SandboxHost() = default;

    virtual bool isListening() const = 0;
    virtual QString host() const = 0;    // 127.0.0.1
    virtual quint16 port() const = 0;
    virtual QString baseUrl() const = 0; // http://127.0.0.1:PORT
    // Points an app's webhooks elsewhere (empty: none); false with *error set.
    virtual bool setWebhookUrl(const QString &appId, const QString &url, QString *error) = 0;
    virtual void stop() = 0;
    // The server itself, for code that works with it (tests, the WebSocket URL).
    virtual SandboxServer *server() = 0;
};

// Starts a server for apps on port (0: any free port): the host when it listens, else
// nullptr with *error set (the address is in use, ...).
using SandboxHostFactory =
    std::function<std::unique_ptr<SandboxHost>(quint16 port, const QList<SandboxApp> &apps, QString *error)>;

} // namespace Apinator::Ui
