// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "auth/fielderror.h"

#include "widgets/environmentchip.h"

namespace Apinator::Ui {

QLabel *makeFieldError(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette p = label->palette();
    // The production colour is the console's "wrong" colour.
    p.setColor(QPalette::WindowText, environmentColor(Environment::Production));
    label->setPalette(p);
    label->hide();
    return label;
}

void setFieldError(QLabel *label, const QString &message)
{
    label->setText(message);
    label->setAccessibleName(message);
    label->setVisible(!message.isEmpty());
}

QLineEdit *makeLineEdit(const QString &objectName, const QString &accessibleName, const QString &placeholder,
                        QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setPlaceholderText(placeholder);
    return edit;
}

} // namespace Apinator::Ui
