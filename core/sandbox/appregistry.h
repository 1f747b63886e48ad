// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/channelauth.h>
#include <apinator/requestsigner.h>
#include <apinator/sandboxserver.h>

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace Apinator::Sandbox {

// One configured app with its signers, keyed on the first request and reused for every
// one after. Not before: keying loads libcrypto (core/crypto/cryptoruntime.h), which a
// console whose sandbox serves nothing in a session should not pay for. The sandbox lives
// on one thread, so the lazy members need no lock.
struct AppState
{
    explicit AppState(const SandboxApp &app, int index);

    const RequestSigner &requestSigner() const;
    const ChannelAuthSigner &authSigner() const;

    SandboxApp config;
    int index;               // position in the registry, for per-app tables
    QByteArray appId;        // UTF-8, as it appears in REST paths
    QByteArray key;          // UTF-8
    QByteArray webhookSecret; // the secret when no webhook secret is set

private:
    mutable std::optional<RequestSigner> m_requestSigner;
    mutable std::optional<ChannelAuthSigner> m_authSigner;
};

class AppRegistry final
{
public:
    // Empty when the apps can be served, else a sentence naming the field and the rule.
    static QString configError(const QList<SandboxApp> &apps);

    explicit AppRegistry(const QList<SandboxApp> &apps);

    // A handful of apps at most: a linear scan beats hashing a fresh key.
    const AppState *byAppId(QByteArrayView appId) const;
    const AppState *byKey(QByteArrayView key) const;
    int size() const { return int(m_apps.size()); }
    const AppState &at(int index) const { return *m_apps[size_t(index)]; }
    // For SandboxServer::setWebhookUrl: the dispatcher reads the URL at each event.
    void setWebhookUrl(QByteArrayView appId, const QString &url);

private:
    std::vector<std::unique_ptr<AppState>> m_apps;
};

} // namespace Apinator::Sandbox
