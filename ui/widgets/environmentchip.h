// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/profile.h>

#include <QColor>
#include <QIcon>
#include <QWidget>

namespace Apinator::Ui {

// One colour per environment, the same everywhere (sidebar, page header, status bar):
// saturated enough to tell apart on light and on dark backgrounds.
QColor environmentColor(Environment environment);
// A filled dot in the environment's colour, drawn at the exact size asked for.
QIcon environmentIcon(Environment environment);

// A rounded label "Production" on the environment's colour.
class EnvironmentChip final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentChip)
public:
    explicit EnvironmentChip(QWidget *parent = nullptr);

    void setEnvironment(Environment environment);
    Environment environment() const { return m_environment; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    Environment m_environment = Environment::Development;
    // Layouts ask for the hint many times while a window is first laid out; measuring the
    // text each time showed in start-up profiles. Cleared on a new text or font.
    mutable QSize m_sizeHint;
};

} // namespace Apinator::Ui
