// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "session/authendpointsettings.h"

namespace Apinator::Ui {

AuthEndpointSettings::AuthEndpointSettings(QObject *parent)
    : QObject(parent)
{
}

void AuthEndpointSettings::setRequest(AuthEndpointRequest request)
{
    request.socketId.clear();
    request.channelName.clear();
    if (request.url == m_request.url && request.format == m_request.format && request.headers == m_request.headers
        && request.timeoutMs == m_request.timeoutMs)
        return;
    m_request = std::move(request);
    Q_EMIT changed();
}

} // namespace Apinator::Ui
