// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include <apinator/profilestore.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Apinator;

namespace {

Profile makeProfile(const QString &name, const QString &cluster = u"eu"_s)
{
    Profile p = Profile::create();
    p.name = name;
    p.appId = u"42"_s;
    p.key = u"key-"_s + QString::number(qHash(name));
    p.cluster = cluster;
    return p;
}

QStringList names(const ProfileStore &store)
{
    QStringList result;
    for (const Profile &p : store.profiles())
        result.append(p.name);
    return result;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

ino_t inode(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : 0;
}

} // namespace

class TestProfileStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void defaultFilePath_honoursTheOverride();
    void load_missingFile_isAFirstLaunch();
    void addSaveLoad_roundTripsEveryProfileInOrder();
    void save_replacesTheFileAtomically();
    void save_failure_namesThePathAndKeepsTheChange();
    void load_corruptFile_movesItAsideAndStartsEmpty_data();
    void load_corruptFile_movesItAsideAndStartsEmpty();
    void load_unreadablePath_movesItAside();
    void load_readOnlyMode_leavesACorruptFileInPlace();
    void load_secondCorruptionTheSameSecond_getsItsOwnName();
    void add_invalidProfile_changesNothing();
    void add_duplicateName_caseInsensitive_isAnIssue();
    void update_renameOntoAnotherName_isAnIssue();
    void update_keepsPositionAndSaves();
    void findByName_ignoresCaseAndSpaces();
    void duplicate_insertsCopyAfterTheOriginal();
    void duplicate_twice_givesUniqueNames();
    void remove_thenAddAtIndex_undoes();
    void move_reorders_data();
    void move_reorders();
    void addAll_renamesClashesAndRenewsIds();
    void addAll_oneInvalid_addsNothing();
    void followSandboxPort_updatesOnlySandboxProfiles();
    void changed_isEmittedOncePerChange();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path() const { return m_dir->filePath(u"profiles.json"_s); }
};

void TestProfileStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestProfileStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestProfileStore::defaultFilePath_honoursTheOverride()
{
    qputenv("APINATOR_CONFIG_DIR", QFile::encodeName(m_dir->path() + u"/cfg/"_s));
    QCOMPARE(configDirectory(), m_dir->path() + u"/cfg"_s);
    QCOMPARE(ProfileStore::defaultFilePath(), m_dir->path() + u"/cfg/profiles.json"_s);
    qunsetenv("APINATOR_CONFIG_DIR");
    QVERIFY(configDirectory().endsWith(u"/apinator-console"_s));
    QVERIFY(configDirectory().contains(u"qttest"_s)); // test mode: never the developer's real folder
}

void TestProfileStore::load_missingFile_isAFirstLaunch()
{
    ProfileStore store(path());
    const auto result = store.load();
    QVERIFY(result.ok);
    QCOMPARE(result.message, QString());
    QVERIFY(store.isEmpty());
    QVERIFY(!QFile::exists(path()));
}

void TestProfileStore::addSaveLoad_roundTripsEveryProfileInOrder()
{
    ProfileStore store(path());
    Profile a = makeProfile(u"Alpha"_s);
    a.environment = Environment::Production;
    a.notes = u"ask before sending"_s;
    Profile b = makeProfile(u"Beta"_s, {});
    b.baseUrl = u"http://127.0.0.1:6001"_s;
    b.embeddedSandbox = true;
    b.confirmBeforeSend = false;
    QVERIFY(store.add(a).ok());
    QVERIFY(store.add(b).ok());

    ProfileStore reloaded(path());
    QVERIFY(reloaded.load().ok);
    QCOMPARE(reloaded.profiles(), (QList<Profile>{a, b}));
    const QJsonObject root = QJsonDocument::fromJson(readAll(path())).object();
    QCOMPARE(root.value(u"version"_s).toInt(), 1);
    QCOMPARE(root.value(u"profiles"_s).toArray().size(), 2);
}

