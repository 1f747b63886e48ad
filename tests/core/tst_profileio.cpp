// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/profileio.h>
#include <apinator/profilestore.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Apinator;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Profile sampleProfile(const QString &name)
{
    Profile p = Profile::create();
    p.name = name;
    p.appId = u"123"_s;
    p.key = u"app_key_1"_s;
    p.cluster = u"eu"_s;
    p.environment = Environment::Staging;
    p.notes = u"notes of "_s + name;
    return p;
}

} // namespace

class TestProfileIo final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseEnv_readsEveryField();
    void parseEnv_valueForms_data();
    void parseEnv_valueForms();
    void parseEnv_baseUrlAndClusterBothKept();
    void parseEnv_missingFieldsAreLeftForTheForm();
    void parseEnv_malformed_namesTheLineAndImportsNothing_data();
    void parseEnv_malformed_namesTheLineAndImportsNothing();
    void parseEnv_noApinatorVariable_isAnError();
    void readEnvFile_namesTheDraftAfterTheFolderOrFile_data();
    void readEnvFile_namesTheDraftAfterTheFolderOrFile();
    void readEnvFile_missingFile_namesThePath();
    void exportJson_holdsNoSecret();
    void exportThenImport_givesTheSameProfiles();
    void parseExport_malformed_isRefused_data();
    void parseExport_malformed_isRefused();
    void readFile_detectsTheKind();
    void importIntoStore_malformedFile_changesNothing();
};

void TestProfileIo::parseEnv_readsEveryField()
{
    const QByteArray env = "# Apinator credentials\n"
                           "APINATOR_APP_ID=123\n"
                           "APINATOR_KEY=app_key_1\n"
                           "APINATOR_SECRET=test-secret-1\n"
                           "APINATOR_WEBHOOK_SECRET=webhook-secret-1\n"
                           "APINATOR_CLUSTER=eu\n"
                           "DATABASE_URL=postgres://x\n";
    const ProfileImport result = ProfileIo::parseEnv(env, u"myapp"_s);
    QCOMPARE(result.error, QString());
    QCOMPARE(result.drafts.size(), 1);
    const ProfileDraft &d = result.drafts.first();
    QCOMPARE(d.profile.name, u"myapp"_s);
    QCOMPARE(d.profile.appId, u"123"_s);
    QCOMPARE(d.profile.key, u"app_key_1"_s);
    QCOMPARE(d.profile.cluster, u"eu"_s);
    QCOMPARE(d.profile.baseUrl, QString());
    QCOMPARE(d.profile.environment, Environment::Development);
    QCOMPARE(d.secret, "test-secret-1"_ba);
    QCOMPARE(d.webhookSecret, "webhook-secret-1"_ba);
    QVERIFY(d.profile.isValid());
    QCOMPARE(d.profile.id.size(), 36);
}

void TestProfileIo::parseEnv_valueForms_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("secret");
    QTest::addRow("plain") << "APINATOR_SECRET=abc"_ba << "abc"_ba;
    QTest::addRow("comments and blank lines around") << "\n# c\n\n  # d\nAPINATOR_SECRET=abc\n\n#e"_ba << "abc"_ba;
    QTest::addRow("export prefix") << "export APINATOR_SECRET=abc"_ba << "abc"_ba;
    QTest::addRow("export with tabs and spaces") << "  export\tAPINATOR_SECRET = abc  "_ba << "abc"_ba;
    QTest::addRow("single quotes keep everything") << "APINATOR_SECRET='a#b \"c\" \\n'"_ba << "a#b \"c\" \\n"_ba;
    QTest::addRow("double quotes with escapes") << "APINATOR_SECRET=\"a\\\"b\\\\c\\$d\""_ba << "a\"b\\c$d"_ba;
    QTest::addRow("double quotes keep #") << "APINATOR_SECRET=\"a #b\" # comment"_ba << "a #b"_ba;
    QTest::addRow("unquoted comment cut") << "APINATOR_SECRET=abc # comment"_ba << "abc"_ba;
    QTest::addRow("unquoted # inside kept") << "APINATOR_SECRET=a#b"_ba << "a#b"_ba;
    QTest::addRow("CRLF line") << "APINATOR_SECRET=abc\r\n"_ba << "abc"_ba;
    QTest::addRow("BOM first") << "\xEF\xBB\xBF" "APINATOR_SECRET=abc"_ba << "abc"_ba;
    QTest::addRow("utf-8 value") << "APINATOR_SECRET='s\xC3\xA9'"_ba << "s\xC3\xA9"_ba;
    QTest::addRow("last one wins") << "APINATOR_SECRET=old\nAPINATOR_SECRET=new"_ba << "new"_ba;
}

