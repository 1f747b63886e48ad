// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "statusbarview.h"

#include "session/embeddedsandbox.h"
#include "widgets/environmentchip.h"
#include "widgets/icons.h"
#include "widgets/selectablelabel.h"
#include "widgets/textlabel.h"

#include <QLabel>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

StatusBarView::StatusBarView(EmbeddedSandbox *sandbox, QWidget *parent)
    : QStatusBar(parent)
    , m_sandbox(sandbox)
    , m_chip(new EnvironmentChip(this))
    , m_profile(new TextLabel(this))
    , m_url(new TextLabel(this))
    , m_sandboxIcon(new QLabel(this))
    , m_sandboxState(new TextLabel(this))
{
    setObjectName(u"statusBar"_s);
    m_profile->setObjectName(u"statusProfile"_s);
    m_url->setObjectName(u"statusUrl"_s);
    m_sandboxState->setObjectName(u"statusSandbox"_s);
    makeSelectableByMouse(m_url);
    for (QLabel *label : {m_profile, m_url, m_sandboxState})
        label->setTextFormat(Qt::PlainText);
    // Left: the profile and where it sends; right: the sandbox.
    addWidget(m_chip);
    addWidget(m_profile);
    addWidget(m_url, 1);
    addPermanentWidget(m_sandboxIcon);
    addPermanentWidget(m_sandboxState);
    connect(m_sandbox, &EmbeddedSandbox::stateChanged, this, &StatusBarView::refreshSandbox);
    setProfile(std::nullopt);
    refreshSandbox();
}

void StatusBarView::setProfile(const std::optional<Profile> &profile)
{
    m_chip->setVisible(profile.has_value());
    if (!profile) {
        m_profile->setText(tr("No profile"));
        m_url->clear();
        return;
    }
    m_chip->setEnvironment(profile->environment);
    m_profile->setText(profile->name);
    m_profile->setAccessibleName(tr("Active profile: %1").arg(profile->name));
    m_url->setText(profile->restBaseUrl());
    m_url->setAccessibleName(tr("Base URL: %1").arg(profile->restBaseUrl()));
}

void StatusBarView::refreshSandbox()
{
    const int side = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    const QString name = m_sandbox->isRunning() ? u"ok"_s : u"sandbox"_s;
    m_sandboxIcon->setPixmap(icon(name).pixmap(QSize(side, side), devicePixelRatioF()));
    m_sandboxState->setText(m_sandbox->stateText());
    m_sandboxState->setAccessibleName(m_sandbox->stateText());
}

QString StatusBarView::profileText() const
{
    return m_profile->text();
}

QString StatusBarView::urlText() const
{
    return m_url->text();
}

QString StatusBarView::sandboxText() const
{
    return m_sandboxState->text();
}

} // namespace Apinator::Ui
