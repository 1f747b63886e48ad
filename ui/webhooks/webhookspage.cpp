// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "webhooks/webhookspage.h"

#include "session/activeprofile.h"
#include "session/embeddedsandbox.h"
#include "webhooks/composetab.h"
#include "webhooks/inspecttab.h"
#include "webhooks/listentab.h"
#include "webhooks/secretfield.h"

#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

WebhooksPage::WebhooksPage(const PageContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_tabs(new QTabWidget(this))
    , m_inspect(new WebhookInspectTab(this))
    , m_listen(new WebhookListenTab(context.app.http, context.app.sandbox, context.app.dataDir, this))
    , m_compose(new WebhookComposeTab(context.app.http, this))
{
    setObjectName(u"webhooksPage"_s);
    m_tabs->setObjectName(u"webhooksTabs"_s);
    m_tabs->setAccessibleName(tr("Webhooks"));
    m_inspect->setObjectName(u"webhooksInspectTab"_s);
    m_listen->setObjectName(u"webhooksListenTab"_s);
    m_compose->setObjectName(u"webhooksComposeTab"_s);
    m_tabs->addTab(m_inspect, tr("&Inspect"));
    m_tabs->addTab(m_listen, tr("&Listen"));
    m_tabs->addTab(m_compose, tr("&Compose"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);

    // A capture is checked at the time it arrived, so an old one reads as it did then.
    connect(m_listen, &WebhookListenTab::captureSelected, this, [this](const WebhookCapture &capture) {
        m_inspect->setRaw(capture.raw(), capture.received.toSecsSinceEpoch());
    });
    connect(m_inspect->secretField(), &WebhookSecretField::changed, this, &WebhooksPage::pushVerifier);
    if (m_context.active)
        connect(m_context.active, &ActiveProfile::changed, this, &WebhooksPage::profileChanged);
    profileChanged();
}

void WebhooksPage::profileChanged()
{
    ActiveProfile *active = m_context.active;
    const std::optional<Profile> profile = active ? active->profile() : std::nullopt;
    std::optional<Credentials> credentials = active ? active->credentials() : std::nullopt;
    // The embedded sandbox's secrets are known in-process; on a first start the store may not
    // hold them yet when the profile is selected (as the Trigger page does).
    if (profile && profile->embeddedSandbox && m_context.app.sandbox)
        credentials = profile->credentials(m_context.app.sandbox->app().secret,
                                           m_context.app.sandbox->app().webhookSecret);
    QByteArray secret;
    QString label;
    m_candidates.clear();
    if (profile && credentials) {
        secret = credentials->webhookSigningSecret();
        label = credentials->webhookSecret.isEmpty() ? tr("secret of %1").arg(profile->name)
                                                     : tr("webhook secret of %1").arg(profile->name);
        if (!credentials->webhookSecret.isEmpty() && !credentials->secret.isEmpty()
            && credentials->secret != credentials->webhookSecret)
            m_candidates.append({WebhookCandidateSecret::Kind::ApiSecret, {}, credentials->secret});
    }
    m_inspect->secretField()->setProfileSecret(secret, label);
    m_compose->secretField()->setProfileSecret(secret, label);
    m_inspect->setCandidates(m_candidates);
    pushVerifier();
    if (!active || !profile)
        return;
    // The other profiles' secrets arrive later: "signed with another profile's secret" needs them.
    const QString selectedId = active->id();
    active->readAll(this, [this, selectedId](const QList<ActiveProfile::SavedSecrets> &all) {
        if (!m_context.active || m_context.active->id() != selectedId)
            return;
        for (const ActiveProfile::SavedSecrets &saved : all) {
            if (saved.profile.id == selectedId)
                continue;
            if (!saved.webhookSecret.isEmpty())
                m_candidates.append({WebhookCandidateSecret::Kind::OtherProfileWebhookSecret, saved.profile.name,
                                     saved.webhookSecret});
            if (!saved.secret.isEmpty())
                m_candidates.append(
                    {WebhookCandidateSecret::Kind::OtherProfileSecret, saved.profile.name, saved.secret});
        }
        m_inspect->setCandidates(m_candidates);
        pushVerifier();
    });
}

void WebhooksPage::pushVerifier()
{
    m_listen->setVerifier(m_inspect->secretField()->secret());
}

} // namespace Apinator::Ui
