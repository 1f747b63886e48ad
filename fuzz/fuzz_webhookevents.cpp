// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// Any bytes as a webhook body: events or an error sentence, never a crash.
#include <apinator/webhookinspect.h>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const Apinator::WebhookEvents events = Apinator::parseWebhookEvents(body);
    if (events.events.isEmpty() && events.error.isEmpty() && !events.batch)
        __builtin_trap(); // nothing parsed and nothing said
    return 0;
}
