// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "session/sendlog.h"

namespace Apinator::Ui {

SendLog::SendLog(QObject *parent)
    : QObject(parent)
{
}

void SendLog::add(const SentEvent &sent)
{
    m_recent.append(sent);
    if (m_recent.size() > m_keep)
        m_recent.remove(0, m_recent.size() - m_keep);
    Q_EMIT added(sent);
}

void SendLog::setKeep(qsizetype keep)
{
    m_keep = qMax<qsizetype>(1, keep);
    if (m_recent.size() > m_keep)
        m_recent.remove(0, m_recent.size() - m_keep);
}

} // namespace Apinator::Ui
