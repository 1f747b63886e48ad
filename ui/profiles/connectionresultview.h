// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "connectiontest.h"

#include <QWidget>

class QLabel;

namespace Apinator::Ui {

// Shows a ConnectionReport: a green or red verdict, the HTTP status and latency, the
// problem's detail on failure, the clock skew (a warning past 30 s).
class ConnectionResultView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionResultView)
public:
    enum class State { Idle, Running, Succeeded, Failed };

    explicit ConnectionResultView(QWidget *parent = nullptr);

    void clear();
    void showRunning(const QString &url);
    void showReport(const ConnectionReport &report);

    State state() const { return m_state; }
    QString headline() const;
    QString details() const;
    QString skewText() const;
    bool skewWarningShown() const;

private:
    void setIcon(const QString &name);
    // The details line, hidden when there is none.
    void setDetails(const QString &text);

    State m_state = State::Idle;
    bool m_skewWarning = false;
    QLabel *m_icon;
    QLabel *m_headline;
    QLabel *m_details;
    QLabel *m_skew;
};

} // namespace Apinator::Ui
