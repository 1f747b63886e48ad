// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl as a command line: help, version, usage errors, where credentials come from.
#include <QTest>

#include "ctlprocess.h"

using namespace Qt::StringLiterals;

namespace {

const QStringList SignRequest{u"sign"_s, u"request"_s, u"--key"_s, u"k"_s, u"--secret"_s, u"s"_s};
const QStringList SignChannel{u"sign"_s, u"channel"_s, u"--key"_s, u"k"_s, u"--secret"_s, u"s"_s};
const QStringList SignWebhook{u"sign"_s, u"webhook"_s, u"--webhook-secret"_s, u"w"_s};
const QStringList VerifyWebhook{u"verify"_s, u"webhook"_s, u"--webhook-secret"_s, u"w"_s};
const QStringList VerifyChannel{u"verify"_s, u"channel"_s, u"--key"_s, u"k"_s, u"--secret"_s, u"s"_s};
// A closed port: none of these rows may get as far as sending anything.
const QStringList Rest{u"--app-id"_s, u"1"_s, u"--key"_s, u"k"_s, u"--secret"_s, u"s"_s,
                       u"--base-url"_s, u"http://127.0.0.1:9"_s};

} // namespace

class TestCtlCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void help_everyCommand_printsUsageAndExample_data();
    void help_everyCommand_printsUsageAndExample();
    void help_topLevel_listsEveryCommand();
    void version_printsVersion();
    void badInput_exits2WithOneLineNamingIt_data();
    void badInput_exits2WithOneLineNamingIt();
    void timestampNotNumeric_exactMessage();
    void libcryptoMissing_exitsNamingTheLibrary();
    void valueStartingWithDash_acceptedWithEquals();
    void credentials_fromEnvironment();
    void credentials_flagWinsOverEnvironment();
    void credentials_clusterFlag_winsOverEnvironmentBaseUrl();
    void credentials_emptyEnvironment_namesFlagAndVariable();
};

void TestCtlCli::help_everyCommand_printsUsageAndExample_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("usage");
    QTest::addRow("sign") << QStringList{u"sign"_s, u"--help"_s} << "Usage: apinatorctl sign COMMAND"_ba;
    QTest::addRow("verify") << QStringList{u"verify"_s, u"--help"_s} << "Usage: apinatorctl verify COMMAND"_ba;
    const QList<QStringList> commands{{u"sign"_s, u"request"_s}, {u"sign"_s, u"channel"_s},
                                      {u"sign"_s, u"webhook"_s}, {u"verify"_s, u"webhook"_s},
                                      {u"verify"_s, u"channel"_s}, {u"trigger"_s},
                                      {u"channels"_s}, {u"channel"_s}};
    for (const QStringList &command : commands) {
        const QByteArray name = command.join(u' ').toUtf8();
        QTest::addRow("%s", name.constData()) << command + QStringList{u"--help"_s}
                                              << "Usage: apinatorctl " + name + ' ';
        // --help wins over anything else wrong on the line.
        QTest::addRow("%s with a bad flag", name.constData())
            << command + QStringList{u"--bogus"_s, u"--help"_s} << "Usage: apinatorctl " + name + ' ';
    }
}

void TestCtlCli::help_everyCommand_printsUsageAndExample()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, usage);
    const CtlTest::Run r = CtlTest::run(args);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, QByteArray());
    QVERIFY2(r.out.startsWith(usage), r.out.constData());
    // A group's help lists its commands; every command's help ends with an example.
    const bool group = args.size() == 2 && (args.first() == u"sign" || args.first() == u"verify");
    if (group) {
        QVERIFY2(r.out.contains("\nCommands:\n"), r.out.constData());
    } else {
        QVERIFY2(r.out.contains(QByteArray("\nExample:\n  apinatorctl " + args.first().toUtf8())), r.out.constData());
        QVERIFY(r.out.contains("\n  --help "));
    }
}

