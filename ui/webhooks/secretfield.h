// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QWidget>

class QComboBox;
class QLineEdit;

namespace Apinator::Ui {

// The secret a tab signs or verifies with: the profile's (webhook secret, else secret),
// never shown, or one typed in a password field.
class WebhookSecretField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookSecretField)
public:
    explicit WebhookSecretField(QWidget *parent = nullptr);

    // label: "webhook secret of Sandbox"; an empty secret leaves only "Typed".
    void setProfileSecret(const QByteArray &secret, const QString &label);
    QByteArray secret() const;
    bool usesProfile() const;
    QComboBox *source() const { return m_source; }
    QLineEdit *typed() const { return m_typed; }

Q_SIGNALS:
    void changed();

private:
    void sync();

    QComboBox *m_source;
    QLineEdit *m_typed;
    QByteArray m_profileSecret;
};

} // namespace Apinator::Ui
