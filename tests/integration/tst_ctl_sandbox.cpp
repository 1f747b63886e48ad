// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl sandbox, as scripts use it: real processes, real sockets on 127.0.0.1,
// the config line read from the sandbox's stdout (bench trigger: tst_ctl_bench.cpp).
#include "ctlprocess.h"
#include "sandboxprocess.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr int StartTimeoutMs = 15000;
constexpr int RunTimeoutMs = 60000;

using CtlRun = CtlTest::Run;
using CtlTest::SandboxProcess;

// Runs apinatorctl to the end while the event loop keeps turning.
CtlRun runCtl(const QStringList &args, const QProcessEnvironment &env = CtlTest::cleanEnvironment())
{
    return CtlTest::run(args, {}, env, RunTimeoutMs);
}

QByteArray frame(const QString &event, const QJsonObject &data)
{
    return QJsonDocument(QJsonObject{{u"event"_s, event},
                                     {u"data"_s, QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact))}})
        .toJson(QJsonDocument::Compact);
}

// A public-channel subscriber that records every frame it receives.
class Subscriber final
{
public:
    Subscriber()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &context, [this](const QString &message) {
            frames.append(QJsonDocument::fromJson(message.toUtf8()).object());
            const QJsonObject &f = frames.constLast();
            if (f.value(u"event"_s).toString() == u"realtime:connection_established")
                socket.sendTextMessage(QString::fromUtf8(frame(u"realtime:subscribe"_s, {{u"channel"_s, channel}})));
        });
    }
    Q_DISABLE_COPY_MOVE(Subscriber)

    bool subscribe(const QString &wsUrl, const QString &name)
    {
        channel = name;
        socket.open(QUrl(wsUrl));
        return QTest::qWaitFor([this] { return has(u"realtime:subscription_succeeded"_s); }, StartTimeoutMs);
    }
    bool has(const QString &event) const { return count(event) > 0; }
    qsizetype count(const QString &event) const
    {
        return std::count_if(frames.cbegin(), frames.cend(), [&](const QJsonObject &f) {
            return f.value(u"event"_s).toString() == event && f.value(u"channel"_s).toString() == channel;
        });
    }
    QJsonObject last(const QString &event) const
    {
        for (auto it = frames.crbegin(); it != frames.crend(); ++it)
            if (it->value(u"event"_s).toString() == event)
                return *it;
        return {};
    }

    QWebSocket socket;
    QObject context;
    QString channel;
    QList<QJsonObject> frames;
};

} // namespace

class TestCtlSandbox final : public QObject
{
    Q_OBJECT

private:
    bool startSandbox(SandboxProcess &sandbox, const QStringList &extraArgs);
    QProcessEnvironment env(const QString &secret = {}) const
    {
        return m_sandbox.environment(secret.isEmpty() ? m_sandbox.config.value(u"secret"_s).toString() : secret);
    }

    QTemporaryDir m_dir;
    SandboxProcess m_sandbox; // shared by the tests that only send to it
    int m_logs = 0;

private Q_SLOTS:
    void initTestCase();
    void printConfig_firstLineIsOneJsonObjectWithUrlsAndCredentials();
    void printConfig_appFlags_areServedAndReported();
    void trigger_againstSandbox_exits0AndSubscriberReceivesIt();
    void channels_againstSandbox_exits0AndListsTheOccupiedChannel();
    void trigger_wrongSecret_exits3WithSignatureMismatchDetail();
    void sandbox_badFlag_exits2WithOneLineNamingIt_data();
    void sandbox_badFlag_exits2WithOneLineNamingIt();
    void sandbox_portInUse_exits2NamingThePort();
    void sandbox_stopSignal_exits0_data();
    void sandbox_stopSignal_exits0();
    void sandbox_sigterm_exits0AndLoggedEveryRequestAndFrame();
};

bool TestCtlSandbox::startSandbox(SandboxProcess &sandbox, const QStringList &extraArgs)
{
    return sandbox.start(m_dir.filePath(u"sandbox-%1.log"_s.arg(++m_logs)), extraArgs, StartTimeoutMs);
}

void TestCtlSandbox::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(QStringLiteral(APINATOR_CTL_PATH)));
    QVERIFY(startSandbox(m_sandbox, {}));
}

void TestCtlSandbox::printConfig_firstLineIsOneJsonObjectWithUrlsAndCredentials()
{
    QVERIFY(m_sandbox.firstLine.endsWith('\n'));
    QJsonParseError error;
    QVERIFY(QJsonDocument::fromJson(m_sandbox.firstLine, &error).isObject());
    const QJsonObject &c = m_sandbox.config;
    const QRegularExpression baseUrl(u"^http://127\\.0\\.0\\.1:(\\d+)$"_s);
    const auto match = baseUrl.match(c.value(u"base_url"_s).toString());
    QVERIFY2(match.hasMatch(), qPrintable(c.value(u"base_url"_s).toString()));
    const int port = match.captured(1).toInt();
    QVERIFY(port > 0); // --port 0 took a real port
    QCOMPARE(c.value(u"ws_url"_s).toString(), u"ws://127.0.0.1:%1/app/local-key"_s.arg(port));
    QCOMPARE(c.value(u"app_id"_s).toString(), u"local"_s);
    QCOMPARE(c.value(u"key"_s).toString(), u"local-key"_s);
    QCOMPARE(c.value(u"secret"_s).toString(), u"local-secret"_s);
    QCOMPARE(c.value(u"webhook_secret"_s).toString(), u"local-webhook-secret"_s);
    QCOMPARE(c.keys().size(), 6);
}

