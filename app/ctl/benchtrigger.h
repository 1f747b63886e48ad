// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The run behind `apinatorctl bench trigger` (cmd_bench.cpp parses the options).
#pragma once

#include <apinator/credentials.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Apinator::Ctl {

enum class BenchEngine {
    Lean,    // BurstSender: K sockets of our own, http:// on Linux
    Libcurl, // RestClient over HttpClient, any URL
};

struct BenchSettings
{
    Credentials credentials;
    qint64 count = 0;
    int concurrency = 0;
    QString channel;
    qint64 size = 0;
    bool json = false;
    BenchEngine engine = BenchEngine::Libcurl;
};

// "lean-http1" or "libcurl", as the output names them.
QByteArray engineName(BenchEngine engine);

// The data string of event seq, written into out: JSON text of exactly size characters,
// so the event is real JSON yet its size is what was asked. The run id lets the
// subscriber count this run's events only, whoever else sends to the channel.
void writeBenchData(QByteArray &out, QByteArrayView runId, qint64 seq, qint64 size);

// Sends, counts what the subscriber receives, prints the result; the exit code.
int runTriggerBench(BenchSettings settings);

} // namespace Apinator::Ctl
