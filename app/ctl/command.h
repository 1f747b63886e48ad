// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QLatin1StringView>
#include <QStringList>

#include <span>

namespace Apinator::Ctl {

// One entry of a command table: either a command with run(), or a group
// ("sign", "verify") whose subcommands() is another table.
struct Command
{
    QLatin1StringView name;
    QLatin1StringView summary;
    // args are what follows the command name; returns the exit code, may throw UsageError.
    int (*run)(const QStringList &args) = nullptr;
    std::span<const Command> (*subcommands)() = nullptr;
};

// Runs the command that args.first() names in table. path is the command path so
// far ("" at the top, "sign" inside the group), for help and error messages.
int dispatch(const QString &path, std::span<const Command> table, const QStringList &args);
// "  sign request   summary" lines for every runnable command under table.
QString commandList(const QString &path, std::span<const Command> table);

// The commands, one file each (cmd_NAME.cpp). To add one: write the file, declare
// its entry point here and add a line to the table in main.cpp.
std::span<const Command> signCommands();   // cmd_sign.cpp
std::span<const Command> verifyCommands(); // cmd_verify.cpp
int runVerifyWebhook(const QStringList &args); // cmd_webhook.cpp, in the verify table
std::span<const Command> webhookCommands(); // cmd_webhook.cpp
int runWebhookListen(const QStringList &args); // cmd_webhook_listen.cpp
int runTrigger(const QStringList &args);   // cmd_trigger.cpp
int runChannels(const QStringList &args);  // cmd_channels.cpp
int runChannel(const QStringList &args);   // cmd_channels.cpp
int runSandbox(const QStringList &args);   // cmd_sandbox.cpp
int runListen(const QStringList &args);    // cmd_listen.cpp
std::span<const Command> benchCommands();  // cmd_bench.cpp
int runSnippet(const QStringList &args);   // cmd_snippet.cpp
std::span<const Command> authCommands();   // cmd_auth.cpp

} // namespace Apinator::Ctl
