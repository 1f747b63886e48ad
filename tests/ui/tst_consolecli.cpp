// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The apinator-console executable itself: --version, --help, --smoke-test, and the
// one-line message (exit 2) when there is no display.
#include <QJsonDocument>
#include <QJsonObject>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs the console with a private config folder and no D-Bus (so no keyring is touched).
Run runConsole(const QStringList &arguments, const QString &configDir, bool withDisplay)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    if (withDisplay)
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    else
        env.remove(u"QT_QPA_PLATFORM"_s);
    env.insert(u"APINATOR_CONFIG_DIR"_s, configDir);
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + configDir + u"/no-bus"_s);
    QProcess process;
    process.setProcessEnvironment(env);
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
        QVERIFY(figures.value(u"startup_ms"_s).toInteger() > 0);
        QVERIFY(figures.value(u"rss_kb"_s).toInteger() > 1000);
        // A real first start: the Local sandbox profile is there; the window's settings are not.
        QVERIFY(QFile(QDir(m_dir->path()).filePath(u"profiles.json"_s)).size() > 0);
        QVERIFY(!QFile::exists(QDir(m_dir->path()).filePath(u"console.ini"_s)));
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

private:
    std::optional<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestConsoleCli)
#include "tst_consolecli.moc"
