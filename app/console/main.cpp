// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinator-console: builds the core objects, hands them to the window, runs the loop.
#include "allocator.h"
#include "consolestyle.h"
#include "mainwindow.h"
#include "session/embeddeddefault.h"
#include "session/embeddedsandbox.h"
#include "session/deferredhistorystore.h"
#include "session/partsmodule.h"
#include "smoketest.h"
#include "uisettings.h"
#include "widgets/messagebar.h"

#include <apinator/historystore.h>
#include <apinator/httpclient.h>
#include <apinator/keychainsecretstore.h>
#include <apinator/profilestore.h>
#include <apinator/secretstore.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QStyle>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Apinator;
using namespace Apinator::Ui;

namespace {

struct Options
{
    bool smokeTest = false;
    QString screenshot;
};

// --help is read by people: its texts are translated like the window's (Qt's own lines are).
struct CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(Apinator::Console)
};

void describe(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        CommandLine::tr("Apinator Console: app profiles with secrets in the keyring, and a local sandbox.\n"
                        "Profiles live in $APINATOR_CONFIG_DIR when set, else ~/.config/apinator-console."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({u"smoke-test"_s,
                      CommandLine::tr("Start as usual, wait for the window's first paint, print "
                                      "{\"startup_ms\": N, \"rss_kb\": N} and exit 0. Saves no window settings.")});
    parser.addOption({u"screenshot"_s,
                      CommandLine::tr("Start as usual, save a PNG of the window to FILE once it is shown, exit."),
                      CommandLine::tr("FILE")});
}

void setNames()
{
    QCoreApplication::setApplicationName(u"apinator-console"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(APINATOR_VERSION));
    QCoreApplication::setOrganizationDomain(u"apinator.io"_s);
}

// --help and --version answer without a display, like any command-line tool.
bool wantsOnlyText(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "-?" || arg == "--help-all" || arg == "--version" || arg == "-v")
            return true;
    }
    return false;
}

int printTextAndExit(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    setNames();
    QCommandLineParser parser;
    describe(parser);
    parser.process(app); // prints and exits
    return 0;
}

} // namespace

#if defined(__SANITIZE_ADDRESS__) || (defined(__has_feature) && __has_feature(address_sanitizer))
// The parts module carries copies of core objects that bind to the executable's own when it
// loads (ui/CMakeLists.txt), so AddressSanitizer sees their globals registered twice at one
// address and, at its default level 2, stops the run at the module's dlopen(). Level 1 still
// reports two definitions of one global that differ in size.
extern "C" const char *__asan_default_options()
{
    return "detect_odr_violation=1";
}
#endif

int main(int argc, char **argv)
{
    SmokeTest::markPhase("main");
    tuneAllocator();
    if (wantsOnlyText(argc, argv))
        return printTextAndExit(argc, argv);
    if (!SmokeTest::hasDisplay(argc, argv)) {
        const QByteArray line = SmokeTest::noDisplayMessage(QFileInfo(QString::fromLocal8Bit(argv[0])).fileName())
                                    .toLocal8Bit();
        std::fprintf(stderr, "%s\n", line.constData());
        return 2;
    }

    QApplication app(argc, argv);
    QApplication::setStyle(new ConsoleStyle(QApplication::style()->name()));
    setNames();
    QApplication::setDesktopFileName(u"io.github.apinator_console.Console"_s);
    QCommandLineParser parser;
    describe(parser);
    parser.process(app);
    Options options;
    options.smokeTest = parser.isSet(u"smoke-test"_s);
    options.screenshot = parser.value(u"screenshot"_s);
    SmokeTest::markPhase("application");

    // Qt Network, QtKeychain and Qt SQL load with the parts module when first needed: the
    // sandbox starts and the keyring is asked after the first frame.
    PartsModule parts;
    HttpClient http;
    SecretVault vault(
        [&parts](QString *error) {
            return parts.openKeyring(QString::fromLatin1(KeychainSecretStore::DefaultService), error);
        },
        FileSecretStore::defaultFilePath());
    vault.deferProbeUntilStart(); // started after the first frame, below
    ProfileStore profiles;
    UiSettings settings(UiSettings::defaultPath());
    EmbeddedSandbox sandbox([&parts](quint16 port, const QList<SandboxApp> &apps, QString *error) {
        return parts.startSandbox(port, apps, error);
    });

    AppContext context;
    context.profiles = &profiles;
    context.secrets = &vault;
    context.sandbox = &sandbox;
    context.parts = &parts;
    context.http = &http;
    context.settings = &settings;
    context.dataDir = qEnvironmentVariable("APINATOR_DATA_DIR");
    if (context.dataDir.isEmpty())
        context.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    context.profileLoad = profiles.load(ProfileStore::LoadMode::Recover);
    // The history opens on its first read or write (a send, the History page): Qt SQL (from
    // the parts module), SQLite and its Qt plugin cost about 9 ms and 1.4 MB that a session
    // may never need. A damaged file is moved aside then, and the window says so; one that
    // cannot be made at all leaves the history off (the History page says why), not the
    // console.
    DeferredHistoryStore history(&parts);
    context.history = &history;
    QDir().mkpath(context.dataDir);
    history.openOnFirstUse(QDir(context.dataDir).filePath(u"history.sqlite"_s));

    EmbeddedDefault embedded(&profiles, &vault, &sandbox);
    const QString created = embedded.prepare();

    SmokeTest::markPhase("profiles_loaded");
    MainWindow window(context, &embedded);
    SmokeTest::markPhase("window_built");
    window.selectInitialProfile(created);
    SmokeTest::markPhase("profile_selected");
    QObject::connect(&history, &HistoryStore::movedAside, &window, [&window](const QString &message) {
        window.messages()->showMessage(MessageBar::Kind::Warning, message);
    });
    // The first frame first; then what it does not show: the sandbox's socket and the
    // keyring's answer (both asynchronous to the user anyway). --smoke-test measures the
    // frame, so it reports before them.
    SmokeTest::afterFirstPaint(&window, [&embedded, &vault] {
        embedded.start();
        vault.start();
    });
    // Installed last, its filter sees the paint first (Qt runs the newest filter first), so
    // the report comes before the sandbox and keyring work queued above, as it should.
    if (options.smokeTest)
        SmokeTest::reportAfterFirstPaint(&window);
    window.show();
    SmokeTest::markPhase("shown");

    if (!options.screenshot.isEmpty()) {
        // One size for every screenshot, whatever the (virtual) screen; then let the
        // layout settle and the keyring probe answer before the grab.
        window.resize(1100, 720);
        QTimer::singleShot(400, &window, [&window, path = options.screenshot] {
            const bool saved = window.grab().save(path, "PNG");
            std::fprintf(saved ? stdout : stderr, "%s %s\n", saved ? "saved" : "could not save",
                         qPrintable(QDir::toNativeSeparators(path)));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
