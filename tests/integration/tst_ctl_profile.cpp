// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// apinatorctl --profile NAME, run as a process against a real throwaway keyring.
// CTest runs this through tests/support/keyring-session.sh; the profiles live in a
// temporary folder named by APINATOR_CONFIG_DIR.
#include "ctlprocess.h"
#include "rawhttpserver.h"

#include <apinator/profilestore.h>
#include <apinator/keychainsecretstore.h>
#include <apinator/secretstore.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Apinator;

namespace {

const QByteArray StagingSecret = "staging-secret-7f3a";
const QByteArray StagingWebhookSecret = "staging-hook-secret-91c2";
const QByteArray LocalSecret = "local-secret-55d0";

} // namespace

class TestCtlProfile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signWebhook_profile_usesItsWebhookSecretFromTheKeyring();
    void signWebhook_profileWithoutWebhookSecret_usesItsSecret();
    void signRequest_profile_usesItsKeyAndSecret();
    void channels_profile_callsItsBaseUrlWithItsAppId();
    void profileName_isCaseInsensitive();
    void flags_winOverTheProfile();
    void secretFlag_meansNoKeyringAccess();
    void profile_replacesTheEnvironment();
    void withoutProfile_environmentStillWorks();
    void unknownProfile_exits2NamingIt();
    void noProfilesFile_exits2();
    void corruptProfilesFile_exits2AndIsLeftAlone();
    void keyringUnavailable_exits2WithTheReason();
    void keyringUnavailable_optedInFile_isUsed();
    void profileWithoutSecret_exits2SayingWhere();
    void help_listsTheProfileFlag();

private:
    QProcessEnvironment environment() const;
    QProcessEnvironment noBusEnvironment() const;
    // Every output of every run: a secret in any of them is a failure.
    CtlTest::Run run(const QStringList &args, const QProcessEnvironment &env);

    QTemporaryDir m_config;
    Profile m_staging;
    Profile m_local;
    Profile m_bare;
};

void TestCtlProfile::initTestCase()
{
    if (qEnvironmentVariable("APINATOR_KEYRING_SESSION") != u"1")
        QFAIL("run through tests/support/keyring-session.sh: this test writes to the session keyring");
    QVERIFY(m_config.isValid());

    ProfileStore store(m_config.filePath(u"profiles.json"_s));
    m_staging = Profile::create();
    m_staging.name = u"Staging EU"_s;
    m_staging.appId = u"123"_s;
    m_staging.key = u"staging_key"_s;
    m_staging.cluster = u"eu"_s;
    m_staging.environment = Environment::Staging;
    m_local = Profile::localSandbox(6001, u"7"_s, u"local_key"_s);
    m_bare = Profile::create();
    m_bare.name = u"No secrets"_s;
    m_bare.appId = u"9"_s;
    m_bare.key = u"bare_key"_s;
    m_bare.cluster = u"us"_s;
    QVERIFY(store.add(m_staging).ok());
    QVERIFY(store.add(m_local).ok());
    QVERIFY(store.add(m_bare).ok());

    // The same service apinatorctl reads.
    KeychainSecretStore keyring;
    QCOMPARE(writeAndWait(keyring, m_staging.id, SecretKind::Secret, StagingSecret), QString());
    QCOMPARE(writeAndWait(keyring, m_staging.id, SecretKind::WebhookSecret, StagingWebhookSecret), QString());
    QCOMPARE(writeAndWait(keyring, m_local.id, SecretKind::Secret, LocalSecret), QString());
}

QProcessEnvironment TestCtlProfile::environment() const
{
    QProcessEnvironment env = CtlTest::cleanEnvironment();
    env.insert(u"APINATOR_CONFIG_DIR"_s, m_config.path());
    return env;
}

QProcessEnvironment TestCtlProfile::noBusEnvironment() const
{
    QProcessEnvironment env = environment();
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/apinator-no-bus"_s);
    return env;
}

CtlTest::Run TestCtlProfile::run(const QStringList &args, const QProcessEnvironment &env)
{
    CtlTest::Run r = CtlTest::run(args, {}, env);
    for (const QByteArray &secret : {StagingSecret, StagingWebhookSecret, LocalSecret}) {
        if (r.out.contains(secret) || r.err.contains(secret))
            r.exitCode = 99; // makes every caller's exit-code check fail loudly
    }
    return r;
}

void TestCtlProfile::signWebhook_profile_usesItsWebhookSecretFromTheKeyring()
{
    const CtlTest::Run r = run({u"sign"_s, u"webhook"_s, u"--profile"_s, u"Staging EU"_s, u"--body={}"_s,
                                u"--timestamp"_s, u"100"_s},
                               environment());
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, "X-Realtime-Timestamp: 100\nX-Realtime-Signature: " + CtlTest::hmacHex(StagingWebhookSecret, "100.{}")
                        + '\n');
}

