// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>
#include <QLineEdit>
#include <QString>

namespace Apinator::Ui {

// The message under one field of the Auth page: hidden when empty, in the error colour.
QLabel *makeFieldError(const QString &objectName, QWidget *parent);
void setFieldError(QLabel *label, const QString &message);
// A line edit with its object name, accessible name and placeholder.
QLineEdit *makeLineEdit(const QString &objectName, const QString &accessibleName, const QString &placeholder,
                        QWidget *parent);

} // namespace Apinator::Ui
