// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// MemorySecretStore and FileSecretStore; the keyring is in tst_keyring, the fallback in tst_secretstore_nobus.
#include <apinator/profile.h>
#include <apinator/secretstore.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Apinator;

namespace {

enum class Backend { Memory, File };

mode_t modeOf(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777) : 07777;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

Q_DECLARE_METATYPE(Backend)

class TestSecretStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void writeReadRemove_roundTrip_data();
    void writeReadRemove_roundTrip();
    void answers_neverInsideTheCall_data();
    void answers_neverInsideTheCall();
    void destroyedContext_dropsTheAnswer_data();
    void destroyedContext_dropsTheAnswer();
    void pairHelpers_readWriteCopyRemoveBoth_data();
    void pairHelpers_readWriteCopyRemoveBoth();
    void memory_entries_listWhatIsHeld();
    void file_isMode0600_data();
    void file_isMode0600();
    void file_createdFolder_isOwnerOnly();
    void file_openToOthers_isRefusedNotRead();
    void file_damaged_saysSoWithoutValues();
    void file_survivesANewStoreObject();
    void file_writeAll_keepsExistingEntries();

private:
    std::unique_ptr<SecretStore> make(Backend backend) const;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString filePath() const { return m_dir->filePath(u"config/secrets.json"_s); }
};

void TestSecretStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<SecretStore> TestSecretStore::make(Backend backend) const
{
    if (backend == Backend::File)
        return std::make_unique<FileSecretStore>(filePath());
    return std::make_unique<MemorySecretStore>();
}

static void addBackends()
{
    QTest::addColumn<Backend>("backend");
    QTest::addRow("memory") << Backend::Memory;
    QTest::addRow("file") << Backend::File;
}

void TestSecretStore::writeReadRemove_roundTrip_data()
{
    addBackends();
}

void TestSecretStore::writeReadRemove_roundTrip()
{
    QFETCH(Backend, backend);
    const auto store = make(backend);
    const QString id = Profile::newId();
    QVERIFY(!readAndWait(*store, id, SecretKind::Secret).found);
    QCOMPARE(writeAndWait(*store, id, SecretKind::Secret, "s-1"_ba), QString());
    QCOMPARE(writeAndWait(*store, id, SecretKind::WebhookSecret, QByteArray("\x00\xffw", 3)), QString());
    const SecretRead secret = readAndWait(*store, id, SecretKind::Secret);
    QVERIFY(secret.ok());
    QVERIFY(secret.found);
    QCOMPARE(secret.value, "s-1"_ba);
    QCOMPARE(readAndWait(*store, id, SecretKind::WebhookSecret).value, QByteArray("\x00\xffw", 3));
    QVERIFY(!readAndWait(*store, Profile::newId(), SecretKind::Secret).found);

    QString error = u"no answer"_s;
    store->remove(id, SecretKind::Secret, this, [&](const QString &e) { error = e; });
    QTRY_COMPARE(error, QString());
    QVERIFY(!readAndWait(*store, id, SecretKind::Secret).found);
    QVERIFY(readAndWait(*store, id, SecretKind::WebhookSecret).found);
    // Writing nothing removes.
    QCOMPARE(writeAndWait(*store, id, SecretKind::WebhookSecret, {}), QString());
    QVERIFY(!readAndWait(*store, id, SecretKind::WebhookSecret).found);
}

void TestSecretStore::answers_neverInsideTheCall_data()
{
    addBackends();
}

void TestSecretStore::answers_neverInsideTheCall()
{
    QFETCH(Backend, backend);
    const auto store = make(backend);
    int answers = 0;
    store->write(u"p"_s, SecretKind::Secret, "v"_ba, this, [&](const QString &) { ++answers; });
    store->read(u"p"_s, SecretKind::Secret, this, [&](const SecretRead &) { ++answers; });
    store->remove(u"p"_s, SecretKind::Secret, this, [&](const QString &) { ++answers; });
    QCOMPARE(answers, 0);
    QTRY_COMPARE(answers, 3);
}

