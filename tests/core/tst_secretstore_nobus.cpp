// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// SecretVault with no D-Bus at all: it must fall back to this session's memory, say why,
// and let the user opt into the 0600 file.
#include <apinator/profile.h>
#include <apinator/keychainsecretstore.h>
#include <apinator/secretstore.h>

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Apinator;

class TestSecretStoreNoBus final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void keychain_probe_givesQtKeychainsReason();
    void vault_fallsBackToMemory_withTheReason();
    void vault_deferred_callsWaitForStartThenAnswer();
    void vault_memory_keepsSecretsForThisSessionOnly();
    void vault_useFileFallback_movesSessionSecretsToA0600File();
    void vault_nextStart_withTheFile_usesIt();
    void vault_useFileFallback_unwritable_staysInMemory();
    void vault_keyringThatCannotOpen_isOpenedAtStart_andGivesTheReason();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString filePath() const { return m_dir->filePath(u"secrets.json"_s); }
};

void TestSecretStoreNoBus::initTestCase()
{
    // Before any keyring call: no session bus to find, not even through XDG_RUNTIME_DIR/bus.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/apinator-no-bus");
}

void TestSecretStoreNoBus::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestSecretStoreNoBus::keychain_probe_givesQtKeychainsReason()
{
    KeychainSecretStore store;
    QString error;
    bool answered = false;
    store.probe(this, [&](const QString &e) {
        error = e;
        answered = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 30000);
    QVERIFY2(error.startsWith(u"keyring: "_s) && error.size() > 10, qPrintable(error));
}

void TestSecretStoreNoBus::vault_fallsBackToMemory_withTheReason()
{
    SecretVault vault(u"io.github.apinator_console.Test"_s, filePath());
    QSignalSpy ready(&vault, &SecretVault::ready);
    QCOMPARE(vault.backendName(), u"keyring (checking)"_s);
    vault.start();
    QVERIFY(ready.wait(30000));
    QCOMPARE(vault.backend(), SecretVault::Backend::Memory);
    QCOMPARE(vault.backendName(), u"this session only"_s);
    QVERIFY2(vault.fallbackReason().startsWith(u"keyring: "_s), qPrintable(vault.fallbackReason()));
    QVERIFY(!QFile::exists(filePath()));
}

void TestSecretStoreNoBus::vault_deferred_callsWaitForStartThenAnswer()
{
    SecretVault vault(u"io.github.apinator_console.Test"_s, filePath());
    vault.deferProbeUntilStart();
    QSignalSpy ready(&vault, &SecretVault::ready);
    bool answered = false;
    QObject context;
    vault.read(Profile::newId(), SecretKind::Secret, &context, [&answered](const SecretRead &) { answered = true; });
    // The read does not start the probe: nothing answers however long the loop runs.
    QTest::qWait(300);
    QVERIFY(!answered);
    QCOMPARE(ready.count(), 0);
    QCOMPARE(vault.backend(), SecretVault::Backend::Probing);
    vault.start();
    QTRY_VERIFY_WITH_TIMEOUT(answered, 30000);
    QCOMPARE(ready.count(), 1);
    QCOMPARE(vault.backend(), SecretVault::Backend::Memory);
}

void TestSecretStoreNoBus::vault_memory_keepsSecretsForThisSessionOnly()
{
    const QString id = Profile::newId();
    {
        SecretVault vault(u"io.github.apinator_console.Test"_s, filePath());
        QCOMPARE(writeAndWait(vault, id, SecretKind::Secret, "session-secret"_ba), QString());
        QCOMPARE(vault.backend(), SecretVault::Backend::Memory);
        QCOMPARE(readAndWait(vault, id, SecretKind::Secret).value, "session-secret"_ba);
    }
    SecretVault next(u"io.github.apinator_console.Test"_s, filePath());
    const SecretRead read = readAndWait(next, id, SecretKind::Secret);
    QVERIFY(read.ok());
    QVERIFY(!read.found);
    QVERIFY(!QFile::exists(filePath()));
}

void TestSecretStoreNoBus::vault_useFileFallback_movesSessionSecretsToA0600File()
{
    SecretVault vault(u"io.github.apinator_console.Test"_s, filePath());
    const QString id = Profile::newId();
    QCOMPARE(writeAndWait(vault, id, SecretKind::Secret, "typed-before-opt-in"_ba), QString());
    QSignalSpy changed(&vault, &SecretVault::backendChanged);
    QCOMPARE(vault.useFileFallback(), QString());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(vault.backend(), SecretVault::Backend::File);
    QCOMPARE(vault.backendName(), u"file only you can read"_s);
    QVERIFY(!vault.fallbackReason().isEmpty()); // the banner still says why the keyring is not used

    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(filePath()).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, 0600u);
    FileSecretStore file(filePath());
    QCOMPARE(readAndWait(file, id, SecretKind::Secret).value, "typed-before-opt-in"_ba);
    QCOMPARE(writeAndWait(vault, id, SecretKind::WebhookSecret, "after"_ba), QString());
    QCOMPARE(readAndWait(file, id, SecretKind::WebhookSecret).value, "after"_ba);
    QCOMPARE(vault.useFileFallback(), QString()); // already there: nothing to do
    QCOMPARE(changed.size(), 1);
}

