// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// ActiveProfile: the selected profile with its secrets read from a real (session) store.
#include "session/activeprofile.h"

#include <apinator/profilestore.h>
#include <apinator/secretstore.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Apinator;
using Apinator::Ui::ActiveProfile;

class TestActiveProfile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void select_readsSecretsThenAnswersCredentials();
    void select_noStoredSecret_credentialsWithEmptySecret();
    void reload_seesSecretsWrittenSince();
    void removedProfile_selectionCleared();
    void readAll_everyProfileWithSecretsInStoreOrder();

private:
    Profile addProfile(const QString &name, const QString &key, const QByteArray &secret = {});

    QTemporaryDir m_dir;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<MemorySecretStore> m_secrets;
};

Profile TestActiveProfile::addProfile(const QString &name, const QString &key, const QByteArray &secret)
{
    Profile p = Profile::create();
    p.name = name;
    p.appId = u"1"_s;
    p.key = key;
    p.cluster = u"eu"_s;
    const ProfileStore::Result result = m_store->add(p);
    if (!result.changed())
        qFatal("could not add %s", qPrintable(result.issues.constFirst().message));
    if (!secret.isEmpty() && !writeAndWait(*m_secrets, p.id, SecretKind::Secret, secret, 5000).isEmpty())
        qFatal("could not store the secret");
    return p;
}

void TestActiveProfile::init()
{
    QVERIFY(m_dir.isValid());
    m_store = std::make_unique<ProfileStore>(m_dir.filePath(u"profiles-%1.json"_s.arg(QLatin1StringView(QTest::currentTestFunction()))));
    m_secrets = std::make_unique<MemorySecretStore>();
}

void TestActiveProfile::select_readsSecretsThenAnswersCredentials()
{
    const Profile p = addProfile(u"One"_s, u"key-one"_s, "secret-one");
    ActiveProfile active(m_store.get(), m_secrets.get());
    QSignalSpy changed(&active, &ActiveProfile::changed);
    active.select(p.id);
    QCOMPARE(active.id(), p.id);
    QCOMPARE(active.profile()->name, u"One"_s);
    // The store answers later: no credentials until it has.
    QVERIFY(!active.isReady());
    QVERIFY(!active.credentials());
    QTRY_VERIFY(active.isReady());
    const std::optional<Credentials> credentials = active.credentials();
    QVERIFY(credentials);
    QCOMPARE(credentials->key, u"key-one"_s);
    QCOMPARE(credentials->secret, QByteArray("secret-one"));
    QCOMPARE(changed.count(), 2); // the selection, then the secrets
}

void TestActiveProfile::select_noStoredSecret_credentialsWithEmptySecret()
{
    const Profile p = addProfile(u"Bare"_s, u"key-bare"_s);
    ActiveProfile active(m_store.get(), m_secrets.get());
    active.select(p.id);
    QTRY_VERIFY(active.isReady());
    QVERIFY(active.credentials());
    QVERIFY(active.credentials()->secret.isEmpty());
    QVERIFY(!active.credentials()->restError().isEmpty());
    QVERIFY(active.secretError().isEmpty());
}

void TestActiveProfile::reload_seesSecretsWrittenSince()
{
    const Profile p = addProfile(u"One"_s, u"key-one"_s, "old");
    ActiveProfile active(m_store.get(), m_secrets.get());
    active.select(p.id);
    QTRY_VERIFY(active.isReady());
    QVERIFY(writeAndWait(*m_secrets, p.id, SecretKind::Secret, "new", 5000).isEmpty());
    QCOMPARE(active.credentials()->secret, QByteArray("old"));
    active.reload();
    QTRY_VERIFY(active.isReady());
    QCOMPARE(active.credentials()->secret, QByteArray("new"));
}

void TestActiveProfile::removedProfile_selectionCleared()
{
    const Profile p = addProfile(u"One"_s, u"key-one"_s, "s");
    ActiveProfile active(m_store.get(), m_secrets.get());
    active.select(p.id);
    QTRY_VERIFY(active.isReady());
    QSignalSpy changed(&active, &ActiveProfile::changed);
    QVERIFY(m_store->remove(p.id));
    QVERIFY(active.id().isEmpty());
    QVERIFY(!active.profile());
    QVERIFY(!active.credentials());
    QVERIFY(changed.count() >= 1);
}

void TestActiveProfile::readAll_everyProfileWithSecretsInStoreOrder()
{
    const Profile a = addProfile(u"A"_s, u"key-a"_s, "secret-a");
    addProfile(u"No secret"_s, u"key-n"_s);
    const Profile c = addProfile(u"C"_s, u"key-c"_s, "secret-c");
    ActiveProfile active(m_store.get(), m_secrets.get());
    QList<ActiveProfile::SavedSecrets> got;
    bool answered = false;
    active.readAll(this, [&](const QList<ActiveProfile::SavedSecrets> &all) {
        got = all;
        answered = true;
    });
    QVERIFY(!answered); // never inside the call
    QTRY_VERIFY(answered);
    QCOMPARE(got.size(), 2);
    QCOMPARE(got.at(0).profile.id, a.id);
    QCOMPARE(got.at(0).secret, QByteArray("secret-a"));
    QCOMPARE(got.at(1).profile.id, c.id);
    QCOMPARE(got.at(1).secret, QByteArray("secret-c"));
}

QTEST_GUILESS_MAIN(TestActiveProfile)
#include "tst_activeprofile.moc"
