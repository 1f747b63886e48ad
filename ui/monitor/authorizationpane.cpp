// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "monitor/authorizationpane.h"

#include "auth/fielderror.h"
#include "session/authendpointsettings.h"
#include "widgets/widgethelpers.h"

#include <QFormLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

AuthorizationPane::AuthorizationPane(AuthEndpointSettings *endpoint, HttpClient *http, QWidget *parent)
    : QWidget(parent)
    , m_endpoint(endpoint)
    , m_http(http)
    , m_local(new QRadioButton(tr("Sign &locally with the profile's secret"), this))
    , m_useEndpoint(new QRadioButton(tr("Ask my auth &endpoint (set on the Auth page)"), this))
    , m_endpointInfo(new QLabel(this))
    , m_userId(makeLineEdit(u"monitorUserId"_s, tr("Presence user id"), tr("empty: a generated console-… id"), this))
    , m_userInfo(makeLineEdit(u"monitorUserInfo"_s, tr("Presence user info JSON"), u"{\"name\": \"Console\"}"_s, this))
    , m_userInfoError(makeFieldError(u"monitorUserInfoError"_s, this))
{
    setNames(m_local, u"monitorAuthLocal"_s, tr("Sign subscriptions locally with the profile's secret"));
    setNames(m_useEndpoint, u"monitorAuthEndpoint"_s, tr("Authorize subscriptions through my auth endpoint"));
    setNames(m_endpointInfo, u"monitorAuthEndpointInfo"_s, tr("Auth endpoint in use"));
    m_local->setChecked(true);
    m_endpointInfo->setWordWrap(true);
    m_endpointInfo->setTextFormat(Qt::PlainText);
    m_userInfo->setText(u"{}"_s);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("User &id"), m_userId);
    form->addRow(tr("User i&nfo"), m_userInfo);
    form->addRow(QString(), m_userInfoError);
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Private and presence channels"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    layout->addWidget(title);
    layout->addWidget(m_local);
    layout->addWidget(m_useEndpoint);
    layout->addWidget(m_endpointInfo);
    auto *presence = new QLabel(tr("Presence identity"), this);
    presence->setFont(bold);
    layout->addSpacing(8);
    layout->addWidget(presence);
    layout->addLayout(form);
    auto *note = new QLabel(tr("Changes apply to the next subscriptions."), this);
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addStretch(1);

    connect(m_local, &QRadioButton::toggled, this, &AuthorizationPane::validate);
    connect(m_userId, &QLineEdit::textChanged, this, &AuthorizationPane::validate);
    connect(m_userInfo, &QLineEdit::textChanged, this, &AuthorizationPane::validate);
    if (m_endpoint)
        connect(m_endpoint, &AuthEndpointSettings::changed, this, &AuthorizationPane::validate);
    validate();
}

void AuthorizationPane::validate()
{
    const bool endpointSet = m_endpoint && m_endpoint->isSet();
    m_endpointInfo->setText(endpointSet ? tr("Endpoint: %1 (%2 body, %3 extra headers)")
                                              .arg(QString::fromUtf8(m_endpoint->request().url),
                                                   authFormatName(m_endpoint->request().format))
                                              .arg(m_endpoint->request().headers.size())
                                        : tr("No endpoint yet: type its URL in the Auth page's Endpoint tab."));
    QJsonParseError parse{};
    const QJsonDocument info = QJsonDocument::fromJson(m_userInfo->text().toUtf8(), &parse);
    const QString infoError = parse.error != QJsonParseError::NoError ? tr("Not JSON: %1").arg(parse.errorString())
                              : !info.isObject()                      ? tr("The user info must be a JSON object")
                                                                      : QString();
    setFieldError(m_userInfoError, infoError);
    if (m_useEndpoint->isChecked() && !endpointSet)
        m_error = tr("Set the endpoint's URL on the Auth page first");
    else
        m_error = infoError;
    if (m_error.isEmpty())
        Q_EMIT changed();
}

RealtimeAuthorization AuthorizationPane::authorization() const
{
    RealtimeAuthorization auth;
    auth.userId = m_userId->text().trimmed();
    auth.userInfo = m_userInfo->text().trimmed().toUtf8();
    if (m_useEndpoint->isChecked() && m_endpoint && m_endpoint->isSet()) {
        auth.endpoint = m_endpoint->request();
        auth.http = m_http;
    }
    return auth;
}

} // namespace Apinator::Ui
