// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/credentials.h>

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Apinator {

QString Credentials::restBaseUrl() const
{
    if (!baseUrl.isEmpty()) {
        QString url = baseUrl;
        while (url.endsWith(u'/'))
            url.chop(1);
        return url;
    }
    return u"https://ws-%1.apinator.io"_s.arg(cluster);
}

QString Credentials::websocketUrl() const
{
    QString base = restBaseUrl();
    if (base.startsWith(u"https://"))
        base.replace(0, 5, u"wss"_s);
    else if (base.startsWith(u"http://"))
        base.replace(0, 4, u"ws"_s);
    return base + u"/app/"_s + QString::fromUtf8(QUrl::toPercentEncoding(key))
           + u"?protocol=7&client=js&version=1.0.0"_s;
}

QString Credentials::baseUrlError(const QString &url)
{
    if (url.isEmpty())
        return u"base URL is empty"_s;
    const QUrl parsed(url, QUrl::StrictMode);
    if (!url.contains(u"://"))
        return u"base URL \"%1\" has no scheme: write http://%1 or https://%1"_s.arg(url);
    if (!parsed.isValid())
        return u"base URL \"%1\" is not a valid URL: %2"_s.arg(url, parsed.errorString());
    if (parsed.scheme() != u"http" && parsed.scheme() != u"https")
        return u"base URL \"%1\" must start with http:// or https://"_s.arg(url);
    if (parsed.host().isEmpty())
        return u"base URL \"%1\" has no host"_s.arg(url);
    if (parsed.hasQuery() || parsed.hasFragment())
        return u"base URL \"%1\" must not carry a query or fragment"_s.arg(url);
    return {};
}

QString Credentials::clusterError(const QString &name)
{
    if (name.isEmpty())
        return u"cluster is empty"_s;
    for (QChar c : name) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-'))
            return u"cluster \"%1\" contains '%2'; allowed are a-z, 0-9 and '-'"_s.arg(name, c);
    }
    return {};
}

QString Credentials::restError() const
{
    if (appId.isEmpty())
        return u"app id is empty"_s;
    if (key.isEmpty())
        return u"key is empty"_s;
    if (secret.isEmpty())
        return u"secret is empty"_s;
    if (!baseUrl.isEmpty())
        return baseUrlError(baseUrl);
    if (cluster.isEmpty())
        return u"neither a cluster nor a base URL is set"_s;
    return clusterError(cluster);
}

} // namespace Apinator