void TestCtlCli::help_topLevel_listsEveryCommand()
{
    const CtlTest::Run r = CtlTest::run({u"--help"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, QByteArray());
    QVERIFY(r.out.startsWith("Usage: apinatorctl COMMAND"));
    for (const char *command : {"sign request", "sign channel", "sign webhook", "verify webhook", "verify channel",
                                "trigger", "channels", "channel "})
        QVERIFY2(r.out.contains(QByteArray("\n  "_ba + command)), command);
    QVERIFY(r.out.contains("Example:\n  apinatorctl "));
}

void TestCtlCli::version_printsVersion()
{
    const CtlTest::Run r = CtlTest::run({u"--version"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, "apinatorctl " APINATOR_VERSION "\n"_ba);
}

void TestCtlCli::badInput_exits2WithOneLineNamingIt_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("named"); // what the one line must start with, after "apinatorctl: "

    QTest::addRow("no command") << QStringList{} << "missing command"_ba;
    QTest::addRow("unknown command") << QStringList{u"frobnicate"_s} << "unknown command \"frobnicate\""_ba;
    QTest::addRow("unknown top-level flag") << QStringList{u"--frob"_s} << "--frob: unknown option"_ba;
    QTest::addRow("sign without subcommand") << QStringList{u"sign"_s} << "sign: missing command"_ba;
    QTest::addRow("unknown sign subcommand") << QStringList{u"sign"_s, u"frob"_s} << "sign: unknown command"_ba;

    const QStringList req = SignRequest + QStringList{u"--method"_s, u"GET"_s, u"--path"_s, u"/p"_s};
    QTest::addRow("request: unknown flag") << req + QStringList{u"--timestamp"_s, u"1"_s, u"--bogus"_s}
                                           << "--bogus: unknown option"_ba;
    QTest::addRow("request: missing --method")
        << SignRequest + QStringList{u"--path"_s, u"/p"_s, u"--timestamp"_s, u"1"_s} << "--method: required"_ba;
    QTest::addRow("request: bad --method")
        << SignRequest + QStringList{u"--method"_s, u"GE T"_s, u"--path"_s, u"/p"_s, u"--timestamp"_s, u"1"_s}
        << "--method: "_ba;
    QTest::addRow("request: missing --path")
        << SignRequest + QStringList{u"--method"_s, u"GET"_s, u"--timestamp"_s, u"1"_s} << "--path: required"_ba;
    QTest::addRow("request: relative --path")
        << SignRequest + QStringList{u"--method"_s, u"GET"_s, u"--path"_s, u"apps/1"_s, u"--timestamp"_s, u"1"_s}
        << "--path: "_ba;
    QTest::addRow("request: missing --timestamp") << req << "--timestamp: required"_ba;
    QTest::addRow("request: fractional --timestamp") << req + QStringList{u"--timestamp"_s, u"1.5"_s}
                                                     << "--timestamp: not a whole number"_ba;
    QTest::addRow("request: negative --timestamp") << req + QStringList{u"--timestamp=-5"_s}
                                                   << "--timestamp: not a whole number"_ba;
    QTest::addRow("request: --timestamp without value") << req + QStringList{u"--timestamp"_s}
                                                        << "--timestamp: missing value"_ba;
    QTest::addRow("request: dash value needs =") << req + QStringList{u"--timestamp"_s, u"-5"_s}
                                                 << "--timestamp: missing value"_ba;
    QTest::addRow("request: --body and --body-file")
        << req + QStringList{u"--timestamp"_s, u"1"_s, u"--body"_s, u"x"_s, u"--body-file"_s, u"/etc/hostname"_s}
        << "--body-file: cannot be combined with --body"_ba;
    QTest::addRow("request: unreadable --body-file")
        << req + QStringList{u"--timestamp"_s, u"1"_s, u"--body-file"_s, u"/nonexistent/body.json"_s}
        << "--body-file: cannot read"_ba;
    QTest::addRow("request: --timestamp twice") << req + QStringList{u"--timestamp"_s, u"1"_s, u"--timestamp"_s, u"2"_s}
                                                << "--timestamp: given more than once"_ba;
    QTest::addRow("request: switch with value") << req + QStringList{u"--timestamp"_s, u"1"_s, u"--json=yes"_s}
                                                << "--json: takes no value"_ba;
    QTest::addRow("request: stray argument") << req + QStringList{u"--timestamp"_s, u"1"_s, u"extra"_s}
                                             << "sign request: unexpected argument \"extra\""_ba;
    QTest::addRow("request: missing --secret")
        << QStringList{u"sign"_s, u"request"_s, u"--key"_s, u"k"_s, u"--method"_s, u"GET"_s, u"--path"_s, u"/p"_s,
                       u"--timestamp"_s, u"1"_s}
        << "--secret: required"_ba;
    QTest::addRow("request: missing --key")
        << QStringList{u"sign"_s, u"request"_s, u"--secret"_s, u"s"_s, u"--method"_s, u"GET"_s, u"--path"_s,
                       u"/p"_s, u"--timestamp"_s, u"1"_s}
        << "--key: required"_ba;

    const QStringList chan = SignChannel + QStringList{u"--socket-id"_s, u"1.2"_s};
    QTest::addRow("channel: missing --socket-id") << SignChannel + QStringList{u"--channel"_s, u"private-a"_s}
                                                  << "--socket-id: required"_ba;
    QTest::addRow("channel: bad --socket-id")
        << SignChannel + QStringList{u"--socket-id"_s, u"abc"_s, u"--channel"_s, u"private-a"_s} << "--socket-id: "_ba;
    QTest::addRow("channel: missing --channel") << chan << "--channel: required"_ba;
    QTest::addRow("channel: bad --channel") << chan + QStringList{u"--channel"_s, u"private a"_s} << "--channel: "_ba;
    QTest::addRow("channel: presence without data") << chan + QStringList{u"--channel"_s, u"presence-a"_s}
                                                    << "--channel-data: required"_ba;
    QTest::addRow("channel: private with channel data")
        << chan + QStringList{u"--channel"_s, u"private-a"_s, u"--channel-data={\"user_id\":\"u\"}"_s}
        << "--channel-data: only presence channels"_ba;
    QTest::addRow("channel: presence data not JSON")
        << chan + QStringList{u"--channel"_s, u"presence-a"_s, u"--channel-data"_s, u"nope"_s} << "--channel-data: "_ba;
    QTest::addRow("channel: presence data empty user_id")
        << chan + QStringList{u"--channel"_s, u"presence-a"_s, u"--channel-data={\"user_id\":\"\"}"_s}
        << "--channel-data: "_ba;
    QTest::addRow("channel: presence user_info not object")
        << chan + QStringList{u"--channel"_s, u"presence-a"_s, u"--channel-data={\"user_id\":\"u\",\"user_info\":3}"_s}
        << "--channel-data: "_ba;

    QTest::addRow("webhook: missing body") << SignWebhook << "--body: required"_ba;
    QTest::addRow("webhook: --body and --body-file")
        << SignWebhook + QStringList{u"--body"_s, u"x"_s, u"--body-file"_s, u"-"_s}
        << "--body-file: cannot be combined with --body"_ba;
    QTest::addRow("webhook: bad --timestamp") << SignWebhook + QStringList{u"--body"_s, u"x"_s, u"--timestamp"_s, u"now"_s}
                                              << "--timestamp: not a whole number"_ba;
    QTest::addRow("webhook: no secret at all") << QStringList{u"sign"_s, u"webhook"_s, u"--body"_s, u"x"_s}
                                               << "--webhook-secret: required"_ba;

    QTest::addRow("verify webhook: no input") << VerifyWebhook << "--request-file: required"_ba;
    QTest::addRow("verify webhook: file and header")
        << VerifyWebhook + QStringList{u"--request-file"_s, u"-"_s, u"--header"_s, u"A: b"_s}
        << "--header: cannot be combined with --request-file"_ba;
    QTest::addRow("verify webhook: header without colon")
        << VerifyWebhook + QStringList{u"--header"_s, u"NoColon"_s, u"--body"_s, u"x"_s} << "--header: "_ba;
    QTest::addRow("verify webhook: bad --max-age")
        << VerifyWebhook + QStringList{u"--body"_s, u"x"_s, u"--max-age"_s, u"soon"_s} << "--max-age: "_ba;
    QTest::addRow("verify webhook: bad --now")
        << VerifyWebhook + QStringList{u"--body"_s, u"x"_s, u"--now"_s, u"12:00"_s} << "--now: not a whole number"_ba;
    QTest::addRow("verify webhook: unreadable file")
        << VerifyWebhook + QStringList{u"--request-file"_s, u"/nonexistent/req.http"_s}
        << "--request-file: cannot read"_ba;
    QTest::addRow("verify webhook: no secret") << QStringList{u"verify"_s, u"webhook"_s, u"--body"_s, u"x"_s}
                                               << "--webhook-secret: required"_ba;

    const QStringList vchan = VerifyChannel + QStringList{u"--socket-id"_s, u"1.2"_s, u"--channel"_s, u"private-a"_s};
    QTest::addRow("verify channel: no token") << vchan << "--auth: required"_ba;
    QTest::addRow("verify channel: --auth and --response")
        << vchan + QStringList{u"--auth"_s, u"k:x"_s, u"--response"_s, u"{}"_s}
        << "--response: cannot be combined with --auth"_ba;
    QTest::addRow("verify channel: missing --socket-id")
        << VerifyChannel + QStringList{u"--channel"_s, u"private-a"_s, u"--auth"_s, u"k:x"_s}
        << "--socket-id: required"_ba;
    QTest::addRow("verify channel: missing --channel")
        << VerifyChannel + QStringList{u"--socket-id"_s, u"1.2"_s, u"--auth"_s, u"k:x"_s} << "--channel: required"_ba;

    const QStringList trig = QStringList{u"trigger"_s} + Rest;
    const QStringList event = trig + QStringList{u"--event"_s, u"e"_s};
    QTest::addRow("trigger: missing --event")
        << trig + QStringList{u"--channel"_s, u"c"_s, u"--data"_s, u"{}"_s} << "--event: required"_ba;
    QTest::addRow("trigger: empty --event")
        << trig + QStringList{u"--event="_s, u"--channel"_s, u"c"_s, u"--data"_s, u"{}"_s} << "--event: "_ba;
    QTest::addRow("trigger: missing --channel") << event + QStringList{u"--data"_s, u"{}"_s} << "--channel: required"_ba;
    QTest::addRow("trigger: bad second --channel")
        << event + QStringList{u"--channel"_s, u"ok"_s, u"--channel"_s, u"not ok"_s, u"--data"_s, u"{}"_s}
        << "--channel: "_ba;
    QTest::addRow("trigger: missing --data") << event + QStringList{u"--channel"_s, u"c"_s} << "--data: required"_ba;
    QTest::addRow("trigger: --data and --data-file")
        << event + QStringList{u"--channel"_s, u"c"_s, u"--data"_s, u"{}"_s, u"--data-file"_s, u"-"_s}
        << "--data-file: cannot be combined with --data"_ba;
    QTest::addRow("trigger: bad --socket-id")
        << event + QStringList{u"--channel"_s, u"c"_s, u"--data"_s, u"{}"_s, u"--socket-id"_s, u"x"_s}
        << "--socket-id: "_ba;
    QTest::addRow("trigger: bad --timeout")
        << event + QStringList{u"--channel"_s, u"c"_s, u"--data"_s, u"{}"_s, u"--timeout"_s, u"soon"_s}
        << "--timeout: not a positive whole number"_ba;
    QTest::addRow("trigger: zero --timeout")
        << event + QStringList{u"--channel"_s, u"c"_s, u"--data"_s, u"{}"_s, u"--timeout"_s, u"0"_s}
        << "--timeout: not a positive whole number"_ba;
    const QStringList complete = QStringList{u"--event"_s, u"e"_s, u"--channel"_s, u"c"_s, u"--data"_s, u"{}"_s};
    QTest::addRow("trigger: missing --app-id")
        << QStringList{u"trigger"_s, u"--key"_s, u"k"_s, u"--secret"_s, u"s"_s, u"--cluster"_s, u"eu"_s} + complete
        << "--app-id: required"_ba;
    QTest::addRow("trigger: missing location")
        << QStringList{u"trigger"_s, u"--app-id"_s, u"1"_s, u"--key"_s, u"k"_s, u"--secret"_s, u"s"_s} + complete
        << "--base-url: required"_ba;
    QTest::addRow("trigger: bad --base-url")
        << QStringList{u"trigger"_s, u"--app-id"_s, u"1"_s, u"--key"_s, u"k"_s, u"--secret"_s, u"s"_s,
                       u"--base-url"_s, u"ftp://example.com"_s} + complete
        << "--base-url: "_ba;

    QTest::addRow("channels: bad --timeout") << QStringList{u"channels"_s} + Rest + QStringList{u"--timeout=-1"_s}
                                             << "--timeout: "_ba;
    QTest::addRow("channels: missing --secret")
        << QStringList{u"channels"_s, u"--app-id"_s, u"1"_s, u"--key"_s, u"k"_s, u"--cluster"_s, u"eu"_s}
        << "--secret: required"_ba;
    QTest::addRow("channel: missing NAME") << QStringList{u"channel"_s} + Rest << "channel: missing argument NAME"_ba;
    QTest::addRow("channel: bad NAME") << QStringList{u"channel"_s, u"a b"_s} + Rest << "NAME \"a b\": "_ba;
    QTest::addRow("channel: two names") << QStringList{u"channel"_s, u"a"_s, u"b"_s} + Rest
                                        << "channel: unexpected argument \"b\""_ba;
}

void TestCtlCli::badInput_exits2WithOneLineNamingIt()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, named);
    const CtlTest::Run r = CtlTest::run(args);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QByteArray());
    QVERIFY2(CtlTest::isOneErrorLine(r.err), r.err.constData());
    QVERIFY2(r.err.startsWith(QByteArray("apinatorctl: " + named)), r.err.constData());
}

