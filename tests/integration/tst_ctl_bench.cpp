// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl bench trigger with each engine, against a real `apinatorctl sandbox` process.
#include "ctlprocess.h"
#include "sandboxprocess.h"

#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCtlBench final : public QObject
{
    Q_OBJECT

private:
    QProcessEnvironment env(const QString &secret = u"local-secret"_s) const { return m_sandbox.environment(secret); }
    static QStringList benchArgs(const QString &engine, int count, int concurrency, const QString &channel)
    {
        QStringList args{u"bench"_s, u"trigger"_s, u"--count"_s, QString::number(count), u"--concurrency"_s,
                         QString::number(concurrency), u"--channel"_s, channel, u"--json"_s};
        if (!engine.isEmpty())
            args << u"--engine"_s << engine;
        return args;
    }

    QTemporaryDir m_dir;
    CtlTest::SandboxProcess m_sandbox;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void engine_nEvents_allAcceptedAndReceived_data();
    void engine_nEvents_allAcceptedAndReceived();
    void engine_wrongSecret_failuresGroupedAs401_data();
    void engine_wrongSecret_failuresGroupedAs401();
    void engine_closedPort_exits4NamingTheSubscriberAndPort_data();
    void engine_closedPort_exits4NamingTheSubscriberAndPort();
    void engine_textOutput_namesTheEngine();
    void engineOption_bad_exits2NamingIt_data();
    void engineOption_bad_exits2NamingIt();
};

void TestCtlBench::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_sandbox.start(m_dir.filePath(u"sandbox.log"_s)));
}

void TestCtlBench::cleanupTestCase()
{
    m_sandbox.process->terminate();
    QVERIFY(m_sandbox.process->waitForFinished(15000));
    QCOMPARE(m_sandbox.process->exitCode(), 0);
    const QByteArray log = m_sandbox.log();
    // Every event the runs sent reached the sandbox as a request and went out as a frame.
    QCOMPARE(log.count("http POST /apps/local/events 200 "), 2 * 500 + 5);
    QCOMPARE(log.count("ws out bench-event channel=bench-ok-"), 2 * 500);
    QCOMPARE(log.count("http POST /apps/local/events 401 "), 2 * 20);
}

void TestCtlBench::engine_nEvents_allAcceptedAndReceived_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QString>("named");
    QTest::addRow("default is lean for http://") << QString() << u"lean-http1"_s;
    QTest::addRow("libcurl") << u"libcurl"_s << u"libcurl"_s;
}

void TestCtlBench::engine_nEvents_allAcceptedAndReceived()
{
    QFETCH(QString, engine);
    QFETCH(QString, named);
    const CtlTest::Run run = CtlTest::run(benchArgs(engine, 500, 16, u"bench-ok-"_s + named), {}, env());
    QVERIFY2(run.finished && run.exitCode == 0, run.err.constData());
    QCOMPARE(run.out.count('\n'), 1);
    const QJsonObject result = CtlTest::jsonObject(run.out);
    QVERIFY(CtlTest::membersInOrder(run.out, {"sent", "ok", "failed", "failures", "events_per_second", "latency_ms",
                                              "received", "engine"}));
    QCOMPARE(result.keys().size(), 8);
    QCOMPARE(result.value(u"engine"_s).toString(), named);
    QCOMPARE(result.value(u"sent"_s).toInt(), 500);
    QCOMPARE(result.value(u"ok"_s).toInt(), 500);
    QCOMPARE(result.value(u"failed"_s).toInt(), 0);
    QVERIFY(result.value(u"failures"_s).toObject().isEmpty());
    QCOMPARE(result.value(u"received"_s).toInt(), 500);
    QVERIFY(result.value(u"events_per_second"_s).toDouble() > 0);
    const QJsonObject latency = result.value(u"latency_ms"_s).toObject();
    const double p50 = latency.value(u"p50"_s).toDouble(), p90 = latency.value(u"p90"_s).toDouble();
    const double p99 = latency.value(u"p99"_s).toDouble(), max = latency.value(u"max"_s).toDouble();
    QVERIFY2(0 < p50 && p50 <= p90 && p90 <= p99 && p99 <= max, run.out.constData());
}