void TestSecretStore::destroyedContext_dropsTheAnswer_data()
{
    addBackends();
}

void TestSecretStore::destroyedContext_dropsTheAnswer()
{
    QFETCH(Backend, backend);
    const auto store = make(backend);
    int dropped = 0;
    int kept = 0;
    auto context = std::make_unique<QObject>();
    store->read(u"p"_s, SecretKind::Secret, context.get(), [&](const SecretRead &) { ++dropped; });
    store->read(u"p"_s, SecretKind::Secret, nullptr, [&](const SecretRead &) { ++kept; });
    context.reset();
    QTRY_COMPARE(kept, 1);
    QCOMPARE(dropped, 0);
}

void TestSecretStore::pairHelpers_readWriteCopyRemoveBoth_data()
{
    addBackends();
}

void TestSecretStore::pairHelpers_readWriteCopyRemoveBoth()
{
    QFETCH(Backend, backend);
    const auto store = make(backend);
    const QString from = Profile::newId();
    const QString to = Profile::newId();
    QString error = u"no answer"_s;
    store->writeBoth(from, "s"_ba, "w"_ba, this, [&](const QString &e) { error = e; });
    QTRY_COMPARE(error, QString());

    error = u"no answer"_s;
    store->copyBoth(from, to, this, [&](const QString &e) { error = e; });
    QTRY_COMPARE(error, QString());

    std::optional<std::pair<SecretRead, SecretRead>> pair;
    store->readBoth(to, this, [&](const SecretRead &s, const SecretRead &w) { pair = std::pair(s, w); });
    QTRY_VERIFY(pair.has_value());
    QCOMPARE(pair->first.value, "s"_ba);
    QCOMPARE(pair->second.value, "w"_ba);

    // An empty webhook secret in writeBoth removes the old one.
    error = u"no answer"_s;
    store->writeBoth(to, "s2"_ba, {}, this, [&](const QString &e) { error = e; });
    QTRY_COMPARE(error, QString());
    QVERIFY(!readAndWait(*store, to, SecretKind::WebhookSecret).found);

    error = u"no answer"_s;
    store->removeBoth(from, this, [&](const QString &e) { error = e; });
    QTRY_COMPARE(error, QString());
    QVERIFY(!readAndWait(*store, from, SecretKind::Secret).found);
    QVERIFY(!readAndWait(*store, from, SecretKind::WebhookSecret).found);
    QCOMPARE(readAndWait(*store, to, SecretKind::Secret).value, "s2"_ba);
}

void TestSecretStore::memory_entries_listWhatIsHeld()
{
    MemorySecretStore store;
    QCOMPARE(writeAndWait(store, u"a"_s, SecretKind::Secret, "1"_ba), QString());
    QCOMPARE(writeAndWait(store, u"a"_s, SecretKind::WebhookSecret, "2"_ba), QString());
    const auto entries = store.entries();
    QCOMPARE(entries.size(), 2);
    for (const auto &entry : entries) {
        QCOMPARE(entry.profileId, u"a"_s);
        QCOMPARE(entry.value, entry.kind == SecretKind::Secret ? "1"_ba : "2"_ba);
    }
    QCOMPARE(store.backendName(), u"this session only"_s);
}

void TestSecretStore::file_isMode0600_data()
{
    QTest::addColumn<mode_t>("umaskValue");
    QTest::addRow("umask 022") << mode_t(022);
    QTest::addRow("umask 000") << mode_t(0);
}

