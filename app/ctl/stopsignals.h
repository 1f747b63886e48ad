// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <csignal>
#include <functional>

QT_BEGIN_NAMESPACE
class QSocketNotifier;
QT_END_NAMESPACE

namespace Apinator::Ctl {

// SIGINT and SIGTERM through a self-pipe: the handler only write()s (async-signal
// safe), and the event loop reads the pipe and runs the callback like any event.
// The long-running commands (sandbox, listen, webhook listen) end cleanly with it.
class StopSignals final
{
public:
    StopSignals() = default;
    Q_DISABLE_COPY_MOVE(StopSignals)
    ~StopSignals();

    // onSignal gets the signal number; false with *error set when no pipe could be made.
    bool install(std::function<void(int)> onSignal, QString *error);

private:
    int m_pipe[2] = {-1, -1};
    QSocketNotifier *m_notifier = nullptr;
    std::function<void(int)> m_onSignal;
    struct sigaction m_oldInt = {};
    struct sigaction m_oldTerm = {};
    bool m_installed = false;
};

} // namespace Apinator::Ctl