void TestCtlBench::engine_wrongSecret_failuresGroupedAs401_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addRow("lean") << u"lean"_s;
    QTest::addRow("libcurl") << u"libcurl"_s;
}

void TestCtlBench::engine_wrongSecret_failuresGroupedAs401()
{
    QFETCH(QString, engine);
    const CtlTest::Run run = CtlTest::run(benchArgs(engine, 20, 4, u"bench-401"_s), {}, env(u"not-the-secret"_s));
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 3);
    const QJsonObject result = CtlTest::jsonObject(run.out);
    QCOMPARE(result.value(u"sent"_s).toInt(), 20);
    QCOMPARE(result.value(u"ok"_s).toInt(), 0);
    QCOMPARE(result.value(u"failed"_s).toInt(), 20);
    QCOMPARE(result.value(u"failures"_s).toObject(), (QJsonObject{{u"401"_s, 20}}));
    QCOMPARE(result.value(u"received"_s).toInt(), 0);
    QVERIFY(!run.out.contains("not-the-secret") && !run.err.contains("not-the-secret"));
}

void TestCtlBench::engine_closedPort_exits4NamingTheSubscriberAndPort_data()
{
    engine_wrongSecret_failuresGroupedAs401_data();
}

void TestCtlBench::engine_closedPort_exits4NamingTheSubscriberAndPort()
{
    QFETCH(QString, engine);
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const QString port = QString::number(probe.serverPort());
    probe.close();
    QProcessEnvironment environment = env();
    environment.insert(u"APINATOR_BASE_URL"_s, u"http://127.0.0.1:"_s + port);
    const CtlTest::Run run = CtlTest::run(benchArgs(engine, 10, 2, u"bench-closed"_s), {}, environment);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 4); // as before the lean engine: the subscriber cannot connect first
    QVERIFY(run.out.isEmpty());
    QVERIFY2(CtlTest::isOneErrorLine(run.err), run.err.constData());
    QVERIFY2(run.err.contains(QByteArray("WebSocket subscriber on ws://127.0.0.1:" + port.toUtf8() + "/app/local-key")),
             run.err.constData());
    QVERIFY2(run.err.toLower().contains("refused"), run.err.constData());
}

void TestCtlBench::engine_textOutput_namesTheEngine()
{
    QStringList args = benchArgs(u"lean"_s, 5, 2, u"bench-text"_s);
    args.removeAll(u"--json"_s);
    const CtlTest::Run run = CtlTest::run(args, {}, env());
    QVERIFY2(run.finished && run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("engine    lean-http1\n"), run.out.constData());
    QVERIFY2(run.out.contains("received  5 (subscriber on bench-text)"), run.out.constData());
}

void TestCtlBench::engineOption_bad_exits2NamingIt_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QByteArray>("mentions");
    QTest::addRow("unknown engine") << u"fast"_s << QString() << "lean or libcurl"_ba;
    QTest::addRow("lean over https") << u"lean"_s << u"https://127.0.0.1:1"_s << "http://"_ba;
}

void TestCtlBench::engineOption_bad_exits2NamingIt()
{
    QFETCH(QString, engine);
    QFETCH(QString, baseUrl);
    QFETCH(QByteArray, mentions);
    QProcessEnvironment environment = env();
    if (!baseUrl.isEmpty())
        environment.insert(u"APINATOR_BASE_URL"_s, baseUrl);
    const CtlTest::Run run = CtlTest::run(benchArgs(engine, 5, 1, u"bench-usage"_s), {}, environment);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(CtlTest::isOneErrorLine(run.err), run.err.constData());
    QVERIFY2(run.err.contains("--engine") && run.err.contains(mentions), run.err.constData());
}

QTEST_GUILESS_MAIN(TestCtlBench)
#include "tst_ctl_bench.moc"