void TestSecretStoreNoBus::vault_nextStart_withTheFile_usesIt()
{
    const QString id = Profile::newId();
    FileSecretStore file(filePath());
    QCOMPARE(file.writeAll({{id, SecretKind::Secret, "from-an-earlier-session"_ba}}), QString());
    SecretVault vault(u"io.github.apinator_console.Test"_s, filePath());
    QCOMPARE(readAndWait(vault, id, SecretKind::Secret).value, "from-an-earlier-session"_ba);
    QCOMPARE(vault.backend(), SecretVault::Backend::File);
    QVERIFY(!vault.fallbackReason().isEmpty());
}

void TestSecretStoreNoBus::vault_useFileFallback_unwritable_staysInMemory()
{
    const QString blocker = m_dir->filePath(u"a-file"_s);
    QFile block(blocker);
    QVERIFY(block.open(QIODevice::WriteOnly));
    block.close();
    SecretVault vault(u"io.github.apinator_console.Test"_s, blocker + u"/secrets.json"_s);
    const QString id = Profile::newId();
    QCOMPARE(writeAndWait(vault, id, SecretKind::Secret, "still-here"_ba), QString());
    const QString error = vault.useFileFallback();
    QVERIFY(!error.isEmpty());
    QVERIFY(!error.contains(u"still-here"_s));
    QCOMPARE(vault.backend(), SecretVault::Backend::Memory);
    QCOMPARE(readAndWait(vault, id, SecretKind::Secret).value, "still-here"_ba);
}

// The console opens its keyring from a module when the vault starts: not before, and when the
// module is missing the vault works from memory (or the opted-in file) and says why.
void TestSecretStoreNoBus::vault_keyringThatCannotOpen_isOpenedAtStart_andGivesTheReason()
{
    const QString reason = u"the console's parts module is missing (/nowhere/libapinator-console-parts.so)"_s;
    int opened = 0;
    const KeyringFactory cannotOpen = [&](QString *error) -> std::unique_ptr<KeyringStore> {
        ++opened;
        *error = reason;
        return nullptr;
    };
    {
        SecretVault vault(cannotOpen, filePath());
        vault.deferProbeUntilStart();
        bool written = false;
        vault.write(u"p1"_s, SecretKind::Secret, "s3cret", this, [&](const QString &error) {
            QVERIFY(error.isEmpty());
            written = true;
        });
        QCOMPARE(opened, 0);
        QVERIFY(!written);
        vault.start();
        QCOMPARE(opened, 1);
        QTRY_VERIFY(written);
        QCOMPARE(vault.backend(), SecretVault::Backend::Memory);
        QCOMPARE(vault.fallbackReason(), reason);
        QCOMPARE(readAndWait(vault, u"p1"_s, SecretKind::Secret, 1000).value, "s3cret"_ba);
        QCOMPARE(vault.useFileFallback(), QString());
    }
    // The file the user opted into is used on the next start, the keyring still missing.
    SecretVault next(cannotOpen, filePath());
    next.start();
    QCOMPARE(opened, 2);
    QCOMPARE(next.backend(), SecretVault::Backend::File);
    QCOMPARE(readAndWait(next, u"p1"_s, SecretKind::Secret, 1000).value, "s3cret"_ba);
}

QTEST_GUILESS_MAIN(TestSecretStoreNoBus)
#include "tst_secretstore_nobus.moc"
