// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/profile.h>

#include <QJsonDocument>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Apinator;

Q_DECLARE_METATYPE(Apinator::ProfileField)
Q_DECLARE_METATYPE(Apinator::Environment)

namespace {

Profile validProfile()
{
    Profile p = Profile::create();
    p.name = u"Staging"_s;
    p.appId = u"123"_s;
    p.key = u"app_key_1"_s;
    p.cluster = u"eu"_s;
    return p;
}

} // namespace

class TestProfile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void create_givesAUuidWithoutBraces();
    void environmentNames_roundTrip_data();
    void environmentNames_roundTrip();
    void environmentFromName_rejectsOthers();
    void validProfile_hasNoIssue();
    void validate_reportsTheField_data();
    void validate_reportsTheField();
    void validate_everyIssueAtOnce();
    void secretErrors_neverQuoteTheValue_data();
    void secretErrors_neverQuoteTheValue();
    void needsConfirmation_onlyForProductionWithTheSwitch_data();
    void needsConfirmation_onlyForProductionWithTheSwitch();
    void credentials_carryTheSecrets();
    void restBaseUrl_baseUrlWinsOverCluster();
    void localSandbox_pointsAtThePort();
    void json_roundTrip_keepsEveryField();
    void json_holdsNoSecretMember();
    void fromJson_rejectsBadMembers_data();
    void fromJson_rejectsBadMembers();
    void fromJson_ignoresUnknownMembers();
};

void TestProfile::create_givesAUuidWithoutBraces()
{
    const Profile a = Profile::create();
    const Profile b = Profile::create();
    QVERIFY(!QUuid::fromString(a.id).isNull());
    QVERIFY(!a.id.contains(u'{'));
    QCOMPARE(a.id.size(), 36);
    QVERIFY(a.id != b.id);
}

void TestProfile::environmentNames_roundTrip_data()
{
    QTest::addColumn<Environment>("environment");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("title");
    QTest::addRow("sandbox") << Environment::Sandbox << u"sandbox"_s << u"Sandbox"_s;
    QTest::addRow("development") << Environment::Development << u"development"_s << u"Development"_s;
    QTest::addRow("staging") << Environment::Staging << u"staging"_s << u"Staging"_s;
    QTest::addRow("production") << Environment::Production << u"production"_s << u"Production"_s;
}

void TestProfile::environmentNames_roundTrip()
{
    QFETCH(Environment, environment);
    QFETCH(QString, name);
    QFETCH(QString, title);
    QCOMPARE(environmentName(environment), name);
    QCOMPARE(environmentTitle(environment), title);
    QCOMPARE(environmentFromName(name).value_or(Environment(-1)), environment);
    QCOMPARE(environmentFromName(name.toUpper()).value_or(Environment(-1)), environment);
}

void TestProfile::environmentFromName_rejectsOthers()
{
    QVERIFY(!environmentFromName(u"prod"));
    QVERIFY(!environmentFromName(u""));
}

void TestProfile::validProfile_hasNoIssue()
{
    QCOMPARE(validProfile().validate(), QList<ProfileIssue>());
    Profile withUrl = validProfile();
    withUrl.cluster.clear();
    withUrl.baseUrl = u"http://127.0.0.1:6001"_s;
    QVERIFY(withUrl.isValid());
}

