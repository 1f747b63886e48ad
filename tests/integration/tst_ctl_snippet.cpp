// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl snippet: the curl script runs as printed (bash, curl, openssl) against a
// real sandbox, which accepts its signature and delivers the exact data; usage errors.
#include "ctlprocess.h"
#include "sandboxtesting.h"

#include <apinator/credentials.h>

#include <QEventLoop>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace SandboxTesting;

namespace {

// bash with the event loop spinning: the sandbox lives in this thread.
CtlTest::Run runBash(const QByteArray &script, const QProcessEnvironment &env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProgram(u"bash"_s);
    process.setArguments({u"-s"_s});
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    process.start();
    CtlTest::Run result;
    if (!process.waitForStarted())
        return result;
    process.write(script);
    process.closeWriteChannel();
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.finished = process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace

class TestCtlSnippet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void curlSnippet_runsAsPrinted_sandboxAcceptsAndDelivers_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QStringList>("channels");
        QTest::addRow("json object") << R"({"text":"hi"})"_ba << QStringList{u"chat"_s};
        QTest::addRow("quotes, dollar, newline, unicode") << "it's \"$HOME\" `x` \\n\n é 😀"_ba
                                                         << QStringList{u"chat"_s, u"other"_s};
    }
    void curlSnippet_runsAsPrinted_sandboxAcceptsAndDelivers()
    {
        QFETCH(QByteArray, data);
        QFETCH(QStringList, channels);
        if (QStandardPaths::findExecutable(u"curl"_s).isEmpty() || QStandardPaths::findExecutable(u"openssl"_s).isEmpty())
            QSKIP("curl or openssl is not installed");
        auto sandbox = startSandbox();
        QVERIFY(sandbox);
        const Apinator::SandboxApp app;
        WsTestClient subscriber;
        Apinator::Credentials credentials;
        credentials.key = app.key;
        credentials.baseUrl = sandbox->baseUrl();
        QVERIFY(subscriber.open(credentials.websocketUrl()));
        QVERIFY(subscriber.subscribe(u"chat"_s).has_value());

        QStringList args = {u"snippet"_s, u"--lang"_s, u"curl"_s, u"--base-url"_s, sandbox->baseUrl(),
                            u"--event"_s, u"from-curl"_s, u"--data-file"_s, u"-"_s};
        for (const QString &c : channels)
            args << u"--channel"_s << c;
        const CtlTest::Run snippet = CtlTest::run(args, data);
        QCOMPARE(snippet.exitCode, 0);
        QVERIFY(snippet.out.contains("openssl dgst"));

        QProcessEnvironment env = CtlTest::cleanEnvironment();
        env.insert(u"APINATOR_APP_ID"_s, app.appId);
        env.insert(u"APINATOR_KEY"_s, app.key);
        env.insert(u"APINATOR_SECRET"_s, QString::fromUtf8(app.secret));
        const CtlTest::Run bash = runBash(snippet.out, env);
        QVERIFY2(bash.finished && bash.exitCode == 0, bash.err.constData());
        const std::optional<QJsonObject> frame = subscriber.waitFor(u"from-curl"_s, u"chat"_s);
        QVERIFY(frame);
        QCOMPARE(frame->value(u"data"_s).toString().toUtf8(), data);
    }

    void curlSnippet_wrongSecret_failsWith401()
    {
        if (QStandardPaths::findExecutable(u"curl"_s).isEmpty())
            QSKIP("curl is not installed");
        auto sandbox = startSandbox();
        QVERIFY(sandbox);
        const CtlTest::Run snippet = CtlTest::run({u"snippet"_s, u"--lang"_s, u"curl"_s, u"--base-url"_s,
                                                   sandbox->baseUrl(), u"--event"_s, u"e"_s, u"--channel"_s,
                                                   u"chat"_s, u"--data"_s, u"{}"_s});
        QCOMPARE(snippet.exitCode, 0);
        QProcessEnvironment env = CtlTest::cleanEnvironment();
        const Apinator::SandboxApp app;
        env.insert(u"APINATOR_APP_ID"_s, app.appId);
        env.insert(u"APINATOR_KEY"_s, app.key);
        env.insert(u"APINATOR_SECRET"_s, u"wrong"_s);
        const CtlTest::Run bash = runBash(snippet.out, env);
        QVERIFY(bash.finished);
        QCOMPARE(bash.exitCode, 22); // curl --fail-with-body on an HTTP error
        QVERIFY(bash.out.contains("401") || bash.out.contains("nauthorized"));
    }

    void snippet_neverPrintsTheSecretFromTheEnvironment()
    {
        QProcessEnvironment env = CtlTest::cleanEnvironment();
        env.insert(u"APINATOR_SECRET"_s, u"super-secret-value"_s);
        for (const QString &lang : {u"curl"_s, u"python"_s, u"node"_s, u"go"_s, u"php"_s, u"http"_s}) {
            const CtlTest::Run r = CtlTest::run({u"snippet"_s, u"--lang"_s, lang, u"--event"_s, u"e"_s,
                                                 u"--channel"_s, u"chat"_s, u"--data"_s, u"{}"_s},
                                                {}, env);
            QCOMPARE(r.exitCode, 0);
            QVERIFY(!r.out.isEmpty());
            QVERIFY(!r.out.contains("super-secret-value"));
        }
    }

    void snippet_badInput_isOneUsageLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        const QStringList base = {u"--event"_s, u"e"_s, u"--channel"_s, u"chat"_s, u"--data"_s, u"{}"_s};
        QTest::addRow("unknown language") << (QStringList{u"--lang"_s, u"ruby"_s} + base) << "\"ruby\" is not one of"_ba;
        QTest::addRow("no language") << base << "--lang"_ba;
        QTest::addRow("bad channel") << QStringList{u"--lang"_s, u"curl"_s, u"--event"_s, u"e"_s, u"--channel"_s,
                                                    u"a b"_s, u"--data"_s, u"{}"_s}
                                     << "--channel"_ba;
        QTest::addRow("bad socket id") << (QStringList{u"--lang"_s, u"go"_s, u"--socket-id"_s, u"x"_s} + base)
                                       << "--socket-id"_ba;
        QTest::addRow("no data") << QStringList{u"--lang"_s, u"go"_s, u"--event"_s, u"e"_s, u"--channel"_s, u"c"_s}
                                 << "--data"_ba;
    }
    void snippet_badInput_isOneUsageLine()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        const CtlTest::Run r = CtlTest::run(QStringList{u"snippet"_s} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(CtlTest::isOneErrorLine(r.err), r.err.constData());
        QVERIFY2(r.err.contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCtlSnippet)
#include "tst_ctl_snippet.moc"
