// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "auth/authpage.h"

#include "auth/endpointtab.h"
#include "auth/inspecttab.h"
#include "auth/signtab.h"
#include "session/activeprofile.h"

#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

AuthPage::AuthPage(const PageContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_tabs(new QTabWidget(this))
    , m_sign(new SignTab(this))
    , m_inspect(new InspectTab(this))
    , m_endpoint(new EndpointTab(context.app.http, this))
{
    setObjectName(u"authPage"_s);
    m_tabs->setObjectName(u"authTabs"_s);
    m_tabs->setAccessibleName(tr("Auth signatures"));
    m_sign->setObjectName(u"authSignTab"_s);
    m_inspect->setObjectName(u"authInspectTab"_s);
    m_endpoint->setObjectName(u"authEndpointTab"_s);
    m_endpoint->setSharedSettings(context.authEndpoint);
    m_tabs->addTab(m_sign, tr("&Sign"));
    m_tabs->addTab(m_inspect, tr("&Inspect"));
    m_tabs->addTab(m_endpoint, tr("&Endpoint test"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);

    connect(m_endpoint, &EndpointTab::inspectRequested, this,
            [this](const QByteArray &answer, const QByteArray &socketId, const QByteArray &channel) {
                m_inspect->inspect(answer, socketId, channel);
                m_tabs->setCurrentWidget(m_inspect);
            });
    if (m_context.active)
        connect(m_context.active, &ActiveProfile::changed, this, &AuthPage::profileChanged);
    profileChanged();
}

void AuthPage::profileChanged()
{
    ActiveProfile *active = m_context.active;
    AuthKeys keys;
    const std::optional<Profile> profile = active ? active->profile() : std::nullopt;
    const std::optional<Credentials> credentials = active ? active->credentials() : std::nullopt;
    if (!profile) {
        keys.problem = tr("Select a profile: its key and secret sign and check the tokens.");
    } else if (!credentials) {
        keys.problem = active->secretError().isEmpty()
                           ? tr("Reading the secret of profile \"%1\"...").arg(profile->name)
                           : tr("The secret of profile \"%1\" cannot be read: %2").arg(profile->name, active->secretError());
    } else if (credentials->key.isEmpty() || credentials->secret.isEmpty()) {
        keys.problem = tr("Profile \"%1\" has no %2: add it in Profiles.")
                           .arg(profile->name, credentials->key.isEmpty() ? tr("key") : tr("secret"));
    } else {
        keys.profileName = profile->name;
        keys.key = credentials->key.toUtf8();
        keys.secret = credentials->secret;
    }
    m_keys = keys;
    applyKeys();
    if (!active || !keys.usable())
        return;
    // The other profiles' secrets arrive later: "signed with another profile's secret" needs them.
    const QString selectedId = active->id();
    active->readAll(this, [this, selectedId](const QList<ActiveProfile::SavedSecrets> &all) {
        if (!m_context.active || m_context.active->id() != selectedId)
            return;
        QList<AuthProfileKeys> others;
        for (const ActiveProfile::SavedSecrets &saved : all)
            if (saved.profile.id != selectedId && !saved.secret.isEmpty())
                others.append({saved.profile.name, saved.profile.key.toUtf8(), saved.secret});
        m_keys.others = others;
        applyKeys();
    });
}

void AuthPage::applyKeys()
{
    m_sign->setKeys(m_keys);
    m_inspect->setKeys(m_keys);
    m_endpoint->setKeys(m_keys);
    Q_EMIT keysChanged();
}

} // namespace Apinator::Ui