void TestSecretStore::file_isMode0600()
{
    QFETCH(mode_t, umaskValue);
    const mode_t previous = ::umask(umaskValue);
    FileSecretStore store(filePath());
    const QString error = writeAndWait(store, u"p"_s, SecretKind::Secret, "s"_ba);
    ::umask(previous);
    QCOMPARE(error, QString());
    QCOMPARE(modeOf(filePath()), mode_t(0600));
    QCOMPARE(QFile::permissions(filePath()) & ~(QFile::ReadUser | QFile::WriteUser),
             QFile::ReadOwner | QFile::WriteOwner);
    // Every later rewrite keeps it.
    QCOMPARE(writeAndWait(store, u"q"_s, SecretKind::Secret, "t"_ba), QString());
    QCOMPARE(modeOf(filePath()), mode_t(0600));
    QCOMPARE(store.backendName(), u"file only you can read"_s);
}

void TestSecretStore::file_createdFolder_isOwnerOnly()
{
    FileSecretStore store(filePath());
    QCOMPARE(writeAndWait(store, u"p"_s, SecretKind::Secret, "s"_ba), QString());
    QCOMPARE(modeOf(QFileInfo(filePath()).absolutePath()), mode_t(0700));
}

void TestSecretStore::file_openToOthers_isRefusedNotRead()
{
    FileSecretStore store(filePath());
    QCOMPARE(writeAndWait(store, u"p"_s, SecretKind::Secret, "hunter2"_ba), QString());
    QCOMPARE(::chmod(QFile::encodeName(filePath()).constData(), 0644), 0);
    const SecretRead read = readAndWait(store, u"p"_s, SecretKind::Secret);
    QVERIFY(!read.found);
    QVERIFY(read.value.isEmpty());
    QCOMPARE(read.error, filePath() + u" can be read or written by other users (mode 0644); run: chmod 600 "_s
                             + filePath());
    // Writing does not quietly fix it either.
    QVERIFY(!writeAndWait(store, u"p"_s, SecretKind::Secret, "x"_ba).isEmpty());
    QCOMPARE(modeOf(filePath()), mode_t(0644));
}

void TestSecretStore::file_damaged_saysSoWithoutValues()
{
    FileSecretStore store(filePath());
    QCOMPARE(writeAndWait(store, u"p"_s, SecretKind::Secret, "s"_ba), QString());
    QFile file(filePath());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{\"version\":1,\"secrets\":{\"p/secret\":\"hunter2!!\"}}");
    file.close();
    const SecretRead read = readAndWait(store, u"p"_s, SecretKind::Secret);
    QCOMPARE(read.error, filePath() + u" is damaged (entry p/secret is not base64)"_s);
    QVERIFY(!read.error.contains(u"hunter2"_s));
}

void TestSecretStore::file_survivesANewStoreObject()
{
    {
        FileSecretStore writer(filePath());
        QVERIFY(!writer.exists());
        QCOMPARE(writeAndWait(writer, u"p"_s, SecretKind::WebhookSecret, "kept"_ba), QString());
    }
    FileSecretStore reader(filePath());
    QVERIFY(reader.exists());
    QCOMPARE(readAndWait(reader, u"p"_s, SecretKind::WebhookSecret).value, "kept"_ba);
    const QJsonObject root = QJsonDocument::fromJson(readAll(filePath())).object();
    QCOMPARE(root.value(u"version"_s).toInt(), 1);
    QVERIFY(root.value(u"secrets"_s).toObject().contains(u"p/webhook-secret"_s));
}

void TestSecretStore::file_writeAll_keepsExistingEntries()
{
    FileSecretStore store(filePath());
    QCOMPARE(writeAndWait(store, u"old"_s, SecretKind::Secret, "1"_ba), QString());
    QCOMPARE(store.writeAll({{u"new"_s, SecretKind::Secret, "2"_ba}}), QString());
    QCOMPARE(readAndWait(store, u"old"_s, SecretKind::Secret).value, "1"_ba);
    QCOMPARE(readAndWait(store, u"new"_s, SecretKind::Secret).value, "2"_ba);
    QCOMPARE(modeOf(filePath()), mode_t(0600));
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