void TestProfileIo::parseEnv_valueForms()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, secret);
    const ProfileImport result = ProfileIo::parseEnv(line, u"x"_s);
    QCOMPARE(result.error, QString());
    QCOMPARE(result.drafts.first().secret, secret);
}

void TestProfileIo::parseEnv_baseUrlAndClusterBothKept()
{
    const ProfileImport result = ProfileIo::parseEnv(
        "APINATOR_CLUSTER=us\nAPINATOR_BASE_URL=http://127.0.0.1:6001\n"_ba, u"x"_s);
    QVERIFY(result.ok());
    QCOMPARE(result.drafts.first().profile.restBaseUrl(), u"http://127.0.0.1:6001"_s);
    QCOMPARE(result.drafts.first().profile.cluster, u"us"_s);
}

void TestProfileIo::parseEnv_missingFieldsAreLeftForTheForm()
{
    const ProfileImport result = ProfileIo::parseEnv("APINATOR_APP_ID=7\n"_ba, u"x"_s);
    QVERIFY(result.ok());
    const Profile &p = result.drafts.first().profile;
    QCOMPARE(p.error(ProfileField::Key), u"key is empty"_s);
    QVERIFY(result.drafts.first().secret.isEmpty());
}

void TestProfileIo::parseEnv_malformed_namesTheLineAndImportsNothing_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    const QByteArray head = "# header\nAPINATOR_APP_ID=123\n";
    QTest::addRow("no equals sign") << head + "APINATOR_KEY app_key_1\n"
                                    << u"line 3: expected '=' after APINATOR_KEY: APINATOR_KEY app_key_1"_s;
    QTest::addRow("not a name") << head + "\n= value\n" << u"line 4: expected NAME=value: = value"_s;
    QTest::addRow("unclosed double quote") << head + "APINATOR_KEY=\"abc\n"
                                           << u"line 3: the \" quote is not closed on this line: APINATOR_KEY=\"abc"_s;
    QTest::addRow("unclosed quote on a secret hides it")
        << head + "APINATOR_SECRET='hunter2\n"
        << u"line 3: the ' quote is not closed on this line: APINATOR_SECRET=<hidden>"_s;
    QTest::addRow("text after the quote on a webhook secret")
        << head + "APINATOR_WEBHOOK_SECRET=\"hunter2\" tail\n"
        << u"line 3: unexpected text after the closing quote: APINATOR_WEBHOOK_SECRET=<hidden>"_s;
    QTest::addRow("bad cluster") << head + "APINATOR_CLUSTER=E U\n"
                                 << u"line 3: cluster \"E U\" contains 'E'; allowed are a-z, 0-9 and '-': APINATOR_CLUSTER=E U"_s;
    QTest::addRow("base URL without scheme")
        << head + "export APINATOR_BASE_URL=localhost:6001\n"
        << u"line 3: base URL \"localhost:6001\" has no scheme: write http://localhost:6001 or https://localhost:6001: APINATOR_BASE_URL=localhost:6001"_s;
    QTest::addRow("secret with a tab inside quotes hides it")
        << head + "APINATOR_SECRET=\"hunter2\\n\"\n"
        << u"line 3: secret contains a line break: APINATOR_SECRET=<hidden>"_s;
    QTest::addRow("unknown key still has to parse") << head + "OTHER_TOOL\n"
                                                    << u"line 3: expected '=' after OTHER_TOOL: OTHER_TOOL"_s;
    QTest::addRow("control character shown escaped") << "APINATOR_KEY=a\x01\n"_ba
                                                     << u"line 1: key contains a control character at position 2: APINATOR_KEY=a\u0001"_s;
    QTest::addRow("not utf-8") << "APINATOR_KEY=\xff\xfe\n"_ba << u"the file is not UTF-8 text"_s;
}

void TestProfileIo::parseEnv_malformed_namesTheLineAndImportsNothing()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    const ProfileImport result = ProfileIo::parseEnv(text, u"x"_s);
    QCOMPARE(result.error, error);
    QVERIFY(result.drafts.isEmpty());
    QVERIFY(!result.error.contains(u"hunter2"_s));
}

void TestProfileIo::parseEnv_noApinatorVariable_isAnError()
{
    const ProfileImport result = ProfileIo::parseEnv("# nothing\nPATH=/bin\n"_ba, u"x"_s);
    QVERIFY(result.error.startsWith(u"no APINATOR_ variable found"_s));
    QVERIFY(result.drafts.isEmpty());
}

