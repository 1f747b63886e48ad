// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// KeychainSecretStore and SecretVault against a real Secret Service (gnome-keyring-daemon).
// CTest runs this through tests/support/keyring-session.sh, which gives it a private D-Bus
// session and a throwaway keyring; run directly, it refuses rather than touch your keyring.
#include <apinator/profile.h>
#include <apinator/keychainsecretstore.h>
#include <apinator/secretstore.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Apinator;

class TestKeyring final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void probe_answers();
    void writeThenRead_returnsTheValue_data();
    void writeThenRead_returnsTheValue();
    void read_unknownEntry_isNotFoundWithoutError();
    void kinds_areSeparateEntries();
    void remove_thenRead_isNotFound();
    void remove_absentEntry_succeeds();
    void writeEmpty_removesTheEntry();
    void entries_outliveTheStoreObject();
    void services_areSeparate();
    void context_destroyed_dropsTheAnswer();
    void vault_usesTheKeyring_withNoFallbackReason();
    void vault_callsMadeWhileProbing_waitAndSucceed();
    void vault_keyringMiss_readsTheOptedInFile();
    void vault_remove_alsoClearsTheFileCopy();
    void copyBoth_copiesSecretAndWebhookSecret();

private:
    QString m_service;
};

void TestKeyring::initTestCase()
{
    if (qEnvironmentVariable("APINATOR_KEYRING_SESSION") != u"1")
        QFAIL("run through tests/support/keyring-session.sh: this test writes to the session keyring");
    // A fresh service per run: a rerun inside one session never sees the previous run's entries.
    m_service = u"io.github.apinator_console.Test."_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void TestKeyring::probe_answers()
{
    KeychainSecretStore store(m_service);
    QString error = u"no answer"_s;
    bool answered = false;
    store.probe(this, [&](const QString &e) {
        error = e;
        answered = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 20000);
    QCOMPARE(error, QString());
}

void TestKeyring::writeThenRead_returnsTheValue_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addRow("ascii") << "test-secret-1"_ba;
    QTest::addRow("utf-8") << "s\xC3\xA9" "cr\xC3\xA8" "t-\xE2\x9C\x93"_ba;
    QTest::addRow("not utf-8 bytes") << QByteArray("\xff\x00\xfe\x01 raw", 8);
    QTest::addRow("long") << QByteArray(4096, 'x');
}

void TestKeyring::writeThenRead_returnsTheValue()
{
    QFETCH(QByteArray, value);
    KeychainSecretStore store(m_service);
    const QString id = Profile::newId();
    QCOMPARE(writeAndWait(store, id, SecretKind::Secret, value), QString());
    const SecretRead read = readAndWait(store, id, SecretKind::Secret);
    QCOMPARE(read.error, QString());
    QVERIFY(read.found);
    QCOMPARE(read.value, value);
}

void TestKeyring::read_unknownEntry_isNotFoundWithoutError()
{
    KeychainSecretStore store(m_service);
    const SecretRead read = readAndWait(store, Profile::newId(), SecretKind::WebhookSecret);
    QCOMPARE(read.error, QString());
    QVERIFY(!read.found);
    QVERIFY(read.value.isEmpty());
}

void TestKeyring::kinds_areSeparateEntries()
{
    KeychainSecretStore store(m_service);
    const QString id = Profile::newId();
    QCOMPARE(writeAndWait(store, id, SecretKind::Secret, "the-secret"_ba), QString());
    QCOMPARE(writeAndWait(store, id, SecretKind::WebhookSecret, "the-webhook-secret"_ba), QString());
    QCOMPARE(readAndWait(store, id, SecretKind::Secret).value, "the-secret"_ba);
    QCOMPARE(readAndWait(store, id, SecretKind::WebhookSecret).value, "the-webhook-secret"_ba);
}

void TestKeyring::remove_thenRead_isNotFound()
{
    KeychainSecretStore store(m_service);
    const QString id = Profile::newId();
    QCOMPARE(writeAndWait(store, id, SecretKind::Secret, "gone-soon"_ba), QString());
    QString error = u"no answer"_s;
    store.remove(id, SecretKind::Secret, this, [&](const QString &e) { error = e; });
    QTRY_COMPARE_WITH_TIMEOUT(error, QString(), 20000);
    const SecretRead read = readAndWait(store, id, SecretKind::Secret);
    QVERIFY(read.ok());
    QVERIFY(!read.found);
}

void TestKeyring::remove_absentEntry_succeeds()
{
    KeychainSecretStore store(m_service);
    QString error = u"no answer"_s;
    store.remove(Profile::newId(), SecretKind::Secret, this, [&](const QString &e) { error = e; });
    QTRY_COMPARE_WITH_TIMEOUT(error, QString(), 20000);
}

void TestKeyring::writeEmpty_removesTheEntry()
{
    KeychainSecretStore store(m_service);
    const QString id = Profile::newId();
    QCOMPARE(writeAndWait(store, id, SecretKind::WebhookSecret, "temporary"_ba), QString());
    QCOMPARE(writeAndWait(store, id, SecretKind::WebhookSecret, {}), QString());
    QVERIFY(!readAndWait(store, id, SecretKind::WebhookSecret).found);
}

void TestKeyring::entries_outliveTheStoreObject()
{
    const QString id = Profile::newId();
    {
        KeychainSecretStore writer(m_service);
        QCOMPARE(writeAndWait(writer, id, SecretKind::Secret, "persisted"_ba), QString());
    }
    KeychainSecretStore reader(m_service);
    QCOMPARE(readAndWait(reader, id, SecretKind::Secret).value, "persisted"_ba);
}

void TestKeyring::services_areSeparate()
{
    KeychainSecretStore mine(m_service);
    KeychainSecretStore other(m_service + u".other"_s);
    const QString id = Profile::newId();
    QCOMPARE(writeAndWait(mine, id, SecretKind::Secret, "only-here"_ba), QString());
    const SecretRead read = readAndWait(other, id, SecretKind::Secret);
    QVERIFY(read.ok());
    QVERIFY(!read.found);
}

void TestKeyring::context_destroyed_dropsTheAnswer()
{
    KeychainSecretStore store(m_service);
    int calls = 0;
    auto context = std::make_unique<QObject>();
    store.read(Profile::newId(), SecretKind::Secret, context.get(), [&](const SecretRead &) { ++calls; });
    context.reset();
    // A second read queued behind the first tells us when the first one has finished.
    QCOMPARE(readAndWait(store, Profile::newId(), SecretKind::Secret).error, QString());
    QCOMPARE(calls, 0);
}

void TestKeyring::vault_usesTheKeyring_withNoFallbackReason()
{
    QTemporaryDir dir;
    SecretVault vault(m_service, dir.filePath(u"secrets.json"_s));
    QSignalSpy ready(&vault, &SecretVault::ready);
    QCOMPARE(vault.backend(), SecretVault::Backend::Probing);
    vault.start();
    QVERIFY(ready.wait(20000));
    QCOMPARE(vault.backend(), SecretVault::Backend::Keyring);
    QCOMPARE(vault.backendName(), u"system keyring"_s);
    QCOMPARE(vault.fallbackReason(), QString());
    QCOMPARE(vault.useFileFallback(), u"the keyring works; secrets stay there"_s);
    QVERIFY(!QFile::exists(dir.filePath(u"secrets.json"_s)));
}

void TestKeyring::vault_callsMadeWhileProbing_waitAndSucceed()
{
    QTemporaryDir dir;
    SecretVault vault(m_service, dir.filePath(u"secrets.json"_s));
    const QString id = Profile::newId();
    // No start(): the first call starts the probe and waits for it.
    QCOMPARE(writeAndWait(vault, id, SecretKind::Secret, "early"_ba), QString());
    QCOMPARE(vault.backend(), SecretVault::Backend::Keyring);
    KeychainSecretStore direct(m_service);
    QCOMPARE(readAndWait(direct, id, SecretKind::Secret).value, "early"_ba);
}

void TestKeyring::vault_keyringMiss_readsTheOptedInFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"secrets.json"_s);
    const QString id = Profile::newId();
    FileSecretStore file(path);
    QCOMPARE(file.writeAll({{id, SecretKind::Secret, "from-the-file"_ba}}), QString());

    SecretVault vault(m_service, path);
    QCOMPARE(readAndWait(vault, id, SecretKind::Secret).value, "from-the-file"_ba);
    QCOMPARE(vault.backend(), SecretVault::Backend::Keyring);
    // A keyring entry wins over the file.
    QCOMPARE(writeAndWait(vault, id, SecretKind::Secret, "from-the-keyring"_ba), QString());
    QCOMPARE(readAndWait(vault, id, SecretKind::Secret).value, "from-the-keyring"_ba);
}

