// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace Apinator {

// The credentials of one app (PROTOCOL.md, "Credentials of an app").
struct Credentials
{
    QString appId;
    QString key;
    QByteArray secret;
    QByteArray webhookSecret; // empty: the secret is used
    QString cluster;          // "eu", "us", ...
    QString baseUrl;          // "http://127.0.0.1:6001": wins over the cluster

    // baseUrl without a trailing slash, else https://ws-{cluster}.apinator.io.
    QString restBaseUrl() const;
    // ws(s)://host[:port]/app/{key}?protocol=7&client=js&version=1.0.0
    QString websocketUrl() const;
    const QByteArray &webhookSigningSecret() const { return webhookSecret.isEmpty() ? secret : webhookSecret; }

    // Empty when usable for REST calls, else a sentence naming the field and the rule.
    QString restError() const;
    // Just the base URL / cluster checks.
    static QString baseUrlError(const QString &baseUrl);
    static QString clusterError(const QString &cluster);
};

} // namespace Apinator
