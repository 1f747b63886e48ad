// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// Any bytes as a pasted webhook: the inspector gives a verdict or a request error.
#include <apinator/webhookinspect.h>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw(reinterpret_cast<const char *>(data), qsizetype(size));
    Apinator::WebhookInspectInput input;
    input.secret = "webhook-secret-1";
    input.candidates = {{Apinator::WebhookCandidateSecret::Kind::ApiSecret, {}, "test-secret-1"},
                        {Apinator::WebhookCandidateSecret::Kind::OtherProfileWebhookSecret, QStringLiteral("Other"),
                         "other-webhook-secret"}};
    input.options.nowSeconds = 1700000000;
    const Apinator::WebhookInspection v = Apinator::inspectRawWebhook(raw, input);
    // Valid means no cause, and a cause means not valid.
    if (v.valid != v.causes.isEmpty() && v.requestError.isEmpty())
        __builtin_trap();
    return 0;
}
