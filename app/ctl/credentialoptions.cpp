// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "credentialoptions.h"

#include "options.h"
#include "profilecredentials.h"

#include <QtGlobal>

#include <optional>

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

namespace {

struct Source
{
    QString value;
    QString origin; // the flag or variable it came from, for messages
};

struct Field
{
    QString flag;
    const char *variable;
};

const Field AppIdField{u"--app-id"_s, "APINATOR_APP_ID"};
const Field KeyField{u"--key"_s, "APINATOR_KEY"};
const Field SecretField{u"--secret"_s, "APINATOR_SECRET"};
const Field WebhookSecretField{u"--webhook-secret"_s, "APINATOR_WEBHOOK_SECRET"};
const Field ClusterField{u"--cluster"_s, "APINATOR_CLUSTER"};
const Field BaseUrlField{u"--base-url"_s, "APINATOR_BASE_URL"};

Source fromFlag(const Options &options, const Field &field)
{
    if (const auto v = options.value(field.flag))
        return {*v, field.flag};
    return {};
}

// An exported but empty variable counts as unset: it is a leftover, not a credential.
Source fromEnvironment(const Field &field)
{
    const QString v = qEnvironmentVariable(field.variable);
    if (v.isEmpty())
        return {};
    return {v, QLatin1StringView(field.variable)};
}

const QString ProfileFlag = u"--profile"_s;

[[noreturn]] void missing(const Field &field, const std::optional<ProfileCredentials> &profile = std::nullopt)
{
    if (profile)
        throw UsageError(field.flag, u"required (%1 has none%2)"_s.arg(
                                         profile->origin,
                                         &field == &SecretField || &field == &WebhookSecretField
                                             ? u" "_s + profile->secretsWhere
                                             : QString()));
    throw UsageError(field.flag, u"required (or set "_s + QLatin1StringView(field.variable) + u')');
}

} // namespace

void addCredentialOptions(Options &options, Needs needs)
{
    const auto add = [&options](const Field &field, bool used, const QString &valueName, const QString &help) {
        if (used)
            options.addOption(field.flag, valueName, help + u" (else $"_s + QLatin1StringView(field.variable) + u')');
        else
            options.addHidden(field.flag, valueName);
    };
    const bool location = needs.testFlag(Need::Location);
    add(AppIdField, needs.testFlag(Need::AppId), u"ID"_s, u"app id"_s);
    add(KeyField, needs.testFlag(Need::Key), u"KEY"_s, u"app key"_s);
    add(SecretField, needs.testFlag(Need::Secret) || needs.testFlag(Need::WebhookSecret), u"SECRET"_s,
        needs.testFlag(Need::Secret) ? u"app secret"_s : u"app secret, used when there is no webhook secret"_s);
    add(WebhookSecretField, needs.testFlag(Need::WebhookSecret), u"SECRET"_s, u"webhook secret"_s);
    add(ClusterField, location, u"CLUSTER"_s, u"cluster: eu, us"_s);
    add(BaseUrlField, location, u"URL"_s, u"base URL, wins over a cluster: http://127.0.0.1:6001"_s);
    if (needs)
        options.addOption(ProfileFlag, u"NAME"_s,
                          u"a profile saved by the console, secrets from the keyring; flags beside it win, "
                          "and the APINATOR_* variables are then not read"_s);
    else
        options.addHidden(ProfileFlag, u"NAME"_s);
}

Credentials resolveCredentials(const Options &options, Needs needs)
{
    // Flags win, then --profile, then the environment. A profile replaces the environment
    // wholesale: a stray APINATOR_* of another app must not mix into a saved profile.
    std::optional<ProfileCredentials> profile;
    if (const auto name = options.value(ProfileFlag)) {
        const bool secretFlag = options.value(SecretField.flag).has_value();
        const bool webhookFlag = options.value(WebhookSecretField.flag).has_value();
        // Ask the keyring only for what no flag gives: the secret also backs a missing webhook secret.
        const bool wantWebhook = !webhookFlag && needs.testFlag(Need::WebhookSecret);
        const bool wantSecret = !secretFlag && (needs.testFlag(Need::Secret) || wantWebhook);
        profile = loadProfileCredentials(*name, wantSecret, wantWebhook);
    }
    const auto pick = [&](const Field &field, QString ProfileCredentials::*member) {
        Source s = fromFlag(options, field);
        if (!s.origin.isEmpty() || !profile)
            return s.origin.isEmpty() ? fromEnvironment(field) : s;
        const QString &value = (*profile).*member;
        return value.isEmpty() ? Source{} : Source{value, profile->origin};
    };
    const Source appId = pick(AppIdField, &ProfileCredentials::appId);
    const Source key = pick(KeyField, &ProfileCredentials::key);
    const Source secret = pick(SecretField, &ProfileCredentials::secret);
    const Source webhookSecret = pick(WebhookSecretField, &ProfileCredentials::webhookSecret);
    Source cluster = fromFlag(options, ClusterField);
    Source baseUrl = fromFlag(options, BaseUrlField);
    if (cluster.origin.isEmpty() && baseUrl.origin.isEmpty()) {
        cluster = profile ? Source{profile->cluster, profile->origin} : fromEnvironment(ClusterField);
        baseUrl = profile ? Source{profile->baseUrl, profile->origin} : fromEnvironment(BaseUrlField);
    }

    if (needs.testFlag(Need::AppId) && appId.value.isEmpty())
        missing(AppIdField, profile);
    if (needs.testFlag(Need::Key) && key.value.isEmpty())
        missing(KeyField, profile);
    if (needs.testFlag(Need::Secret) && secret.value.isEmpty())
        missing(SecretField, profile);
    if (needs.testFlag(Need::WebhookSecret) && webhookSecret.value.isEmpty() && secret.value.isEmpty())
        throw UsageError(WebhookSecretField.flag,
                         profile ? u"required (%1 has neither a webhook secret nor a secret %2)"_s.arg(
                                       profile->origin, profile->secretsWhere)
                                 : u"required (or --secret, or set APINATOR_WEBHOOK_SECRET or APINATOR_SECRET)"_s);

    Credentials credentials;
    credentials.appId = appId.value;
    credentials.key = key.value;
    credentials.secret = secret.value.toUtf8();
    credentials.webhookSecret = webhookSecret.value.toUtf8();
    if (!baseUrl.value.isEmpty())
        credentials.baseUrl = baseUrl.value;
    else
        credentials.cluster = cluster.value;

    if (needs.testFlag(Need::Location)) {
        if (!baseUrl.value.isEmpty()) {
            if (const QString error = Credentials::baseUrlError(baseUrl.value); !error.isEmpty())
                throw UsageError(baseUrl.origin, error);
        } else if (!cluster.value.isEmpty()) {
            if (const QString error = Credentials::clusterError(cluster.value); !error.isEmpty())
                throw UsageError(cluster.origin, error);
        } else {
            throw UsageError(BaseUrlField.flag,
                             u"required (or --cluster, or set APINATOR_BASE_URL or APINATOR_CLUSTER)"_s);
        }
    }
    if ((needs & RestNeeds) == RestNeeds) {
        if (const QString error = credentials.restError(); !error.isEmpty())
            throw UsageError(u"credentials"_s, error);
    }
    return credentials;
}

} // namespace Apinator::Ctl
