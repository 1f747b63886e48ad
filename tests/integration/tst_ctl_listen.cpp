// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl listen as a process against a SandboxServer living in the test.
#include "ctlprocess.h"
#include "rawhttpserver.h"
#include "sandboxtesting.h"

#include <apinator/names.h>
#include <apinator/sandboxserver.h>

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Apinator;
using namespace SandboxTesting;

namespace {

// Distinctive, so finding it in an output means it leaked.
const QByteArray WrongSecret = "wr0ng-s3cret-NEVER-PRINT";

// One running `apinatorctl listen`; the test's event loop keeps turning while it waits.
class ListenProcess
{
public:
    void start(const QStringList &args)
    {
        m_process.setProcessEnvironment(CtlTest::cleanEnvironment());
        m_process.setProgram(QStringLiteral(APINATOR_CTL_PATH));
        m_process.setArguments(args);
        m_process.start();
        QVERIFY(m_process.waitForStarted());
    }
    // The socket id from the first stderr line, empty when it did not come.
    QString waitForSocketId(int timeoutMs = 10000)
    {
        (void)QTest::qWaitFor([&] { return readErr().contains('\n') || m_process.state() == QProcess::NotRunning; },
                              timeoutMs);
        const QByteArray first = m_err.left(m_err.indexOf('\n'));
        return QString::fromUtf8(first.mid(first.lastIndexOf(' ') + 1));
    }
    bool waitForExit(int timeoutMs = 20000)
    {
        const bool done = QTest::qWaitFor([&] { return m_process.state() == QProcess::NotRunning; }, timeoutMs);
        readErr();
        m_out += m_process.readAllStandardOutput();
        return done && m_process.exitStatus() == QProcess::NormalExit;
    }
    int exitCode() const { return m_process.exitCode(); }
    const QByteArray &err() const { return m_err; }
    const QByteArray &out() const { return m_out; }
    ~ListenProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

private:
    const QByteArray &readErr()
    {
        m_err += m_process.readAllStandardError();
        return m_err;
    }
    QProcess m_process;
    QByteArray m_err;
    QByteArray m_out;
};

} // namespace

