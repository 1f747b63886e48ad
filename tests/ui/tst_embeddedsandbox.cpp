// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// EmbeddedSandbox: what it keeps between servers (the app, its webhook URL, why the last
// start failed) and what it asks its SandboxHostFactory for. Real SandboxServers on loopback.
#include "session/embeddedsandbox.h"
#include "session/sandboxserverhost.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Apinator;
using namespace Apinator::Ui;

namespace {

struct Call
{
    quint16 port = 0;
    QList<SandboxApp> apps;
};

// The real factory, with each call written down.
SandboxHostFactory recording(QList<Call> *calls)
{
    return [calls, real = sandboxServerFactory()](quint16 port, const QList<SandboxApp> &apps, QString *error) {
        calls->append({port, apps});
        return real(port, apps, error);
    };
}

} // namespace

class TestEmbeddedSandbox final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void beforeAnyStart_saysStarting()
    {
        QList<Call> calls;
        EmbeddedSandbox sandbox(recording(&calls));
        QVERIFY(!sandbox.isRunning());
        QCOMPARE(sandbox.port(), quint16(0));
        QVERIFY(sandbox.baseUrl().isEmpty());
        QVERIFY(!sandbox.server());
        QCOMPARE(sandbox.stateText(), u"Sandbox starting…"_s);
        QVERIFY(calls.isEmpty());
    }

    void start_takenPort_fallsBackToAnyFreePort()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        QList<Call> calls;
        SandboxApp app;
        app.appId = u"mine"_s;
        EmbeddedSandbox sandbox(recording(&calls), app);
        QSignalSpy changed(&sandbox, &EmbeddedSandbox::stateChanged);

        QVERIFY(sandbox.start(squatter.serverPort()));
        QCOMPARE(calls.size(), 2);
        QCOMPARE(calls.at(0).port, squatter.serverPort());
        QCOMPARE(calls.at(1).port, quint16(0));
        QCOMPARE(calls.at(1).apps.size(), 1);
        QCOMPARE(calls.at(1).apps.constFirst().appId, u"mine"_s);
        QVERIFY(sandbox.isRunning());
        QVERIFY(sandbox.port() != 0 && sandbox.port() != squatter.serverPort());
        QCOMPARE(sandbox.baseUrl(), u"http://127.0.0.1:%1"_s.arg(sandbox.port()));
        QCOMPARE(sandbox.stateText(), u"Sandbox on 127.0.0.1:%1"_s.arg(sandbox.port()));
        QVERIFY(sandbox.stoppedReason().isEmpty());
        QCOMPARE(changed.size(), 1);

        // Running: a second start asks for nothing.
        QVERIFY(sandbox.start(squatter.serverPort()));
        QCOMPARE(calls.size(), 2);
    }

    void stop_keepsTheReason_andTheNextStartClearsIt()
    {
        QList<Call> calls;
        EmbeddedSandbox sandbox(recording(&calls));
        QVERIFY(sandbox.start(0));
        sandbox.stop(u"no profile uses it"_s);
        QVERIFY(!sandbox.isRunning());
        QVERIFY(!sandbox.server());
        QCOMPARE(sandbox.stateText(), u"Sandbox stopped: no profile uses it"_s);
        QVERIFY(sandbox.start(0));
        QVERIFY(sandbox.stoppedReason().isEmpty());
    }

    void webhookUrl_setWhileStopped_reachesTheNextServer()
    {
        QList<Call> calls;
        EmbeddedSandbox sandbox(recording(&calls));
        QVERIFY(sandbox.setWebhookUrl(u"http://127.0.0.1:9/hooks"_s));
        QCOMPARE(sandbox.app().webhookUrl, u"http://127.0.0.1:9/hooks"_s);
        QVERIFY(sandbox.start(0));
        QCOMPARE(calls.constLast().apps.constFirst().webhookUrl, u"http://127.0.0.1:9/hooks"_s);
        QCOMPARE(sandbox.server()->config().apps.constFirst().webhookUrl, u"http://127.0.0.1:9/hooks"_s);
    }

    void webhookUrl_refusedByTheRunningServer_leavesTheAppAsItWas()
    {
        QList<Call> calls;
        EmbeddedSandbox sandbox(recording(&calls));
        QVERIFY(sandbox.start(0));
        QString error;
        QVERIFY(!sandbox.setWebhookUrl(u"ftp://127.0.0.1/hooks"_s, &error));
        QVERIFY2(!error.isEmpty(), "the server says why");
        QVERIFY(sandbox.app().webhookUrl.isEmpty());
    }
};

QTEST_MAIN(TestEmbeddedSandbox)
#include "tst_embeddedsandbox.moc"
