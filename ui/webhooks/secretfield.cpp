// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "webhooks/secretfield.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace Apinator::Ui {

WebhookSecretField::WebhookSecretField(QWidget *parent)
    : QWidget(parent)
    , m_source(new QComboBox(this))
    , m_typed(new QLineEdit(this))
{
    m_source->setAccessibleName(tr("Secret source"));
    // A long profile name must not widen the whole form.
    m_source->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_source->setMinimumContentsLength(16);
    m_typed->setAccessibleName(tr("Typed secret"));
    m_typed->setEchoMode(QLineEdit::Password);
    m_typed->setPlaceholderText(tr("webhook secret"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_source);
    layout->addWidget(m_typed, 1);
    setProfileSecret({}, {});
    connect(m_source, &QComboBox::currentIndexChanged, this, [this] {
        sync();
        Q_EMIT changed();
    });
    connect(m_typed, &QLineEdit::textChanged, this, &WebhookSecretField::changed);
}

void WebhookSecretField::setProfileSecret(const QByteArray &secret, const QString &label)
{
    // A choice of "Typed" made while a profile secret was offered survives a profile change.
    const bool wasTyped = m_source->count() > 1 && m_source->currentData().toString() == u"typed";
    m_profileSecret = secret;
    const QSignalBlocker blocker(m_source);
    m_source->clear();
    if (!secret.isEmpty())
        m_source->addItem(tr("Profile: %1").arg(label), u"profile"_s);
    m_source->addItem(tr("Typed"), u"typed"_s);
    m_source->setCurrentIndex(wasTyped ? m_source->count() - 1 : 0);
    sync();
    Q_EMIT changed();
}

bool WebhookSecretField::usesProfile() const
{
    return m_source->currentData().toString() == u"profile";
}

QByteArray WebhookSecretField::secret() const
{
    return usesProfile() ? m_profileSecret : m_typed->text().toUtf8();
}

void WebhookSecretField::sync()
{
    m_typed->setVisible(!usesProfile());
}

} // namespace Apinator::Ui