void TestProfileIo::readEnvFile_namesTheDraftAfterTheFolderOrFile_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::addColumn<QString>("name");
    QTest::addRow(".env in a project") << u"myapp/.env"_s << u"myapp"_s;
    QTest::addRow(".env.local in a project") << u"shop/.env.local"_s << u"shop"_s;
    QTest::addRow("named file") << u"creds/staging.env"_s << u"staging"_s;
}

void TestProfileIo::readEnvFile_namesTheDraftAfterTheFolderOrFile()
{
    QFETCH(QString, relativePath);
    QFETCH(QString, name);
    QTemporaryDir dir;
    const QString path = dir.filePath(relativePath);
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QVERIFY(writeFile(path, "APINATOR_KEY=k\n"));
    const ProfileImport result = ProfileIo::readEnvFile(path);
    QCOMPARE(result.error, QString());
    QCOMPARE(result.drafts.first().profile.name, name);
}

void TestProfileIo::readEnvFile_missingFile_namesThePath()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"absent.env"_s);
    const ProfileImport result = ProfileIo::readEnvFile(path);
    QVERIFY(result.error.startsWith(u"could not read "_s + path));
    QVERIFY(result.drafts.isEmpty());
}

void TestProfileIo::exportJson_holdsNoSecret()
{
    // The secrets come from an import, as in the window: they must not reach the export.
    const ProfileImport imported = ProfileIo::parseEnv(
        "APINATOR_APP_ID=1\nAPINATOR_KEY=k\nAPINATOR_SECRET=s3cr3t-value-A\n"
        "APINATOR_WEBHOOK_SECRET=wh-s3cr3t-value-B\nAPINATOR_CLUSTER=eu\n"_ba,
        u"imported"_s);
    QVERIFY(imported.ok());
    const QByteArray json = ProfileIo::exportJson({imported.drafts.first().profile, sampleProfile(u"B"_s)});
    QVERIFY(!json.contains("s3cr3t-value-A"));
    QVERIFY(!json.contains("wh-s3cr3t-value-B"));
    QVERIFY(!json.toLower().contains("secret"));
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    QCOMPARE(root.value(u"format"_s).toString(), u"apinator-console-profiles"_s);
    QCOMPARE(root.value(u"version"_s).toInt(), 1);
    QVERIFY(QDateTime::fromString(root.value(u"exportedAt"_s).toString(), Qt::ISODate).isValid());
    QCOMPARE(root.value(u"profiles"_s).toArray().size(), 2);

    QTemporaryDir dir;
    const QString path = dir.filePath(u"export.json"_s);
    QCOMPARE(ProfileIo::writeExportFile(path, {imported.drafts.first().profile}), QString());
    QVERIFY(!readAll(path).contains("s3cr3t-value-A"));
}

void TestProfileIo::exportThenImport_givesTheSameProfiles()
{
    Profile a = sampleProfile(u"A"_s);
    Profile b = sampleProfile(u"B"_s);
    b.cluster.clear();
    b.baseUrl = u"http://127.0.0.1:6001"_s;
    b.environment = Environment::Production;
    b.confirmBeforeSend = false;
    b.embeddedSandbox = true;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"export.json"_s);
    QCOMPARE(ProfileIo::writeExportFile(path, {a, b}), QString());
    const ProfileImport result = ProfileIo::readExportFile(path);
    QCOMPARE(result.error, QString());
    QCOMPARE(result.drafts.size(), 2);
    QCOMPARE(result.drafts.at(0).profile, a);
    QCOMPARE(result.drafts.at(1).profile, b);
    QVERIFY(result.drafts.at(0).secret.isEmpty());
}

