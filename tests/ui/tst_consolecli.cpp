// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The apinator-console executable itself: --version, --help, --smoke-test, the
// one-line message (exit 2) when there is no display, and its parts module.
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

using Environment = QList<std::pair<QString, QString>>;

// A private config folder and no D-Bus (so no keyring is touched).
QProcessEnvironment consoleEnvironment(const QString &configDir, bool withDisplay, const Environment &extraEnvironment)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"APINATOR_STARTUP_PHASES"_s);
    for (const auto &[name, value] : extraEnvironment)
        env.insert(name, value);
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    if (withDisplay)
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    else
        env.remove(u"QT_QPA_PLATFORM"_s);
    env.insert(u"APINATOR_CONFIG_DIR"_s, configDir);
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + configDir + u"/no-bus"_s);
    return env;
}

// Runs the console to its end.
Run runConsole(const QStringList &arguments, const QString &configDir, bool withDisplay,
               const Environment &extraEnvironment = {})
{
    QProcess process;
    process.setProcessEnvironment(consoleEnvironment(configDir, withDisplay, extraEnvironment));
    process.start(QStringLiteral(APINATOR_CONSOLE_PATH), arguments);
    Run run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// The page the console opens with, as a previous session would have left it.
void setLastPage(const QString &configDir, const QString &page)
{
    QSettings settings(QDir(configDir).filePath(u"console.ini"_s), QSettings::IniFormat);
    settings.setValue(u"navigation/lastPage"_s, page);
}

// The first status line of an HTTP answer from the sandbox the profile points at, or empty.
QByteArray askSandbox(const QString &configDir)
{
    QFile file(QDir(configDir).filePath(u"profiles.json"_s));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray json = file.readAll();
    const qsizetype at = json.indexOf("http://127.0.0.1:");
    if (at < 0)
        return {};
    const QUrl url(QString::fromLatin1(json.mid(at, json.indexOf('"', at) - at)));
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, quint16(url.port()));
    if (!socket.waitForConnected(1000))
        return {};
    socket.write("GET /apps/local/channels HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    while (!socket.canReadLine() && socket.waitForReadyRead(2000)) {
    }
    return socket.readLine().trimmed();
}

} // namespace

class TestConsoleCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.emplace().isValid()); }
    void cleanup() { m_dir.reset(); }

    void noDisplay_exits2WithOneLineSayingHowToRun()
    {
        const Run run = runConsole({}, m_dir->path(), false);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY2(run.err.contains("no display"), run.err.constData());
        QVERIFY2(run.err.contains("QT_QPA_PLATFORM=offscreen"), run.err.constData());
        QVERIFY2(run.err.contains("xvfb-run"), run.err.constData());
        QVERIFY(QDir(m_dir->path()).isEmpty()); // nothing started, nothing written
    }

    void version_worksWithoutDisplay()
    {
        const Run run = runConsole({u"--version"_s}, m_dir->path(), false);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), "apinator-console " APINATOR_VERSION);
    }

    void help_listsTheOptions()
    {
        const Run run = runConsole({u"--help"_s}, m_dir->path(), false);
        QCOMPARE(run.exitCode, 0);
        for (const char *option : {"--smoke-test", "--screenshot", "--version", "--help"})
            QVERIFY2(run.out.contains(option), option);
    }

    void smokeTest_printsOneJsonLineAndExits0()
    {
        const Run run = runConsole({u"--smoke-test"_s}, m_dir->path(), true);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.out.count('\n'), 1);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
        QVERIFY2(doc.isObject(), qPrintable(error.errorString()));
        const QJsonObject figures = doc.object();
        QCOMPARE(figures.keys(), (QStringList{u"rss_kb"_s, u"startup_ms"_s}));
        QVERIFY(figures.value(u"startup_ms"_s).toDouble() > 0);
        QVERIFY(figures.value(u"rss_kb"_s).toInteger() > 1000);
        // A real first start: the Local sandbox profile is there; the window's settings are not.
        QVERIFY(QFile(QDir(m_dir->path()).filePath(u"profiles.json"_s)).size() > 0);
        QVERIFY(!QFile::exists(QDir(m_dir->path()).filePath(u"console.ini"_s)));
    }

    void smokeTest_withPhasesOn_printsThemInOrderOnStderr()
    {
        const QString launchUs = QString::number(QDateTime::currentMSecsSinceEpoch() * 1000);
        const Run run = runConsole({u"--smoke-test"_s}, m_dir->path(), true,
                                   {{u"APINATOR_STARTUP_PHASES"_s, u"1"_s}, {u"APINATOR_LAUNCH_US"_s, launchUs}});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.out.count('\n'), 1); // stdout's contract is unchanged
        QByteArray phasesLine;
        for (const QByteArray &line : run.err.split('\n')) {
            if (line.startsWith("{\"phases\""))
                phasesLine = line;
        }
        QVERIFY2(!phasesLine.isEmpty(), run.err.constData());
        const QJsonObject phases = QJsonDocument::fromJson(phasesLine).object().value(u"phases"_s).toObject();
        const QStringList expected{u"main"_s,           u"application"_s, u"profiles_loaded"_s,   u"window_built"_s,
                                   u"profile_selected"_s, u"shown"_s,     u"first_paint_event"_s, u"first_frame"_s};
        QCOMPARE(phases.keys().size(), expected.size());
        double previous = 0;
        for (const QString &name : expected) {
            QVERIFY2(phases.contains(name), qPrintable(name));
            const double ms = phases.value(name).toDouble();
            QVERIFY2(ms >= previous, qPrintable(u"%1 at %2 ms, before the phase ahead of it (%3 ms)"_s.arg(name).arg(ms).arg(previous)));
            previous = ms;
        }
        const double reported = QJsonDocument::fromJson(run.out).object().value(u"startup_ms"_s).toDouble();
        QVERIFY2(qAbs(reported - phases.value(u"first_frame"_s).toDouble()) <= 1.0, run.err.constData());
        // From the launcher's microseconds the figure is kept to a tenth of a millisecond.
        QVERIFY2(qAbs(reported * 10 - std::round(reported * 10)) < 1e-6, run.out.constData());

        // Off unless asked for.
        const Run plain = runConsole({u"--smoke-test"_s}, m_dir->path(), true, {{u"APINATOR_LAUNCH_US"_s, launchUs}});
        QVERIFY(!plain.err.contains("phases"));
    }

    void screenshot_writesAPng()
    {
        const QString png = m_dir->filePath(u"window.png"_s);
        const Run run = runConsole({u"--screenshot"_s, png}, m_dir->path(), true);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile file(png);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(8), "\x89PNG\r\n\x1a\n"_ba);
    }

    // Qt Network comes with the parts module, opened after the first frame: the sandbox
    // it serves answers, and the Monitor page (the last page, so built at start) comes from it.
    void partsModule_servesTheSandboxAndBuildsItsPages()
    {
        setLastPage(m_dir->path(), u"monitor"_s);
        QProcess console;
        console.setProcessEnvironment(consoleEnvironment(m_dir->path(), true, {}));
        console.start(QStringLiteral(APINATOR_CONSOLE_PATH), QStringList{});
        QVERIFY(console.waitForStarted());
        QByteArray status;
        QTRY_VERIFY_WITH_TIMEOUT(!(status = askSandbox(m_dir->path())).isEmpty(), 20000);
        QVERIFY2(status.startsWith("HTTP/1.1 "), status.constData());
        console.terminate();
        QVERIFY(console.waitForFinished());
        const QByteArray err = console.readAllStandardError();
        QVERIFY2(!err.contains("parts module"), err.constData());
    }

    // Without its module the console still opens, and says what is missing.
    void partsModule_missing_consoleStartsAndSaysWhy()
    {
        setLastPage(m_dir->path(), u"webhooks"_s);
        QTemporaryDir empty;
        const QString png = m_dir->filePath(u"window.png"_s);
        const Run run = runConsole({u"--screenshot"_s, png}, m_dir->path(), true,
                                   {{u"APINATOR_MODULE_DIR"_s, empty.path()}});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QByteArray expected = "the console's parts module is missing ("
                                    + QDir(empty.path()).filePath(u"libapinator-console-parts.so"_s).toUtf8() + ')';
        QVERIFY2(run.err.contains(expected), run.err.constData());
        QVERIFY(QFile::exists(png));
    }

private:
    std::optional<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestConsoleCli)
#include "tst_consolecli.moc"
