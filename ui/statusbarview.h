// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/profile.h>

#include <QStatusBar>

#include <optional>

class QLabel;

namespace Apinator::Ui {

class EmbeddedSandbox;
class EnvironmentChip;

// The bottom line: the active profile (with its environment), its base URL, and the
// state of the embedded sandbox.
class StatusBarView final : public QStatusBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusBarView)
public:
    explicit StatusBarView(EmbeddedSandbox *sandbox, QWidget *parent = nullptr);

    void setProfile(const std::optional<Profile> &profile);

    QString profileText() const;
    QString urlText() const;
    QString sandboxText() const;

private:
    void refreshSandbox();

    EmbeddedSandbox *m_sandbox;
    EnvironmentChip *m_chip;
    QLabel *m_profile;
    QLabel *m_url;
    QLabel *m_sandboxIcon;
    QLabel *m_sandboxState;
};

} // namespace Apinator::Ui