void TestCtlProfile::signWebhook_profileWithoutWebhookSecret_usesItsSecret()
{
    const CtlTest::Run r = run({u"sign"_s, u"webhook"_s, u"--profile"_s, u"Local sandbox"_s, u"--body={}"_s,
                                u"--timestamp"_s, u"100"_s},
                               environment());
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.endsWith(QByteArray("X-Realtime-Signature: " + CtlTest::hmacHex(LocalSecret, "100.{}") + '\n')));
}

void TestCtlProfile::signRequest_profile_usesItsKeyAndSecret()
{
    const CtlTest::Run r = run({u"sign"_s, u"request"_s, u"--profile"_s, u"Staging EU"_s, u"--method"_s, u"POST"_s,
                                u"--path"_s, u"/apps/123/events"_s, u"--body={\"a\":1}"_s, u"--timestamp"_s,
                                u"1700000000"_s, u"--json"_s},
                               environment());
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.exitCode, 0);
    const QJsonObject json = CtlTest::jsonObject(r.out);
    const QByteArray stringToSign = "1700000000\nPOST\n/apps/123/events\n" + CtlTest::md5Hex("{\"a\":1}");
    QCOMPARE(json[u"string_to_sign"].toString().toUtf8(), stringToSign);
    QCOMPARE(json[u"signature"].toString().toUtf8(), CtlTest::hmacHex(StagingSecret, stringToSign));
    QCOMPARE(json[u"headers"].toObject()[u"X-Realtime-Key"].toString(), u"staging_key"_s);
}

void TestCtlProfile::channels_profile_callsItsBaseUrlWithItsAppId()
{
    TestSupport::RawHttpServer server;
    QVERIFY(server.listen());
    server.setResponder([](const TestSupport::CapturedRequest &) {
        return TestSupport::ScriptedResponse{
            TestSupport::RawHttpServer::response(200, "OK", {{"Content-Type", "application/json"}}, "{\"channels\":{}}"),
            false, false};
    });
    // The sandbox profile follows the sandbox's port: point it at this server.
    ProfileStore store(m_config.filePath(u"profiles.json"_s));
    QVERIFY(store.load().ok);
    QCOMPARE(store.followSandboxPort(server.port()), QString());

    const CtlTest::Run r = run({u"channels"_s, u"--profile"_s, u"Local sandbox"_s}, environment());
    QCOMPARE(store.followSandboxPort(6001), QString());
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(server.requests().size(), 1);
    const TestSupport::CapturedRequest &request = server.requests().first();
    QVERIFY2(request.target.startsWith("/apps/7/channels"), request.target.constData());
    QCOMPARE(request.header("X-Realtime-Key"), "local_key"_ba);
    const QByteArray timestamp = request.header("X-Realtime-Timestamp");
    const QByteArray path = request.target.left(request.target.indexOf('?') < 0 ? request.target.size()
                                                                                : request.target.indexOf('?'));
    QCOMPARE(request.header("X-Realtime-Signature"),
             CtlTest::hmacHex(LocalSecret, timestamp + "\nGET\n" + path + '\n' + CtlTest::md5Hex(request.body)));
}

void TestCtlProfile::profileName_isCaseInsensitive()
{
    const CtlTest::Run r = run({u"sign"_s, u"webhook"_s, u"--profile"_s, u"  staging eu"_s, u"--body={}"_s,
                                u"--timestamp"_s, u"100"_s},
                               environment());
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.endsWith(QByteArray(CtlTest::hmacHex(StagingWebhookSecret, "100.{}") + '\n')));
}

void TestCtlProfile::flags_winOverTheProfile()
{
    const CtlTest::Run r = run({u"sign"_s, u"request"_s, u"--profile"_s, u"Staging EU"_s, u"--key"_s, u"flag_key"_s,
                                u"--secret"_s, u"flag-secret"_s, u"--method"_s, u"GET"_s, u"--path"_s,
                                u"/apps/123/channels"_s, u"--timestamp"_s, u"5"_s, u"--json"_s},
                               environment());
    QCOMPARE(r.exitCode, 0);
    const QJsonObject json = CtlTest::jsonObject(r.out);
    QCOMPARE(json[u"headers"].toObject()[u"X-Realtime-Key"].toString(), u"flag_key"_s);
    QCOMPARE(json[u"signature"].toString().toUtf8(),
             CtlTest::hmacHex("flag-secret", json[u"string_to_sign"].toString().toUtf8()));
}

void TestCtlProfile::secretFlag_meansNoKeyringAccess()
{
    // No bus at all: the run succeeds only if the keyring is never asked.
    const CtlTest::Run r = run({u"sign"_s, u"webhook"_s, u"--profile"_s, u"Staging EU"_s, u"--webhook-secret"_s,
                                u"w"_s, u"--body={}"_s, u"--timestamp"_s, u"100"_s},
                               noBusEnvironment());
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.endsWith(QByteArray(CtlTest::hmacHex("w", "100.{}") + '\n')));
}

