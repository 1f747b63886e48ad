// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "appregistry.h"

#include <QSet>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Apinator::Sandbox {

namespace {

bool isPathSafe(QStringView text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' || u == '_'
              || u == '.'))
            return false;
    }
    return !text.isEmpty();
}

} // namespace

AppState::AppState(const SandboxApp &app, int index)
    : config(app)
    , index(index)
    , appId(app.appId.toUtf8())
    , key(app.key.toUtf8())
    , webhookSecret(app.webhookSecret.isEmpty() ? app.secret : app.webhookSecret)
{
}

const RequestSigner &AppState::requestSigner() const
{
    if (!m_requestSigner)
        m_requestSigner.emplace(key, config.secret);
    return *m_requestSigner;
}

const ChannelAuthSigner &AppState::authSigner() const
{
    if (!m_authSigner)
        m_authSigner.emplace(key, config.secret);
    return *m_authSigner;
}

QString AppRegistry::configError(const QList<SandboxApp> &apps)
{
    if (apps.isEmpty())
        return u"the sandbox needs at least one app"_s;
    QSet<QString> ids;
    QSet<QString> keys;
    for (const SandboxApp &app : apps) {
        if (!isPathSafe(app.appId))
            return u"app id \"%1\" must be non-empty and use only letters, digits, '-', '_' and '.'"_s.arg(app.appId);
        if (!isPathSafe(app.key))
            return u"key \"%1\" of app \"%2\" must be non-empty and use only letters, digits, '-', '_' and '.'"_s
                .arg(app.key, app.appId);
        if (app.secret.isEmpty())
            return u"app \"%1\" has an empty secret"_s.arg(app.appId);
        if (ids.contains(app.appId))
            return u"app id \"%1\" is configured twice"_s.arg(app.appId);
        if (keys.contains(app.key))
            return u"key \"%1\" is configured for two apps"_s.arg(app.key);
        ids.insert(app.appId);
        keys.insert(app.key);
        if (!app.webhookUrl.isEmpty()) {
            const QUrl url(app.webhookUrl, QUrl::StrictMode);
            if (!url.isValid() || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1) || url.host().isEmpty())
                return u"webhook URL \"%1\" of app \"%2\" is not an absolute http:// or https:// URL"_s.arg(
                    app.webhookUrl, app.appId);
        }
    }
    return {};
}

AppRegistry::AppRegistry(const QList<SandboxApp> &apps)
{
    m_apps.reserve(size_t(apps.size()));
    for (const SandboxApp &app : apps)
        m_apps.push_back(std::make_unique<AppState>(app, int(m_apps.size())));
}

void AppRegistry::setWebhookUrl(QByteArrayView appId, const QString &url)
{
    for (const auto &app : m_apps)
        if (app->appId == appId)
            app->config.webhookUrl = url;
}

const AppState *AppRegistry::byAppId(QByteArrayView appId) const
{
    for (const auto &app : m_apps)
        if (app->appId == appId)
            return app.get();
    return nullptr;
}

const AppState *AppRegistry::byKey(QByteArrayView key) const
{
    for (const auto &app : m_apps)
        if (app->key == key)
            return app.get();
    return nullptr;
}

} // namespace Apinator::Sandbox