void TestKeyring::vault_remove_alsoClearsTheFileCopy()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"secrets.json"_s);
    const QString id = Profile::newId();
    FileSecretStore file(path);
    QCOMPARE(file.writeAll({{id, SecretKind::WebhookSecret, "stale"_ba}}), QString());

    SecretVault vault(m_service, path);
    QString error = u"no answer"_s;
    vault.remove(id, SecretKind::WebhookSecret, this, [&](const QString &e) { error = e; });
    QTRY_COMPARE_WITH_TIMEOUT(error, QString(), 20000);
    QVERIFY(!readAndWait(vault, id, SecretKind::WebhookSecret).found);
    QVERIFY(!readAndWait(file, id, SecretKind::WebhookSecret).found);
}

void TestKeyring::copyBoth_copiesSecretAndWebhookSecret()
{
    KeychainSecretStore store(m_service);
    const QString from = Profile::newId();
    const QString to = Profile::newId();
    QCOMPARE(writeAndWait(store, from, SecretKind::Secret, "s1"_ba), QString());
    QCOMPARE(writeAndWait(store, from, SecretKind::WebhookSecret, "w1"_ba), QString());
    QString error = u"no answer"_s;
    store.copyBoth(from, to, this, [&](const QString &e) { error = e; });
    QTRY_COMPARE_WITH_TIMEOUT(error, QString(), 20000);
    QCOMPARE(readAndWait(store, to, SecretKind::Secret).value, "s1"_ba);
    QCOMPARE(readAndWait(store, to, SecretKind::WebhookSecret).value, "w1"_ba);
}

QTEST_GUILESS_MAIN(TestKeyring)
#include "tst_keyring.moc"