void TestProfileStore::save_replacesTheFileAtomically()
{
    ProfileStore store(path());
    QVERIFY(store.add(makeProfile(u"One"_s)).ok());
    const QByteArray first = readAll(path());
    // A hard link keeps the old inode: an in-place rewrite would change what it shows.
    const QString link = m_dir->filePath(u"old-profiles.json"_s);
    QCOMPARE(::link(QFile::encodeName(path()).constData(), QFile::encodeName(link).constData()), 0);
    const ino_t before = inode(path());

    QVERIFY(store.add(makeProfile(u"Two"_s)).ok());
    QVERIFY(inode(path()) != before);
    QCOMPARE(readAll(link), first);
    QVERIFY(readAll(path()).contains("\"Two\""));
    // No temporary file is left behind.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files).size(), 2);
}

void TestProfileStore::save_failure_namesThePathAndKeepsTheChange()
{
    // The folder is a regular file: no user, not even root, can create a file inside it.
    const QString blocker = m_dir->filePath(u"not-a-folder"_s);
    QVERIFY(writeFile(blocker, "x"));
    const QString badPath = blocker + u"/profiles.json"_s;
    ProfileStore store(badPath);
    const auto result = store.add(makeProfile(u"Kept"_s));
    QVERIFY(result.changed());
    QVERIFY(!result.ok());
    QVERIFY2(result.saveError.contains(badPath) || result.saveError.contains(blocker), qPrintable(result.saveError));
    QCOMPARE(names(store), QStringList{u"Kept"_s});
}

void TestProfileStore::load_corruptFile_movesItAsideAndStartsEmpty_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");
    QTest::addRow("truncated JSON") << "{\"version\":1,\"profiles\":["_ba << u"not valid JSON"_s;
    QTest::addRow("binary garbage") << QByteArray("\x00\x01\x02garbage", 10) << u"not valid JSON"_s;
    QTest::addRow("empty file") << QByteArray() << u"not valid JSON"_s;
    QTest::addRow("array at the top") << "[]"_ba << u"not a JSON object"_s;
    QTest::addRow("no version") << "{\"profiles\":[]}"_ba << u"no \"version\" number"_s;
    QTest::addRow("newer version") << "{\"version\":9,\"profiles\":[]}"_ba << u"version 9 was written by a newer console"_s;
    QTest::addRow("profiles not an array") << "{\"version\":1,\"profiles\":{}}"_ba << u"no \"profiles\" array"_s;
    QTest::addRow("profile without id") << "{\"version\":1,\"profiles\":[{\"name\":\"x\"}]}"_ba
                                        << u"profile 1: member \"id\" is missing"_s;
    QTest::addRow("same id twice")
        << "{\"version\":1,\"profiles\":[{\"id\":\"6f1c1a52-8f0e-4d37-9d8e-1d8a3c3b7a10\",\"name\":\"a\"},"
           "{\"id\":\"6f1c1a52-8f0e-4d37-9d8e-1d8a3c3b7a10\",\"name\":\"b\"}]}"_ba
        << u"profile 2: id 6f1c1a52-8f0e-4d37-9d8e-1d8a3c3b7a10 appears twice"_s;
}

void TestProfileStore::load_corruptFile_movesItAsideAndStartsEmpty()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    QVERIFY(writeFile(path(), content));

    ProfileStore store(path());
    QSignalSpy changed(&store, &ProfileStore::changed);
    const auto result = store.load();
    QVERIFY(!result.ok);
    QVERIFY(store.isEmpty());
    QCOMPARE(changed.size(), 1);
    QVERIFY(!QFile::exists(path()));
    QVERIFY(QFileInfo(result.movedAsidePath).fileName().contains(
        QRegularExpression(u"^profiles\\.json\\.corrupt-\\d{8}-\\d{6}$"_s)));
    QCOMPARE(readAll(result.movedAsidePath), content); // nothing lost
    QVERIFY2(result.message.contains(reason), qPrintable(result.message));
    QVERIFY(result.message.contains(path()));
    QVERIFY(result.message.contains(result.movedAsidePath));

    // The console goes on: a new profile saves into a fresh file.
    QVERIFY(store.add(makeProfile(u"Fresh"_s)).ok());
    ProfileStore reloaded(path());
    QVERIFY(reloaded.load().ok);
    QCOMPARE(names(reloaded), QStringList{u"Fresh"_s});
}