void TestCtlProfile::profile_replacesTheEnvironment()
{
    QProcessEnvironment env = environment();
    env.insert(u"APINATOR_SECRET"_s, u"env-secret"_s);
    env.insert(u"APINATOR_WEBHOOK_SECRET"_s, u"env-webhook-secret"_s);
    env.insert(u"APINATOR_KEY"_s, u"env_key"_s);
    // Local sandbox has no webhook secret: the environment's must not fill the gap.
    const CtlTest::Run r = run({u"sign"_s, u"webhook"_s, u"--profile"_s, u"Local sandbox"_s, u"--body={}"_s,
                                u"--timestamp"_s, u"100"_s},
                               env);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.endsWith(QByteArray(CtlTest::hmacHex(LocalSecret, "100.{}") + '\n')));
}

void TestCtlProfile::withoutProfile_environmentStillWorks()
{
    QProcessEnvironment env = environment();
    env.insert(u"APINATOR_WEBHOOK_SECRET"_s, u"env-webhook-secret"_s);
    const CtlTest::Run r = run({u"sign"_s, u"webhook"_s, u"--body={}"_s, u"--timestamp"_s, u"100"_s}, env);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.endsWith(QByteArray(CtlTest::hmacHex("env-webhook-secret", "100.{}") + '\n')));
}

void TestCtlProfile::unknownProfile_exits2NamingIt()
{
    const CtlTest::Run r = run({u"sign"_s, u"webhook"_s, u"--profile"_s, u"Prod"_s, u"--body={}"_s}, environment());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(CtlTest::isOneErrorLine(r.err), r.err.constData());
    QCOMPARE(QString::fromUtf8(r.err),
             u"apinatorctl: --profile: no profile named \"Prod\" in %1/profiles.json (saved: \"Staging EU\", "
             "\"Local sandbox\", \"No secrets\")\n"_s.arg(m_config.path()));
    QVERIFY(r.out.isEmpty());
}

void TestCtlProfile::noProfilesFile_exits2()
{
    QTemporaryDir empty;
    QProcessEnvironment env = environment();
    env.insert(u"APINATOR_CONFIG_DIR"_s, empty.path());
    const CtlTest::Run r = run({u"sign"_s, u"webhook"_s, u"--profile"_s, u"Staging EU"_s, u"--body={}"_s}, env);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(QString::fromUtf8(r.err), u"apinatorctl: --profile: no profile named \"Staging EU\": "
                                       "%1/profiles.json holds no profile\n"_s.arg(empty.path()));
    QVERIFY(!QFile::exists(empty.filePath(u"profiles.json"_s)));
}

void TestCtlProfile::corruptProfilesFile_exits2AndIsLeftAlone()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"profiles.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ broken");
    file.close();
    QProcessEnvironment env = environment();
    env.insert(u"APINATOR_CONFIG_DIR"_s, dir.path());
    const CtlTest::Run r = run({u"sign"_s, u"webhook"_s, u"--profile"_s, u"Staging EU"_s, u"--body={}"_s}, env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(CtlTest::isOneErrorLine(r.err), r.err.constData());
    QVERIFY(r.err.startsWith(QByteArray("apinatorctl: --profile: The saved profiles in " + path.toUtf8() + " is damaged")));
    QVERIFY(QFile::exists(path));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"profiles.json"_s});
}

void TestCtlProfile::keyringUnavailable_exits2WithTheReason()
{
    const CtlTest::Run r = run({u"sign"_s, u"webhook"_s, u"--profile"_s, u"Staging EU"_s, u"--body={}"_s},
                               noBusEnvironment());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(CtlTest::isOneErrorLine(r.err), r.err.constData());
    QVERIFY2(r.err.startsWith("apinatorctl: --profile: cannot read the secrets of profile \"Staging EU\": "
                              "no keyring answered (keyring: "),
             r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestCtlProfile::keyringUnavailable_optedInFile_isUsed()
{
    FileSecretStore file(m_config.filePath(u"secrets.json"_s));
    QCOMPARE(file.writeAll({{m_staging.id, SecretKind::WebhookSecret, "file-webhook-secret"_ba}}), QString());
    const CtlTest::Run r = run({u"sign"_s, u"webhook"_s, u"--profile"_s, u"Staging EU"_s, u"--body={}"_s,
                                u"--timestamp"_s, u"100"_s},
                               noBusEnvironment());
    QFile::remove(file.filePath());
    QCOMPARE(r.err, QByteArray());
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.endsWith(QByteArray(CtlTest::hmacHex("file-webhook-secret", "100.{}") + '\n')));
}

void TestCtlProfile::profileWithoutSecret_exits2SayingWhere()
{
    const CtlTest::Run r = run({u"sign"_s, u"request"_s, u"--profile"_s, u"No secrets"_s, u"--method"_s, u"GET"_s,
                                u"--path"_s, u"/apps/9/channels"_s, u"--timestamp"_s, u"5"_s},
                               environment());
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, "apinatorctl: --secret: required (profile \"No secrets\" has none in the system keyring)\n"_ba);
}

void TestCtlProfile::help_listsTheProfileFlag()
{
    const CtlTest::Run r = run({u"sign"_s, u"webhook"_s, u"--help"_s}, environment());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("--profile NAME"), r.out.constData());
}

QTEST_GUILESS_MAIN(TestCtlProfile)
#include "tst_ctl_profile.moc"
