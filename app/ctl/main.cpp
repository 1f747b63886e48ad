// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl: the scripting face of Apinator Console, on the same core as the GUI.
#include "command.h"
#include "options.h"
#include "output.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using namespace Apinator::Ctl;

namespace {

// The command table: one line per command or group.
constexpr Command Commands[] = {
    {"sign"_L1, {}, nullptr, &signCommands},
    {"verify"_L1, {}, nullptr, &verifyCommands},
    {"auth"_L1, {}, nullptr, &authCommands},
    {"webhook"_L1, {}, nullptr, &webhookCommands},
    {"trigger"_L1, "send an event to one or more channels"_L1, &runTrigger},
    {"channels"_L1, "list the occupied channels"_L1, &runChannels},
    {"channel"_L1, "show one channel"_L1, &runChannel},
    {"listen"_L1, "subscribe over WebSocket and print the events as they arrive"_L1, &runListen},
    {"sandbox"_L1, "run a local Apinator-compatible server until SIGINT or SIGTERM"_L1, &runSandbox},
    {"bench"_L1, {}, nullptr, &benchCommands},
    {"snippet"_L1, "print the trigger call as curl, SDK or raw HTTP code"_L1, &runSnippet},
};

QString mainHelp()
{
    return u"Usage: apinatorctl COMMAND [OPTIONS]\n"
           u"       apinatorctl --version\n"
           u"\n"
           u"Signs, verifies and sends Apinator requests from scripts, on the core of Apinator Console.\n"
           u"\n"
           u"Commands:\n"_s
        + commandList({}, Commands)
        + u"\n"
          u"Credentials come from --app-id, --key, --secret, --webhook-secret, --cluster and\n"
          u"--base-url, else from APINATOR_APP_ID, APINATOR_KEY, APINATOR_SECRET,\n"
          u"APINATOR_WEBHOOK_SECRET, APINATOR_CLUSTER and APINATOR_BASE_URL (a base URL wins\n"
          u"over a cluster). Each command asks only for what it uses.\n"
          u"\n"
          u"Exit codes: 0 success or valid, 1 checked and invalid, 2 usage or input error,\n"
          u"3 the server answered with an error, 4 network failure.\n"
          u"\n"
          u"Run \"apinatorctl COMMAND --help\" for the options and an example of one.\n"
          u"\n"
          u"Example:\n"
          u"  apinatorctl sign channel --key app_key_1 --secret \"$SECRET\" --socket-id 1234.5678 --channel private-orders\n"_s;
}

// sandbox, or bench and listen without --profile: the commands that never touch the keyring.
bool usesNoKeyring(int argc, char *argv[])
{
    if (argc < 2)
        return false;
    const QByteArrayView command(argv[1]);
    if (command == "sandbox")
        return true;
    if (command != "bench" && command != "listen")
        return false;
    for (int i = 2; i < argc; ++i) {
        if (QByteArrayView(argv[i]).startsWith("--profile"))
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    // Qt's own event dispatcher rather than GLib's for the load-bearing commands: under
    // load (sandbox, bench trigger) GLib's extra wake-ups cost 10-20 % CPU. Not where a
    // --profile may read the keyring: libsecret answers through GLib's main loop. A
    // user's own QT_NO_GLIB setting is left as it is.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB") && usesNoKeyring(argc, argv))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"apinatorctl"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(APINATOR_VERSION));

    const QStringList args = QCoreApplication::arguments().mid(1);
    // Commands throw UsageError only before they start an event loop, so no exception
    // ever crosses Qt's event dispatch.
    try {
        if (args.size() == 1 && (args.first() == u"--help" || args.first() == u"-h")) {
            writeOut(mainHelp().toUtf8());
            return ExitOk;
        }
        if (args.size() == 1 && args.first() == u"--version") {
            writeOut("apinatorctl " APINATOR_VERSION "\n");
            return ExitOk;
        }
        return dispatch({}, Commands, args);
    } catch (const UsageError &error) {
        printError(error.text());
        return ExitUsage;
    }
}