void TestProfileStore::load_unreadablePath_movesItAside()
{
    // A folder where the file should be cannot be opened for reading, even by root.
    QVERIFY(QDir().mkpath(path()));
    ProfileStore store(path());
    const auto result = store.load();
    QVERIFY(!result.ok);
    QVERIFY2(result.message.contains(u"could not be read"_s), qPrintable(result.message));
    QVERIFY(QFileInfo(result.movedAsidePath).isDir());
    QVERIFY(!QFileInfo::exists(path()));
}

void TestProfileStore::load_readOnlyMode_leavesACorruptFileInPlace()
{
    QVERIFY(writeFile(path(), "nope"));
    ProfileStore store(path());
    const auto result = store.load(ProfileStore::LoadMode::ReadOnly);
    QVERIFY(!result.ok);
    QCOMPARE(result.movedAsidePath, QString());
    QVERIFY(result.message.contains(u"is damaged"_s));
    QCOMPARE(readAll(path()), "nope"_ba);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files).size(), 1);
}

void TestProfileStore::load_secondCorruptionTheSameSecond_getsItsOwnName()
{
    QVERIFY(writeFile(path(), "first"));
    ProfileStore store(path());
    const QString first = store.load().movedAsidePath;
    QVERIFY(writeFile(path(), "second"));
    const QString second = store.load().movedAsidePath;
    QVERIFY(!first.isEmpty());
    QVERIFY(!second.isEmpty());
    QVERIFY(first != second);
    QCOMPARE(readAll(first), "first"_ba);
    QCOMPARE(readAll(second), "second"_ba);
}

void TestProfileStore::add_invalidProfile_changesNothing()
{
    ProfileStore store(path());
    QSignalSpy changed(&store, &ProfileStore::changed);
    Profile bad = makeProfile(u"Bad"_s);
    bad.key.clear();
    const auto result = store.add(bad);
    QCOMPARE(result.issues, (QList<ProfileIssue>{{ProfileField::Key, u"key is empty"_s}}));
    QVERIFY(!result.changed());
    QVERIFY(store.isEmpty());
    QCOMPARE(changed.size(), 0);
    QVERIFY(!QFile::exists(path()));
}

void TestProfileStore::add_duplicateName_caseInsensitive_isAnIssue()
{
    ProfileStore store(path());
    QVERIFY(store.add(makeProfile(u"Staging"_s)).ok());
    const auto result = store.add(makeProfile(u" staging "_s));
    QCOMPARE(result.issues,
             (QList<ProfileIssue>{{ProfileField::Name, u"a profile named \"Staging\" already exists"_s}}));
    QCOMPARE(store.count(), 1);
}

void TestProfileStore::update_renameOntoAnotherName_isAnIssue()
{
    ProfileStore store(path());
    QVERIFY(store.add(makeProfile(u"A"_s)).ok());
    Profile b = makeProfile(u"B"_s);
    QVERIFY(store.add(b).ok());
    b.name = u"a"_s;
    QCOMPARE(store.update(b).issues.size(), 1);
    QCOMPARE(names(store), (QStringList{u"A"_s, u"B"_s}));
}