void TestProfile::validate_reportsTheField_data()
{
    QTest::addColumn<QString>("member");
    QTest::addColumn<QString>("value");
    QTest::addColumn<ProfileField>("field");
    QTest::addColumn<QString>("message");

    QTest::addRow("empty name") << u"name"_s << u""_s << ProfileField::Name << u"name is empty"_s;
    QTest::addRow("blank name") << u"name"_s << u"   "_s << ProfileField::Name << u"name is empty"_s;
    QTest::addRow("long name") << u"name"_s << QString(81, u'n') << ProfileField::Name
                               << u"name has 81 characters; the limit is 80"_s;
    QTest::addRow("name with a tab") << u"name"_s << u"a\tb"_s << ProfileField::Name
                                     << u"name contains a control character"_s;
    QTest::addRow("empty app id") << u"appId"_s << u""_s << ProfileField::AppId << u"app id is empty"_s;
    QTest::addRow("app id with a space") << u"appId"_s << u"12 3"_s << ProfileField::AppId
                                         << u"app id contains a space at position 3"_s;
    QTest::addRow("app id with a slash") << u"appId"_s << u"1/2"_s << ProfileField::AppId
                                         << u"app id contains '/' at position 2; it must fit in a URL path"_s;
    QTest::addRow("empty key") << u"key"_s << u""_s << ProfileField::Key << u"key is empty"_s;
    QTest::addRow("key with a space") << u"key"_s << u"app key"_s << ProfileField::Key
                                      << u"key contains a space at position 4"_s;
    QTest::addRow("cluster with a bad character")
        << u"cluster"_s << u"e_u"_s << ProfileField::Cluster
        << u"cluster \"e_u\" contains '_'; allowed are a-z, 0-9 and '-'"_s;
    QTest::addRow("cluster in capitals") << u"cluster"_s << u"EU"_s << ProfileField::Cluster
                                         << u"cluster \"EU\" contains 'E'; allowed are a-z, 0-9 and '-'"_s;
    QTest::addRow("no cluster, no base URL") << u"cluster"_s << u""_s << ProfileField::Cluster
                                             << u"set a cluster (eu, us, ...) or a base URL"_s;
    QTest::addRow("base URL without scheme")
        << u"baseUrl"_s << u"127.0.0.1:6001"_s << ProfileField::BaseUrl
        << u"base URL \"127.0.0.1:6001\" has no scheme: write http://127.0.0.1:6001 or https://127.0.0.1:6001"_s;
    QTest::addRow("base URL with ftp") << u"baseUrl"_s << u"ftp://example.com"_s << ProfileField::BaseUrl
                                       << u"base URL \"ftp://example.com\" must start with http:// or https://"_s;
    QTest::addRow("base URL with a query") << u"baseUrl"_s << u"http://h/?a=1"_s << ProfileField::BaseUrl
                                           << u"base URL \"http://h/?a=1\" must not carry a query or fragment"_s;
}

void TestProfile::validate_reportsTheField()
{
    QFETCH(QString, member);
    QFETCH(QString, value);
    QFETCH(ProfileField, field);
    QFETCH(QString, message);

    Profile p = validProfile();
    if (member == u"name")
        p.name = value;
    else if (member == u"appId")
        p.appId = value;
    else if (member == u"key")
        p.key = value;
    else if (member == u"cluster")
        p.cluster = value;
    else if (member == u"baseUrl")
        p.baseUrl = value;
    const QList<ProfileIssue> issues = p.validate();
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.first().field, field);
    QCOMPARE(issues.first().message, message);
    QCOMPARE(p.error(field), message);
    QVERIFY(!p.isValid());
}

void TestProfile::validate_everyIssueAtOnce()
{
    Profile p = Profile::create();
    const QList<ProfileIssue> issues = p.validate();
    QList<ProfileField> fields;
    for (const ProfileIssue &issue : issues)
        fields.append(issue.field);
    QCOMPARE(fields, (QList<ProfileField>{ProfileField::Name, ProfileField::AppId, ProfileField::Key,
                                           ProfileField::Cluster}));
    QCOMPARE(p.error(ProfileField::Notes), QString());
}

void TestProfile::secretErrors_neverQuoteTheValue_data()
{
    QTest::addColumn<bool>("webhook");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("message");
    QTest::addRow("empty secret") << false << QByteArray() << u"secret is empty"_s;
    QTest::addRow("secret with a newline") << false << "hunter2\nhunter3"_ba << u"secret contains a line break"_s;
    QTest::addRow("secret with a control character") << false << "hunter2\x01"_ba
                                                     << u"secret contains a control character"_s;
    QTest::addRow("secret with a trailing space") << false << "hunter2 "_ba
                                                  << u"secret starts or ends with a space (pasted by mistake?)"_s;
    QTest::addRow("empty webhook secret is fine") << true << QByteArray() << QString();
    QTest::addRow("webhook secret with a newline") << true << "hunter2\r\n"_ba
                                                   << u"webhook secret contains a line break"_s;
    QTest::addRow("good secret") << false << "test-secret-1"_ba << QString();
}

void TestProfile::secretErrors_neverQuoteTheValue()
{
    QFETCH(bool, webhook);
    QFETCH(QByteArray, value);
    QFETCH(QString, message);
    const QString error = webhook ? Profile::webhookSecretError(value) : Profile::secretError(value);
    QCOMPARE(error, message);
    QVERIFY(!error.contains(u"hunter"_s));
}

void TestProfile::needsConfirmation_onlyForProductionWithTheSwitch_data()
{
    QTest::addColumn<Environment>("environment");
    QTest::addColumn<bool>("confirm");
    QTest::addColumn<bool>("needed");
    QTest::addRow("production, switch on") << Environment::Production << true << true;
    QTest::addRow("production, switch off") << Environment::Production << false << false;
    QTest::addRow("staging, switch on") << Environment::Staging << true << false;
    QTest::addRow("sandbox, switch on") << Environment::Sandbox << true << false;
}