void TestCtlCli::libcryptoMissing_exitsNamingTheLibrary()
{
#ifdef APINATOR_CRYPTO_DLOPEN
    // libcrypto loads on the first hash: a machine without it gets a sentence, not a crash.
    QProcessEnvironment env = CtlTest::cleanEnvironment();
    env.insert(u"APINATOR_LIBCRYPTO"_s, u"libcrypto-not-installed.so.3"_s);
    const CtlTest::Run r = CtlTest::run({u"sign"_s, u"channel"_s, u"--key"_s, u"k"_s, u"--secret"_s, u"s"_s,
                                         u"--socket-id"_s, u"1.1"_s, u"--channel"_s, u"private-a"_s},
                                        {}, env);
    QCOMPARE(r.exitCode, 127);
    QVERIFY2(r.err.startsWith("libcrypto-not-installed.so.3 could not be loaded"), r.err.constData());
    QVERIFY2(r.err.contains("libssl3"), r.err.constData());
    QVERIFY(r.out.isEmpty());
#else
    QSKIP("libcrypto is linked in this build (APINATOR_CRYPTO_DLOPEN=OFF)");
#endif
}

void TestCtlCli::timestampNotNumeric_exactMessage()
{
    const CtlTest::Run r = CtlTest::run(SignRequest + QStringList{u"--method"_s, u"GET"_s, u"--path"_s, u"/p"_s,
                                                                  u"--timestamp"_s, u"abc"_s});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, "apinatorctl: --timestamp: not a whole number of seconds: \"abc\"\n"_ba);
}

