// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "stopsignals.h"

#include <QObject>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

namespace {
// The write end of the self-pipe; the signal handler may touch nothing else.
int g_signalPipeWrite = -1;

extern "C" void onStopSignal(int signo)
{
    const int savedErrno = errno;
    const char byte = char(signo);
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipeWrite, &byte, 1);
    errno = savedErrno;
}
} // namespace

StopSignals::~StopSignals()
{
    if (m_installed) {
        ::sigaction(SIGINT, &m_oldInt, nullptr);
        ::sigaction(SIGTERM, &m_oldTerm, nullptr);
    }
    g_signalPipeWrite = -1;
    delete m_notifier;
    for (int fd : m_pipe)
        if (fd >= 0)
            ::close(fd);
}

bool StopSignals::install(std::function<void(int)> onSignal, QString *error)
{
    if (::pipe2(m_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        *error = u"cannot create the signal pipe: "_s + QString::fromLocal8Bit(::strerror(errno));
        return false;
    }
    m_onSignal = std::move(onSignal);
    m_notifier = new QSocketNotifier(m_pipe[0], QSocketNotifier::Read);
    QObject::connect(m_notifier, &QSocketNotifier::activated, m_notifier, [this] {
        char byte = 0;
        int last = 0;
        while (::read(m_pipe[0], &byte, 1) == 1)
            last = byte;
        if (last)
            m_onSignal(last);
    });
    g_signalPipeWrite = m_pipe[1];
    struct sigaction action = {};
    action.sa_handler = onStopSignal;
    ::sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, &m_oldInt);
    ::sigaction(SIGTERM, &action, &m_oldTerm);
    m_installed = true;
    return true;
}

} // namespace Apinator::Ctl
