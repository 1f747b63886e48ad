// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/webhookcapture.h>

using namespace Qt::StringLiterals;

namespace Apinator {

QByteArray WebhookCapture::raw() const
{
    QByteArray out;
    out.reserve(body.size() + 512);
    out.append(method.isEmpty() ? "POST"_ba : method).append(' ').append(target.isEmpty() ? "/"_ba : target);
    out.append(" HTTP/1.1\r\n");
    for (const auto &[name, value] : headers)
        out.append(name).append(": ").append(value).append("\r\n");
    out.append("\r\n").append(body);
    return out;
}

} // namespace Apinator