void TestCtlSandbox::printConfig_appFlags_areServedAndReported()
{
    SandboxProcess sandbox;
    QVERIFY(startSandbox(sandbox, {u"--app-id"_s, u"app-7"_s, u"--key"_s, u"key-7"_s, u"--secret"_s, u"secret-7"_s,
                                   u"--webhook-secret"_s, u"hook-7"_s}));
    QCOMPARE(sandbox.config.value(u"app_id"_s).toString(), u"app-7"_s);
    QCOMPARE(sandbox.config.value(u"key"_s).toString(), u"key-7"_s);
    QCOMPARE(sandbox.config.value(u"secret"_s).toString(), u"secret-7"_s);
    QCOMPARE(sandbox.config.value(u"webhook_secret"_s).toString(), u"hook-7"_s);
    QVERIFY(sandbox.config.value(u"ws_url"_s).toString().endsWith(u"/app/key-7"));

    // The app is really served under those credentials.
    const CtlRun run = runCtl({u"channels"_s}, sandbox.environment(u"secret-7"_s));
    QVERIFY2(run.finished && run.exitCode == 0, run.err.constData());
    const CtlRun wrong = runCtl({u"channels"_s}, sandbox.environment(u"local-secret"_s));
    QCOMPARE(wrong.exitCode, 3);

    sandbox.process->terminate();
    QVERIFY(sandbox.process->waitForFinished(StartTimeoutMs));
    QCOMPARE(sandbox.process->exitCode(), 0);
    // Only the config line carries the secret: never the log.
    QVERIFY(!sandbox.log().contains("secret-7"));
    QVERIFY(!sandbox.log().contains("hook-7"));
}

void TestCtlSandbox::trigger_againstSandbox_exits0AndSubscriberReceivesIt()
{
    Subscriber subscriber;
    QVERIFY(subscriber.subscribe(m_sandbox.config.value(u"ws_url"_s).toString(), u"ctl-trigger"_s));

    const CtlRun run = runCtl({u"trigger"_s, u"--event"_s, u"greeting"_s, u"--channel"_s, u"ctl-trigger"_s,
                               u"--data"_s, u"{\"text\":\"hi\"}"_s},
                              env());
    QVERIFY2(run.finished, "apinatorctl trigger did not finish");
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QTRY_VERIFY_WITH_TIMEOUT(subscriber.has(u"greeting"_s), StartTimeoutMs);
    QCOMPARE(subscriber.last(u"greeting"_s).value(u"data"_s).toString(), u"{\"text\":\"hi\"}"_s);
}

void TestCtlSandbox::channels_againstSandbox_exits0AndListsTheOccupiedChannel()
{
    Subscriber subscriber;
    QVERIFY(subscriber.subscribe(m_sandbox.config.value(u"ws_url"_s).toString(), u"ctl-occupied"_s));

    const CtlRun run = runCtl({u"channels"_s, u"--json"_s}, env());
    QVERIFY2(run.finished && run.exitCode == 0, run.err.constData());
    const QJsonObject envelope = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(envelope.value(u"status"_s).toInt(), 200);
    bool listed = false;
    for (const QJsonValue &c : envelope.value(u"body"_s).toObject().value(u"channels"_s).toArray())
        listed = listed
            || (c.toObject().value(u"name"_s).toString() == u"ctl-occupied"
                && c.toObject().value(u"subscription_count"_s).toInt() == 1);
    QVERIFY2(listed, run.out.constData());
}

void TestCtlSandbox::trigger_wrongSecret_exits3WithSignatureMismatchDetail()
{
    const CtlRun run = runCtl({u"trigger"_s, u"--event"_s, u"greeting"_s, u"--channel"_s, u"ctl-trigger"_s,
                               u"--data"_s, u"{}"_s},
                              env(u"not-the-secret"_s));
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains("401"), run.err.constData());
    QVERIFY2(run.err.toLower().contains("signature"), run.err.constData());
    // The detail shows the string the sandbox signed, escaped onto one line.
    QVERIFY2(run.err.contains("\\nPOST\\n/apps/local/events\\n"), run.err.constData());
    QVERIFY(!run.err.contains("not-the-secret"));
    QVERIFY(!run.err.contains("local-secret"));
}