class TestCtlListen final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_server = startSandbox();
        QVERIFY(m_server);
        m_subscribed.clear();
        connect(m_server.get(), &SandboxServer::frameLogged, this,
                [this](const QString &direction, const QString &event, const QString &channel) {
                    if (direction == u"out" && event == u"realtime:subscription_succeeded")
                        m_subscribed.append(channel);
                });
    }
    void cleanup() { m_server.reset(); }

    void thousandEvents_arriveInOrder_noneLost()
    {
        ListenProcess listen;
        listen.start(args({u"--channel"_s, u"orders"_s, u"--count"_s, u"1000"_s}));
        QVERIFY(Names::isValidSocketId(listen.waitForSocketId()));
        QVERIFY(waitSubscribed(u"orders"_s));
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(trigger(m_server->port(), {}, "tick", "orders", QByteArray("{\"n\":" + QByteArray::number(i) + '}')).status,
                     200);
        QVERIFY(listen.waitForExit());
        QCOMPARE(listen.exitCode(), 0);
        const QList<QByteArray> lines = listen.out().split('\n');
        QCOMPARE(lines.size(), 1001); // and a final empty piece after the last newline
        const QRegularExpression shape(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z orders tick \\{\"n\":(\\d+)\\}$"_s);
        for (int i = 0; i < 1000; ++i) {
            const QRegularExpressionMatch match = shape.match(QString::fromUtf8(lines[i]));
            QVERIFY2(match.hasMatch(), lines[i].constData());
            QCOMPARE(match.captured(1).toInt(), i);
        }
    }

    void json_oneObjectPerEvent_dataAsSent()
    {
        ListenProcess listen;
        listen.start(args({u"--channel"_s, u"chat"_s, u"--channel"_s, u"private-room"_s, u"--count"_s, u"2"_s,
                           u"--json"_s}));
        QVERIFY(!listen.waitForSocketId().isEmpty());
        QVERIFY(waitSubscribed(u"chat"_s) && waitSubscribed(u"private-room"_s));
        const QByteArray first = "{\"text\":\"line one\\nline two \\\"q\\\" \xc3\xa9\"}";
        const QByteArray second = "not json at all";
        QCOMPARE(trigger(m_server->port(), {}, "msg", "chat", first).status, 200);
        QCOMPARE(trigger(m_server->port(), {}, "note", "private-room", second).status, 200);
        QVERIFY(listen.waitForExit());
        QCOMPARE(listen.exitCode(), 0);
        const QList<QByteArray> lines = listen.out().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        const QList<QByteArray> channels{"chat", "private-room"}, events{"msg", "note"}, data{first, second};
        for (int i = 0; i < 2; ++i) {
            QVERIFY2(CtlTest::membersInOrder(lines[i], {"time", "channel", "event", "data"}), lines[i].constData());
            const QJsonObject o = CtlTest::jsonObject(lines[i]);
            QCOMPARE(o.size(), 4);
            QVERIFY(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"_s)
                        .match(o.value("time"_L1).toString())
                        .hasMatch());
            QCOMPARE(o.value("channel"_L1).toString().toUtf8(), channels[i]);
            QCOMPARE(o.value("event"_L1).toString().toUtf8(), events[i]);
            QCOMPARE(o.value("data"_L1).toString().toUtf8(), data[i]);
        }
    }

    void socketIdLine_excludesThisConnection()
    {
        ListenProcess listen;
        listen.start(args({u"--channel"_s, u"chat"_s, u"--count"_s, u"1"_s}));
        const QString socketId = listen.waitForSocketId();
        QVERIFY2(Names::isValidSocketId(socketId), listen.err().constData());
        QVERIFY(waitSubscribed(u"chat"_s));
        QCOMPARE(trigger(m_server->port(), {}, "excluded", "chat", "1", socketId.toUtf8()).status, 200);
        QCOMPARE(trigger(m_server->port(), {}, "included", "chat", "2").status, 200);
        QVERIFY(listen.waitForExit());
        QCOMPARE(listen.exitCode(), 0);
        QVERIFY2(!listen.out().contains("excluded") && listen.out().contains(" chat included 2\n"),
                 listen.out().constData());
    }

    void timeout_exitsZeroAfterSilence()
    {
        ListenProcess listen;
        listen.start(args({u"--channel"_s, u"quiet"_s, u"--timeout"_s, u"1"_s}));
        QVERIFY(!listen.waitForSocketId().isEmpty());
        QVERIFY(waitSubscribed(u"quiet"_s));
        QCOMPARE(trigger(m_server->port(), {}, "once", "quiet", "x").status, 200);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(listen.waitForExit(10000));
        QCOMPARE(listen.exitCode(), 0);
        QVERIFY(timer.elapsed() >= 800);
        QCOMPARE(listen.out().count('\n'), 1);
    }

    void presence_userIdAndInfo_makeTheMember()
    {
        ListenProcess listen;
        listen.start(args({u"--channel"_s, u"presence-lobby"_s, u"--user-id"_s, u"cli-user"_s, u"--user-info"_s,
                           u"{\"name\":\"CLI\"}"_s, u"--timeout"_s, u"5"_s}));
        QVERIFY(!listen.waitForSocketId().isEmpty());
        QVERIFY(waitSubscribed(u"presence-lobby"_s));
        WsTestClient other;
        QVERIFY(other.open(m_server->websocketUrl(u"local-key"_s)));
        const auto ok = other.subscribe(u"presence-lobby"_s, {}, "{\"user_id\":\"other\"}");
        QVERIFY(ok);
        const QJsonObject presence = WsTestClient::data(*ok).value("presence"_L1).toObject();
        QCOMPARE(presence.value("ids"_L1).toArray().first().toString(), u"cli-user"_s);
        QCOMPARE(presence.value("hash"_L1).toObject().value("cli-user"_L1).toObject().value("name"_L1).toString(),
                 u"CLI"_s);
    }

    void failingSubscription_exitsOne_withReason()
    {
        ListenProcess listen;
        QStringList a = args({u"--channel"_s, u"chat"_s, u"--channel"_s, u"private-orders"_s});
        a[a.indexOf(u"--secret"_s) + 1] = QString::fromUtf8(WrongSecret);
        listen.start(a);
        QVERIFY(listen.waitForExit());
        QCOMPARE(listen.exitCode(), 1);
        QVERIFY2(listen.err().contains("apinatorctl: listen: subscription to private-orders failed: AuthError 403: "
                                       "invalid signature"),
                 listen.err().constData());
        QVERIFY(!listen.err().contains(WrongSecret));
        QVERIFY(listen.out().isEmpty());
    }

    void noConnection_exitsFour_data()
    {
        QTest::addColumn<bool>("closedPort");
        QTest::newRow("closed port") << true;
        QTest::newRow("unknown key") << false;
    }
    void noConnection_exitsFour()
    {
        QFETCH(bool, closedPort);
        QStringList a = args({u"--channel"_s, u"chat"_s});
        if (closedPort)
            a[a.indexOf(u"--base-url"_s) + 1] = u"http://127.0.0.1:%1"_s.arg(TestSupport::closedPort());
        else
            a[a.indexOf(u"--key"_s) + 1] = u"no-such-key"_s;
        const CtlTest::Run run = CtlTest::run(a);
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.startsWith("apinatorctl: listen: cannot connect to ws://127.0.0.1:"), run.err.constData());
        QVERIFY(CtlTest::isOneErrorLine(run.err));
        if (!closedPort)
            QVERIFY(run.err.contains("unknown app key"));
    }

    void usage_errors_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("no channel") << QStringList{} << "apinatorctl: --channel: required"_ba;
        QTest::newRow("bad channel") << QStringList{u"--channel"_s, u"a b"_s} << "apinatorctl: --channel: "_ba;
        QTest::newRow("user info not an object")
            << QStringList{u"--channel"_s, u"c"_s, u"--user-info"_s, u"[1]"_s} << "apinatorctl: --user-info: not a JSON object"_ba;
        QTest::newRow("count zero") << QStringList{u"--channel"_s, u"c"_s, u"--count"_s, u"0"_s}
                                    << "apinatorctl: --count: "_ba;
    }
    void usage_errors()
    {
        QFETCH(QStringList, extra);
        QFETCH(QByteArray, message);
        const CtlTest::Run run = CtlTest::run(args(extra));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith(message), run.err.constData());
        QVERIFY(CtlTest::isOneErrorLine(run.err));
    }

    void help_listsTheOptions()
    {
        const CtlTest::Run run = CtlTest::run({u"listen"_s, u"--help"_s});
        QCOMPARE(run.exitCode, 0);
        for (const char *flag : {"--channel", "--user-id", "--user-info", "--count", "--timeout", "--json", "--profile"})
            QVERIFY2(run.out.contains(flag), flag);
    }

private:
    QStringList args(const QStringList &extra) const
    {
        const SandboxApp app;
        return QStringList{u"listen"_s, u"--base-url"_s, m_server->baseUrl(), u"--key"_s, app.key, u"--secret"_s,
                           QString::fromUtf8(app.secret)}
               + extra;
    }
    bool waitSubscribed(const QString &channel)
    {
        return QTest::qWaitFor([&] { return m_subscribed.contains(channel); }, 10000);
    }

    std::unique_ptr<SandboxServer> m_server;
    QStringList m_subscribed;
};

QTEST_GUILESS_MAIN(TestCtlListen)
#include "tst_ctl_listen.moc"
