// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

// The GUI-thread stall meter of the widget benchmarks: the largest gap between ticks of a
// 2 ms timer, in wall time and in the thread's own CPU time (on a shared, loaded machine
// the wall gap also counts the time the thread waited for a core).

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <ctime>

namespace BenchSupport {

inline qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

class StallMeter final : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(2);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 cpu = threadCpuNs();
            m_worst = qMax(m_worst, now - m_last);
            m_worstCpu = qMax(m_worstCpu, cpu - m_lastCpu);
            m_last = now;
            m_lastCpu = cpu;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_lastCpu = threadCpuNs();
        m_worst = 0;
        m_worstCpu = 0;
        m_timer.start();
    }
    // The longest wall-time gap, ms.
    double stop()
    {
        m_timer.stop();
        return m_worst / 1e6;
    }
    double worstCpuMs() const { return m_worstCpu / 1e6; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_lastCpu = 0;
    qint64 m_worst = 0;
    qint64 m_worstCpu = 0;
};

} // namespace BenchSupport