void TestProfileStore::update_keepsPositionAndSaves()
{
    ProfileStore store(path());
    Profile a = makeProfile(u"A"_s);
    QVERIFY(store.add(a).ok());
    QVERIFY(store.add(makeProfile(u"B"_s)).ok());
    a.name = u"A renamed"_s;
    a.cluster = u"us"_s;
    QVERIFY(store.update(a).ok());
    ProfileStore reloaded(path());
    QVERIFY(reloaded.load().ok);
    QCOMPARE(names(reloaded), (QStringList{u"A renamed"_s, u"B"_s}));
    QCOMPARE(reloaded.findById(a.id)->cluster, u"us"_s);
}

void TestProfileStore::findByName_ignoresCaseAndSpaces()
{
    ProfileStore store(path());
    const Profile p = makeProfile(u"Production EU"_s);
    QVERIFY(store.add(p).ok());
    QCOMPARE(store.findByName(u"  production eu"_s)->id, p.id);
    QVERIFY(!store.findByName(u"production"_s));
    QCOMPARE(store.findById(p.id)->name, p.name);
    QVERIFY(!store.findById(Profile::newId()));
}

void TestProfileStore::duplicate_insertsCopyAfterTheOriginal()
{
    ProfileStore store(path());
    Profile a = makeProfile(u"A"_s);
    a.environment = Environment::Staging;
    QVERIFY(store.add(a).ok());
    QVERIFY(store.add(makeProfile(u"B"_s)).ok());
    const auto copy = store.duplicate(a.id);
    QVERIFY(copy);
    QCOMPARE(names(store), (QStringList{u"A"_s, u"Copy of A"_s, u"B"_s}));
    QVERIFY(copy->id != a.id);
    Profile expected = a;
    expected.id = copy->id;
    expected.name = u"Copy of A"_s;
    QCOMPARE(*copy, expected);
    QVERIFY(!store.duplicate(Profile::newId()));
}

void TestProfileStore::duplicate_twice_givesUniqueNames()
{
    ProfileStore store(path());
    const Profile a = makeProfile(u"A"_s);
    QVERIFY(store.add(a).ok());
    QVERIFY(store.duplicate(a.id));
    QVERIFY(store.duplicate(a.id));
    QCOMPARE(names(store), (QStringList{u"A"_s, u"Copy of A (2)"_s, u"Copy of A"_s}));
}

void TestProfileStore::remove_thenAddAtIndex_undoes()
{
    ProfileStore store(path());
    for (const QString &name : {u"A"_s, u"B"_s, u"C"_s})
        QVERIFY(store.add(makeProfile(name)).ok());
    const Profile b = store.profiles().at(1);
    const auto removed = store.remove(b.id);
    QVERIFY(removed);
    QCOMPARE(removed->index, 1);
    QCOMPARE(removed->profile, b);
    QCOMPARE(names(store), (QStringList{u"A"_s, u"C"_s}));
    QVERIFY(!store.remove(b.id));

    QVERIFY(store.add(removed->profile, removed->index).ok());
    ProfileStore reloaded(path());
    QVERIFY(reloaded.load().ok);
    QCOMPARE(reloaded.profiles(), store.profiles());
    QCOMPARE(reloaded.profiles().at(1).id, b.id);
}

void TestProfileStore::move_reorders_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<QStringList>("order");
    QTest::addRow("first to last") << 0 << 2 << QStringList{u"B"_s, u"C"_s, u"A"_s};
    QTest::addRow("last to first") << 2 << 0 << QStringList{u"C"_s, u"A"_s, u"B"_s};
    QTest::addRow("past the end clamps") << 0 << 99 << QStringList{u"B"_s, u"C"_s, u"A"_s};
    QTest::addRow("negative clamps") << 1 << -5 << QStringList{u"B"_s, u"A"_s, u"C"_s};
    QTest::addRow("same place") << 1 << 1 << QStringList{u"A"_s, u"B"_s, u"C"_s};
}