void TestCtlCli::valueStartingWithDash_acceptedWithEquals()
{
    const CtlTest::Run r = CtlTest::run(SignRequest + QStringList{u"--method"_s, u"POST"_s, u"--path"_s, u"/p"_s,
                                                                  u"--body=-1"_s, u"--timestamp"_s, u"5"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, CtlTest::hmacHex("s", "5\nPOST\n/p\n" + CtlTest::md5Hex("-1")) + '\n');
}

void TestCtlCli::credentials_fromEnvironment()
{
    QProcessEnvironment env = CtlTest::cleanEnvironment();
    env.insert(u"APINATOR_KEY"_s, u"env-key"_s);
    env.insert(u"APINATOR_SECRET"_s, u"env-secret"_s);
    const CtlTest::Run r = CtlTest::run({u"sign"_s, u"channel"_s, u"--socket-id"_s, u"1.2"_s, u"--channel"_s,
                                         u"private-a"_s},
                                        {}, env);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, "{\"auth\":\"env-key:" + CtlTest::hmacHex("env-secret", "1.2:private-a") + "\"}\n");
}

void TestCtlCli::credentials_flagWinsOverEnvironment()
{
    QProcessEnvironment env = CtlTest::cleanEnvironment();
    env.insert(u"APINATOR_KEY"_s, u"env-key"_s);
    env.insert(u"APINATOR_SECRET"_s, u"env-secret"_s);
    const CtlTest::Run r = CtlTest::run({u"sign"_s, u"channel"_s, u"--secret"_s, u"flag-secret"_s, u"--socket-id"_s,
                                         u"1.2"_s, u"--channel"_s, u"private-a"_s},
                                        {}, env);
    QCOMPARE(r.exitCode, 0);
    // The key still comes from the environment: precedence is per field.
    QCOMPARE(r.out, "{\"auth\":\"env-key:" + CtlTest::hmacHex("flag-secret", "1.2:private-a") + "\"}\n");
}