void TestProfile::needsConfirmation_onlyForProductionWithTheSwitch()
{
    QFETCH(Environment, environment);
    QFETCH(bool, confirm);
    QFETCH(bool, needed);
    Profile p = validProfile();
    p.environment = environment;
    p.confirmBeforeSend = confirm;
    QCOMPARE(p.needsConfirmation(), needed);
}

void TestProfile::credentials_carryTheSecrets()
{
    Profile p = validProfile();
    p.baseUrl = u"http://127.0.0.1:7000/"_s;
    const Credentials c = p.credentials("s3cret"_ba, "wh"_ba);
    QCOMPARE(c.appId, u"123"_s);
    QCOMPARE(c.key, u"app_key_1"_s);
    QCOMPARE(c.secret, "s3cret"_ba);
    QCOMPARE(c.webhookSigningSecret(), "wh"_ba);
    QCOMPARE(c.restBaseUrl(), u"http://127.0.0.1:7000"_s);
    QCOMPARE(c.restError(), QString());
    QCOMPARE(p.credentials("s3cret"_ba).webhookSigningSecret(), "s3cret"_ba);
}

void TestProfile::restBaseUrl_baseUrlWinsOverCluster()
{
    Profile p = validProfile();
    QCOMPARE(p.restBaseUrl(), u"https://ws-eu.apinator.io"_s);
    p.baseUrl = u"https://api.example.test:8443"_s;
    QCOMPARE(p.restBaseUrl(), u"https://api.example.test:8443"_s);
}

void TestProfile::localSandbox_pointsAtThePort()
{
    const Profile p = Profile::localSandbox(6123, u"1"_s, u"local-key"_s);
    QCOMPARE(p.name, u"Local sandbox"_s);
    QCOMPARE(p.baseUrl, u"http://127.0.0.1:6123"_s);
    QCOMPARE(p.environment, Environment::Sandbox);
    QVERIFY(p.embeddedSandbox);
    QVERIFY(!p.needsConfirmation());
    QVERIFY(p.isValid());
}

void TestProfile::json_roundTrip_keepsEveryField()
{
    Profile p = validProfile();
    p.baseUrl = u"http://localhost:6001"_s;
    p.environment = Environment::Production;
    p.notes = u"line one\nline two \u00e9"_s;
    p.confirmBeforeSend = false;
    p.embeddedSandbox = true;
    QString error;
    const auto back = Profile::fromJson(p.toJson(), &error);
    QCOMPARE(error, QString());
    QVERIFY(back);
    QCOMPARE(*back, p);
}

void TestProfile::json_holdsNoSecretMember()
{
    const QJsonObject json = validProfile().toJson();
    for (auto it = json.begin(); it != json.end(); ++it)
        QVERIFY2(!it.key().contains(u"secret"_s, Qt::CaseInsensitive), qPrintable(it.key()));
    QCOMPARE(json.keys().size(), 10);
}

void TestProfile::fromJson_rejectsBadMembers_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    const QByteArray id = "\"id\":\"6f1c1a52-8f0e-4d37-9d8e-1d8a3c3b7a10\"";
    QTest::addRow("no id") << "{\"name\":\"a\"}"_ba << u"member \"id\" is missing"_s;
    QTest::addRow("no name") << "{" + id + "}" << u"member \"name\" is missing"_s;
    QTest::addRow("id not a uuid") << "{\"id\":\"42\",\"name\":\"a\"}"_ba << u"member \"id\" is not a UUID"_s;
    QTest::addRow("key is a number") << "{" + id + ",\"name\":\"a\",\"key\":5}" << u"member \"key\" must be a string"_s;
    QTest::addRow("flag is a string") << "{" + id + ",\"name\":\"a\",\"confirmBeforeSend\":\"yes\"}"
                                      << u"member \"confirmBeforeSend\" must be true or false"_s;
    QTest::addRow("unknown environment")
        << "{" + id + ",\"name\":\"a\",\"environment\":\"prod\"}"
        << u"member \"environment\" is \"prod\"; expected sandbox, development, staging or production"_s;
}

void TestProfile::fromJson_rejectsBadMembers()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!Profile::fromJson(QJsonDocument::fromJson(json).object(), &actual));
    QCOMPARE(actual, error);
}

void TestProfile::fromJson_ignoresUnknownMembers()
{
    QJsonObject json = validProfile().toJson();
    json.insert(u"colour"_s, u"teal"_s);
    QVERIFY(Profile::fromJson(json));
}

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