void TestProfileStore::move_reorders()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(QStringList, order);
    ProfileStore store(path());
    for (const QString &name : {u"A"_s, u"B"_s, u"C"_s})
        QVERIFY(store.add(makeProfile(name)).ok());
    QCOMPARE(store.move(store.profiles().at(from).id, to), QString());
    QCOMPARE(names(store), order);
    ProfileStore reloaded(path());
    QVERIFY(reloaded.load().ok);
    QCOMPARE(names(reloaded), order);
}

void TestProfileStore::addAll_renamesClashesAndRenewsIds()
{
    ProfileStore store(path());
    const Profile existing = makeProfile(u"Staging"_s);
    QVERIFY(store.add(existing).ok());
    Profile sameId = makeProfile(u"Other"_s);
    sameId.id = existing.id;
    const Profile sameName = makeProfile(u"STAGING"_s);
    const auto result = store.addAll({sameId, sameName, makeProfile(u"Staging (2)"_s)});
    QVERIFY(result.issues.isEmpty());
    QCOMPARE(result.saveError, QString());
    QCOMPARE(result.added.size(), 3);
    QVERIFY(result.added.at(0).id != existing.id);
    QCOMPARE(result.added.at(1).id, sameName.id);
    QCOMPARE(names(store), (QStringList{u"Staging"_s, u"Other"_s, u"STAGING (2)"_s, u"Staging (2) (2)"_s}));
}

void TestProfileStore::addAll_oneInvalid_addsNothing()
{
    ProfileStore store(path());
    QVERIFY(store.add(makeProfile(u"Kept"_s)).ok());
    const QByteArray before = readAll(path());
    Profile bad = makeProfile(u"Bad"_s);
    bad.cluster = u"E U"_s;
    QSignalSpy changed(&store, &ProfileStore::changed);
    const auto result = store.addAll({makeProfile(u"Good"_s), bad});
    QCOMPARE(result.issues.size(), 1);
    QCOMPARE(result.issues.first().field, ProfileField::Cluster);
    QVERIFY(result.added.isEmpty());
    QCOMPARE(names(store), QStringList{u"Kept"_s});
    QCOMPARE(readAll(path()), before);
    QCOMPARE(changed.size(), 0);
}

void TestProfileStore::followSandboxPort_updatesOnlySandboxProfiles()
{
    ProfileStore store(path());
    const Profile sandbox = Profile::localSandbox(6001, u"1"_s, u"k"_s);
    Profile remote = makeProfile(u"Remote"_s, {});
    remote.baseUrl = u"http://127.0.0.1:6001"_s;
    QVERIFY(store.add(sandbox).ok());
    QVERIFY(store.add(remote).ok());
    QSignalSpy changed(&store, &ProfileStore::changed);
    QCOMPARE(store.followSandboxPort(6001), QString());
    QCOMPARE(changed.size(), 0); // nothing moved, nothing written
    QCOMPARE(store.followSandboxPort(40123), QString());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(store.findById(sandbox.id)->baseUrl, u"http://127.0.0.1:40123"_s);
    QCOMPARE(store.findById(remote.id)->baseUrl, u"http://127.0.0.1:6001"_s);
    ProfileStore reloaded(path());
    QVERIFY(reloaded.load().ok);
    QCOMPARE(reloaded.findById(sandbox.id)->baseUrl, u"http://127.0.0.1:40123"_s);
}

void TestProfileStore::changed_isEmittedOncePerChange()
{
    ProfileStore store(path());
    QSignalSpy changed(&store, &ProfileStore::changed);
    Profile a = makeProfile(u"A"_s);
    QVERIFY(store.add(a).ok());
    QVERIFY(store.update(a).ok()); // no difference: no signal
    a.notes = u"n"_s;
    QVERIFY(store.update(a).ok());
    QVERIFY(store.duplicate(a.id));
    QCOMPARE(store.move(a.id, 1), QString());
    QVERIFY(store.remove(a.id));
    QCOMPARE(changed.size(), 5);
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