void TestProfileIo::parseExport_malformed_isRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    const QByteArray id = "\"id\":\"6f1c1a52-8f0e-4d37-9d8e-1d8a3c3b7a10\"";
    const QByteArray good = "\"name\":\"A\",\"appId\":\"1\",\"key\":\"k\",\"cluster\":\"eu\"";
    const QByteArray head = "{\"format\":\"apinator-console-profiles\",\"version\":1,\"profiles\":[";
    QTest::addRow("syntax error names line and column")
        << "{\n  \"format\": \"apinator-console-profiles\",\n  \"version\": 1\n  \"profiles\": []\n}"_ba
        << u"line 4, column 4: unterminated object: \"profiles\": []"_s;
    QTest::addRow("another format") << "{\"format\":\"other\",\"version\":1,\"profiles\":[]}"_ba
                                    << u"not a profile export: \"format\" is not \"apinator-console-profiles\""_s;
    QTest::addRow("newer version") << "{\"format\":\"apinator-console-profiles\",\"version\":2,\"profiles\":[]}"_ba
                                   << u"the export is version 2, from a newer console; this one reads version 1"_s;
    QTest::addRow("fractional version") << "{\"format\":\"apinator-console-profiles\",\"version\":1.5,\"profiles\":[]}"_ba
                                        << u"\"version\" must be a whole number"_s;
    QTest::addRow("unknown top-level member") << "{\"format\":\"apinator-console-profiles\",\"version\":1,\"x\":1,\"profiles\":[]}"_ba
                                              << u"unknown member \"x\" at the top level"_s;
    QTest::addRow("no profile") << head + "]}" << u"the export holds no profile"_s;
    QTest::addRow("a secret member") << head + "{" + id + "," + good + ",\"secret\":\"hunter2\"}]}"
                                     << u"profile 1 (\"A\"): member \"secret\" is a secret; exports never carry secrets"_s;
    QTest::addRow("unknown profile member") << head + "{" + id + "," + good + ",\"colour\":\"red\"}]}"
                                            << u"profile 1 (\"A\"): unknown member \"colour\""_s;
    QTest::addRow("wrong type") << head + "{" + id + "," + good + ",\"embeddedSandbox\":1}]}"
                                << u"profile 1 (\"A\"): member \"embeddedSandbox\" must be true or false"_s;
    QTest::addRow("invalid field in the second profile")
        << head + "{" + id + "," + good + "},{\"id\":\"0e0c1a52-8f0e-4d37-9d8e-1d8a3c3b7a10\",\"name\":\"B\",\"appId\":\"1\",\"key\":\"k\",\"baseUrl\":\"localhost\"}]}"
        << u"profile 2 (\"B\"): base URL \"localhost\" has no scheme: write http://localhost or https://localhost"_s;
    QTest::addRow("profile not an object") << head + "42]}" << u"profile 1: not a JSON object"_s;
}

void TestProfileIo::parseExport_malformed_isRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const ProfileImport result = ProfileIo::parseExport(json);
    QCOMPARE(result.error, error);
    QVERIFY(result.drafts.isEmpty());
}

void TestProfileIo::readFile_detectsTheKind()
{
    QTemporaryDir dir;
    const QString jsonPath = dir.filePath(u"profiles-export.json"_s);
    const QString envPath = dir.filePath(u"app/.env"_s);
    QVERIFY(QDir().mkpath(dir.filePath(u"app"_s)));
    QCOMPARE(ProfileIo::writeExportFile(jsonPath, {sampleProfile(u"From JSON"_s)}), QString());
    QVERIFY(writeFile(envPath, "APINATOR_KEY=k\n"));
    QCOMPARE(ProfileIo::readFile(jsonPath).drafts.first().profile.name, u"From JSON"_s);
    QCOMPARE(ProfileIo::readFile(envPath).drafts.first().profile.name, u"app"_s);
}

void TestProfileIo::importIntoStore_malformedFile_changesNothing()
{
    QTemporaryDir dir;
    ProfileStore store(dir.filePath(u"profiles.json"_s));
    QVERIFY(store.add(sampleProfile(u"Existing"_s)).ok());
    const QByteArray before = readAll(store.filePath());

    const QString bad = dir.filePath(u"bad.env"_s);
    QVERIFY(writeFile(bad, "APINATOR_KEY=k\nAPINATOR_CLUSTER=bad_cluster\n"));
    const ProfileImport result = ProfileIo::readFile(bad);
    QVERIFY(result.error.contains(u"line 2"_s));
    QVERIFY(result.drafts.isEmpty());
    QCOMPARE(store.count(), 1);
    QCOMPARE(readAll(store.filePath()), before);

    // And a good export lands as a whole.
    const QString good = dir.filePath(u"good.json"_s);
    QCOMPARE(ProfileIo::writeExportFile(good, {sampleProfile(u"Existing"_s), sampleProfile(u"New"_s)}), QString());
    const ProfileImport imported = ProfileIo::readFile(good);
    QList<Profile> profiles;
    for (const ProfileDraft &draft : imported.drafts)
        profiles.append(draft.profile);
    const auto added = store.addAll(profiles);
    QVERIFY(added.issues.isEmpty());
    QCOMPARE(store.count(), 3);
    QCOMPARE(store.profiles().at(1).name, u"Existing (2)"_s);
}

QTEST_GUILESS_MAIN(TestProfileIo)
#include "tst_profileio.moc"