void TestCtlCli::credentials_clusterFlag_winsOverEnvironmentBaseUrl()
{
    // A location given on the line replaces the environment's as a whole, so the bad
    // --cluster is what gets checked (and named), not the valid APINATOR_BASE_URL.
    QProcessEnvironment env = CtlTest::cleanEnvironment();
    env.insert(u"APINATOR_BASE_URL"_s, u"http://127.0.0.1:9"_s);
    const CtlTest::Run r = CtlTest::run({u"channels"_s, u"--app-id"_s, u"1"_s, u"--key"_s, u"k"_s, u"--secret"_s,
                                         u"s"_s, u"--cluster"_s, u"no such cluster!"_s},
                                        {}, env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith("apinatorctl: --cluster: "), r.err.constData());
}

void TestCtlCli::credentials_emptyEnvironment_namesFlagAndVariable()
{
    QProcessEnvironment env = CtlTest::cleanEnvironment();
    env.insert(u"APINATOR_SECRET"_s, QString()); // set but empty counts as missing
    const CtlTest::Run r = CtlTest::run({u"sign"_s, u"channel"_s, u"--key"_s, u"k"_s, u"--socket-id"_s, u"1.2"_s,
                                         u"--channel"_s, u"private-a"_s},
                                        {}, env);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, "apinatorctl: --secret: required (or set APINATOR_SECRET)\n"_ba);
}

QTEST_GUILESS_MAIN(TestCtlCli)
#include "tst_ctl_cli.moc"
