// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The signing hot paths, one JSON object per line:
//   channel_signature  ns per private-channel signature of a 64-byte string (the hex
//                      signature alone; sign() also builds the auth token's strings)
//   request_signature  ns per REST request signature with an empty body
//   request_1mib       MB/s signing a request with a 1 MiB body (MD5 + HMAC)
//   webhook_verify_1mib MB/s verifying a webhook with a 1 MiB body
// Each figure is the median of 15 rounds; a round runs long enough (~100 ms) to
// drown the clock's resolution.
#include <apinator/channelauth.h>
#include <apinator/requestsigner.h>
#include <apinator/webhook.h>

#include <QByteArray>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace Apinator;

namespace {

volatile char g_sink; // keeps the optimizer from dropping the work

template<typename F>
double medianNsPerOp(F &&op, long opsPerRound)
{
    std::vector<double> rounds;
    for (int r = 0; r < 15; ++r) {
        const auto start = std::chrono::steady_clock::now();
        for (long i = 0; i < opsPerRound; ++i)
            op(i);
        const auto end = std::chrono::steady_clock::now();
        rounds.push_back(std::chrono::duration<double, std::nano>(end - start).count() / double(opsPerRound));
    }
    std::sort(rounds.begin(), rounds.end());
    return rounds[rounds.size() / 2];
}

void print(const char *name, const char *unit, double value, double budget, bool higherIsBetter)
{
    const bool ok = higherIsBetter ? value >= budget : value <= budget;
    std::printf("{\"benchmark\":\"%s\",\"value\":%.1f,\"unit\":\"%s\",\"budget\":%.0f,\"within_budget\":%s}\n", name,
                value, unit, budget, ok ? "true" : "false");
    std::fflush(stdout);
}

} // namespace

int main()
{
    const ChannelAuthSigner channelSigner("app_key_1", "channel-secret-1");
    // "1234.5678:" + channel name = 64 bytes exactly.
    const QByteArray channel = "private-" + QByteArray(64 - 10 - 8, 'c');
    const double channelNs = medianNsPerOp(
        [&](long) { g_sink = channelSigner.signature("1234.5678", channel)[0]; }, 200000);
    print("channel_signature", "ns", channelNs, 300, false);

    const RequestSigner requestSigner("app_key_1", "test-secret-1");
    const double requestNs = medianNsPerOp(
        [&](long i) { g_sink = requestSigner.sign("GET", "/apps/123/channels", {}, 1700000000 + i).signature[0]; },
        200000);
    print("request_signature_empty_body", "ns", requestNs, 1000, false);

    QByteArray mebibyte(1 << 20, Qt::Uninitialized);
    for (int i = 0; i < mebibyte.size(); ++i)
        mebibyte[i] = char('a' + i % 26);
    constexpr double MiB = 1 << 20;
    const double requestMibNs = medianNsPerOp(
        [&](long i) { g_sink = requestSigner.sign("POST", "/apps/123/events", mebibyte, 1700000000 + i).signature[0]; },
        60);
    print("request_signature_1mib", "MB/s", MiB / requestMibNs * 1e3, 650, true);

    const QByteArray ts = "1700000000";
    const HeaderList headers = {{"X-Realtime-Timestamp", ts},
                                {"X-Realtime-Signature", signWebhook("webhook-secret-1", ts, mebibyte)}};
    const double webhookNs = medianNsPerOp(
        [&](long) {
            const WebhookVerdict v = verifyWebhook(headers, mebibyte, "webhook-secret-1", {300, 1700000001});
            if (!v.valid)
                std::abort();
            g_sink = v.expectedSignature->at(0);
        },
        150);
    print("webhook_verify_1mib", "MB/s", MiB / webhookNs * 1e3, 1500, true);
    return 0;
}