void TestCtlSandbox::sandbox_badFlag_exits2WithOneLineNamingIt_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("named");
    QTest::addRow("port not a number") << QStringList{u"--port"_s, u"http"_s} << u"--port"_s;
    QTest::addRow("port too big") << QStringList{u"--port"_s, u"65536"_s} << u"--port"_s;
    QTest::addRow("port negative") << QStringList{u"--port=-1"_s} << u"--port"_s;
    QTest::addRow("host not an address") << QStringList{u"--host"_s, u"my host"_s} << u"--host"_s;
    QTest::addRow("window not seconds") << QStringList{u"--timestamp-window"_s, u"5m"_s} << u"--timestamp-window"_s;
    QTest::addRow("window zero") << QStringList{u"--timestamp-window"_s, u"0"_s} << u"--timestamp-window"_s;
    QTest::addRow("webhook url not http") << QStringList{u"--webhook-url"_s, u"ftp://x/y"_s} << u"--webhook-url"_s;
    QTest::addRow("app id with a slash") << QStringList{u"--app-id"_s, u"a/b"_s} << u"--app-id"_s;
    QTest::addRow("empty key") << QStringList{u"--key="_s} << u"--key"_s;
    QTest::addRow("unknown flag") << QStringList{u"--verbose"_s} << u"--verbose"_s;
    QTest::addRow("missing value") << QStringList{u"--port"_s} << u"--port"_s;
}

void TestCtlSandbox::sandbox_badFlag_exits2WithOneLineNamingIt()
{
    QFETCH(QStringList, args);
    QFETCH(QString, named);
    const CtlRun run = runCtl(QStringList{u"sandbox"_s} + args);
    QVERIFY2(run.finished, "a sandbox with a bad flag kept running");
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY2(run.err.contains(named.toUtf8()), run.err.constData());
}

void TestCtlSandbox::sandbox_portInUse_exits2NamingThePort()
{
    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
    const QString port = QString::number(occupier.serverPort());
    const CtlRun run = runCtl({u"sandbox"_s, u"--port"_s, port, u"--print-config"_s});
    QVERIFY2(run.finished, "a sandbox on a taken port kept running");
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty()); // no config for a server that is not there
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY2(run.err.contains(port.toUtf8()), run.err.constData());
}

void TestCtlSandbox::sandbox_stopSignal_exits0_data()
{
    QTest::addColumn<int>("signo");
    QTest::addColumn<QByteArray>("name");
    QTest::addRow("SIGINT") << int(SIGINT) << QByteArray("SIGINT");
    QTest::addRow("SIGTERM") << int(SIGTERM) << QByteArray("SIGTERM");
}

void TestCtlSandbox::sandbox_stopSignal_exits0()
{
    QFETCH(int, signo);
    QFETCH(QByteArray, name);
    SandboxProcess sandbox;
    QVERIFY(startSandbox(sandbox, {}));
    const CtlRun run = runCtl({u"channels"_s}, sandbox.environment(u"local-secret"_s));
    QCOMPARE(run.exitCode, 0);

    QCOMPARE(::kill(pid_t(sandbox.process->processId()), signo), 0);
    QVERIFY(sandbox.process->waitForFinished(StartTimeoutMs));
    QCOMPARE(sandbox.process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(sandbox.process->exitCode(), 0);
    const QByteArray log = sandbox.log();
    QVERIFY2(log.contains("http GET /apps/local/channels 200 "), log.constData());
    QVERIFY2(log.contains(QByteArray(name + " received")), log.constData());
    // The port is free again: the server closed its socket.
    const quint16 port = quint16(QUrl(sandbox.config.value(u"base_url"_s).toString()).port());
    QTcpServer again;
    QVERIFY(again.listen(QHostAddress::LocalHost, port));
}

void TestCtlSandbox::sandbox_sigterm_exits0AndLoggedEveryRequestAndFrame()
{
    m_sandbox.process->terminate(); // SIGTERM
    QVERIFY(m_sandbox.process->waitForFinished(StartTimeoutMs));
    QCOMPARE(m_sandbox.process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_sandbox.process->exitCode(), 0);

    const QByteArray log = m_sandbox.log();
    const QList<QByteArray> lines = log.split('\n');
    const auto countLines = [&](const QRegularExpression &re) {
        return std::count_if(lines.cbegin(), lines.cend(),
                             [&](const QByteArray &line) { return re.match(QString::fromUtf8(line)).hasMatch(); });
    };
    // One line per request: method, path, status, milliseconds.
    QVERIFY2(countLines(QRegularExpression(u"^http POST /apps/local/events 200 \\d+\\.\\d+ms$"_s)) >= 1,
             log.right(2000).constData());
    QVERIFY(countLines(QRegularExpression(u"^http POST /apps/local/events 401 \\d+\\.\\d+ms$"_s)) >= 1);
    QVERIFY(countLines(QRegularExpression(u"^http GET /apps/local/channels 200 \\d+\\.\\d+ms$"_s)) >= 1);
    // One line per frame: direction, event, channel.
    QVERIFY(countLines(QRegularExpression(u"^ws in realtime:subscribe"_s)) >= 2);
    QVERIFY(countLines(QRegularExpression(u"^ws out greeting channel=ctl-trigger$"_s)) == 1);
    QVERIFY(!log.contains("local-secret"));
}

QTEST_GUILESS_MAIN(TestCtlSandbox)
#include "tst_ctl_sandbox.moc"
