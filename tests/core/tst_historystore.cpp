// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// HistoryStore on real SQLite files in a temporary folder.
#include "sandboxtesting.h"

#include <apinator/sqlhistorystore.h>
#include <apinator/httpclient.h>
#include <apinator/restclient.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Apinator;

namespace {

// The child process of crashMidWrite: writes rows until it is killed.
constexpr const char *WriterEnv = "APINATOR_HISTORY_WRITER";

HistoryEntry sample(const QString &event, const QStringList &channels, const QByteArray &data, int status = 200,
                    const QString &profileId = u"p1"_s)
{
    HistoryEntry e;
    e.time = QDateTime::fromMSecsSinceEpoch(1700000000123, Qt::UTC);
    e.profileId = profileId;
    e.profileName = u"Profile "_s + profileId;
    e.event = event;
    e.channels = channels;
    e.data = data;
    e.request = "POST http://127.0.0.1/apps/1/events\nX-Realtime-Key: k\n\n{}"_ba;
    e.status = status;
    e.responseBody = status == 200 ? "{}"_ba : R"({"title":"Unauthorized"})"_ba;
    e.elapsedMs = 12;
    if (status != 200)
        e.error = u"signature mismatch"_s;
    return e;
}

QString journalMode(const QString &path)
{
    const QString name = u"probe"_s;
    QString mode;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.open();
        QSqlQuery q(db);
        if (q.exec(u"PRAGMA journal_mode"_s) && q.next())
            mode = q.value(0).toString();
    }
    QSqlDatabase::removeDatabase(name);
    return mode;
}

int writeUntilKilled(const QString &path)
{
    SqlHistoryStore store;
    if (!store.open(path))
        return 3;
    std::puts("ready");
    std::fflush(stdout);
    // Large payloads: each commit spans several pages, so a kill lands mid-write.
    const QByteArray data(64 * 1024, 'x');
    for (int i = 0;; ++i) {
        if (store.add(sample(u"crash-%1"_s.arg(i), {u"chat"_s}, data)) == 0)
            return 4;
    }
}

} // namespace

class TestHistoryStore final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path() const { return m_dir.filePath(u"history.sqlite"_s); }
    void fill(HistoryStore &store)
    {
        QVERIFY(store.add(sample(u"order-created"_s, {u"orders"_s}, R"({"id":1,"note":"50% off"})"_ba)) > 0);
        QVERIFY(store.add(sample(u"chat-message"_s, {u"private-chat"_s, u"presence-room"_s}, R"({"text":"Hello"})"_ba,
                                 401, u"p2"_s)) > 0);
        QVERIFY(store.add(sample(u"ping"_s, {u"health_check"_s}, "plain text, not json"_ba, 500)) > 0);
    }

private Q_SLOTS:
    void init()
    {
        QFile::remove(path());
        QFile::remove(path() + u"-wal"_s);
        QFile::remove(path() + u"-shm"_s);
    }

    void add_thenEntry_roundTripsEveryField()
    {
        SqlHistoryStore store;
        QVERIFY2(store.open(path()), qPrintable(store.lastError()));
        QSignalSpy added(&store, &HistoryStore::added);
        HistoryEntry e = sample(u"my-event"_s, {u"a"_s, u"private-b"_s}, R"({"x":"é"})"_ba, 401);
        e.socketId = u"123.456"_s;
        const qint64 id = store.add(e);
        QVERIFY(id > 0);
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.first().first().toLongLong(), id);
        const auto back = store.entry(id);
        QVERIFY(back);
        QCOMPARE(back->id, id);
        QCOMPARE(back->time, e.time);
        QCOMPARE(back->profileId, e.profileId);
        QCOMPARE(back->profileName, e.profileName);
        QCOMPARE(back->event, e.event);
        QCOMPARE(back->channels, e.channels);
        QCOMPARE(back->socketId, e.socketId);
        QCOMPARE(back->data, e.data);
        QCOMPARE(back->request, e.request);
        QCOMPARE(back->status, 401);
        QCOMPARE(back->responseBody, e.responseBody);
        QCOMPARE(back->elapsedMs, 12);
        QCOMPARE(back->error, e.error);
        QVERIFY(!store.entry(id + 1));
    }

    void open_newFile_usesWalMode()
    {
        SqlHistoryStore store;
        QVERIFY(store.open(path()));
        QVERIFY2(store.add(sample(u"e"_s, {u"c"_s}, "d"_ba)) > 0, qPrintable(store.lastError()));
        QVERIFY(QFile::exists(path() + u"-wal"_s));
        QCOMPARE(journalMode(path()), u"wal"_s);
        QVERIFY(store.openMessage().isEmpty());
    }

    void reopen_keepsRows()
    {
        {
            SqlHistoryStore store;
            QVERIFY(store.open(path()));
            fill(store);
        }
        SqlHistoryStore again;
        QVERIFY(again.open(path()));
        QCOMPARE(again.count(), 3);
        QVERIFY(again.openMessage().isEmpty());
    }

    void open_sharedFile_keepsTheOtherStoresTable()
    {
        // The webhook captures live in the same file, on their own connection.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other"_s);
            db.setDatabaseName(path());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE TABLE captures (id INTEGER PRIMARY KEY, body TEXT)"_s));
            QVERIFY(q.exec(u"INSERT INTO captures (body) VALUES ('kept')"_s));
            SqlHistoryStore store;
            QVERIFY(store.open(path()));
            fill(store);
            QVERIFY(q.exec(u"INSERT INTO captures (body) VALUES ('also kept')"_s));
            QVERIFY(q.exec(u"SELECT count(*) FROM captures"_s) && q.next());
            QCOMPARE(q.value(0).toInt(), 2);
            QCOMPARE(store.count(), 3);
        }
        QSqlDatabase::removeDatabase(u"other"_s);
    }

    void open_unreadableFile_movesItAsideAndStartsEmpty_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addRow("text file") << "this is not a database\n"_ba.repeated(200);
        QTest::addRow("damaged header") << QByteArray("SQLite format 3\0", 16) + QByteArray(4080, '\xff');
        QTest::addRow("random bytes") << QByteArray(8192, '\x5a');
    }
    void open_unreadableFile_movesItAsideAndStartsEmpty()
    {
        QFETCH(QByteArray, contents);
        QFile file(path());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(contents);
        file.close();

        SqlHistoryStore store;
        QVERIFY2(store.open(path()), qPrintable(store.lastError()));
        const QString aside = store.movedAsidePath();
        QVERIFY(aside.startsWith(path() + u".corrupt-"_s));
        QFile moved(aside);
        QVERIFY(moved.open(QIODevice::ReadOnly));
        QCOMPARE(moved.readAll(), contents); // kept byte for byte, not lost
        QVERIFY(store.openMessage().contains(aside));
        QVERIFY(store.openMessage().contains(u"moved aside"_s));
        QCOMPARE(store.count(), 0);
        QVERIFY(store.add(sample(u"e"_s, {u"c"_s}, "d"_ba)) > 0);
        QVERIFY(QFile::remove(aside));
    }

    void open_emptyFile_isAFreshDatabaseNotMovedAside()
    {
        QFile file(path());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        SqlHistoryStore store;
        QVERIFY(store.open(path()));
        QVERIFY(store.movedAsidePath().isEmpty());
        QVERIFY(store.add(sample(u"e"_s, {u"c"_s}, "d"_ba)) > 0);
    }

    void openOnFirstUse_touchesNothingUntilTheFirstReadThenOpens()
    {
        SqlHistoryStore store;
        store.openOnFirstUse(path());
        QVERIFY(!store.isOpen());
        QVERIFY(!QFileInfo::exists(path())); // nothing made or mapped before it is needed
        QCOMPARE(store.count(), 0);
        QVERIFY(store.isOpen());
        QVERIFY(QFileInfo::exists(path()));
        QVERIFY(store.add(sample(u"e"_s, {u"c"_s}, "d"_ba)) > 0);
    }

    void openOnFirstUse_firstWriteOpens()
    {
        SqlHistoryStore store;
        store.openOnFirstUse(path());
        QVERIFY(store.add(sample(u"e"_s, {u"c"_s}, "d"_ba)) > 0);
        QCOMPARE(store.count(), 1);
    }

    void openOnFirstUse_damagedFile_movedAsideAndSignalledOnFirstUse()
    {
        QFile file(path());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not a database\n"_ba.repeated(200));
        file.close();
        SqlHistoryStore store;
        QSignalSpy moved(&store, &HistoryStore::movedAside);
        store.openOnFirstUse(path());
        QCOMPARE(moved.count(), 0);
        QVERIFY(store.ensureOpen());
        QCOMPARE(moved.count(), 1);
        QCOMPARE(moved.at(0).at(0).toString(), store.openMessage());
        QVERIFY(store.openMessage().contains(store.movedAsidePath()));
        QVERIFY(QFile::remove(store.movedAsidePath()));
    }

    void open_inMissingFolder_failsWithMessage()
    {
        SqlHistoryStore store;
        QVERIFY(!store.open(m_dir.filePath(u"no/such/folder/history.sqlite"_s)));
        QVERIFY(!store.lastError().isEmpty());
        QCOMPARE(store.add(sample(u"e"_s, {u"c"_s}, "d"_ba)), 0);
    }

    void crashMidWrite_keepsCommittedRowsAndAReadableFile()
    {
        QProcess writer;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(WriterEnv), path());
        writer.setProcessEnvironment(env);
        writer.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(writer.waitForStarted());
        QVERIFY(writer.waitForReadyRead(10000));
        // Let it commit for a while, then kill it without warning (SIGKILL).
        QTest::qWait(400);
        writer.kill();
        QVERIFY(writer.waitForFinished(5000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

        SqlHistoryStore store;
        QVERIFY2(store.open(path()), qPrintable(store.lastError()));
        QVERIFY2(store.movedAsidePath().isEmpty(), qPrintable(store.openMessage()));
        const int rows = store.count();
        QVERIFY2(rows > 5, qPrintable(QString::number(rows)));
        // Every row that is there is whole: its payload came in the same transaction.
        const auto newest = store.rows({}, 0, 1);
        QCOMPARE(newest.size(), 1);
        const auto newestEntry = store.entry(newest.first().id);
        QVERIFY(newestEntry);
        QCOMPARE(newestEntry->data.size(), 64 * 1024);
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
        {
            db.setDatabaseName(path());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"PRAGMA integrity_check"_s) && q.next());
            QCOMPARE(q.value(0).toString(), u"ok"_s);
            QVERIFY(q.exec(u"SELECT count(*) FROM sends s LEFT JOIN send_payloads p ON p.id = s.id "
                            "WHERE p.id IS NULL"_s) && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
        }
        db = {};
        QSqlDatabase::removeDatabase(u"check"_s);
    }

    void search_matchesEventChannelAndData_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QStringList>("events");
        QTest::addRow("event") << u"order"_s << QStringList{u"order-created"_s};
        QTest::addRow("event, other case") << u"CHAT-MESS"_s << QStringList{u"chat-message"_s};
        QTest::addRow("second channel") << u"presence-room"_s << QStringList{u"chat-message"_s};
        QTest::addRow("data") << u"hello"_s << QStringList{u"chat-message"_s};
        QTest::addRow("data, not json") << u"not json"_s << QStringList{u"ping"_s};
        QTest::addRow("percent is literal") << u"50%"_s << QStringList{u"order-created"_s};
        QTest::addRow("underscore is literal") << u"h_c"_s << QStringList{u"ping"_s};
        QTest::addRow("underscore is no wildcard") << u"t_m"_s << QStringList{};
        QTest::addRow("percent is no wildcard") << u"1%50"_s << QStringList{};
        QTest::addRow("in two") << u"e"_s << QStringList{u"ping"_s, u"chat-message"_s, u"order-created"_s};
        QTest::addRow("nothing") << u"zzz"_s << QStringList{};
        QTest::addRow("blank is no filter") << u"  "_s << QStringList{u"ping"_s, u"chat-message"_s, u"order-created"_s};
    }
    void search_matchesEventChannelAndData()
    {
        QFETCH(QString, search);
        QFETCH(QStringList, events);
        SqlHistoryStore store;
        QVERIFY(store.open(path()));
        fill(store);
        HistoryFilter filter;
        filter.search = search;
        QStringList found;
        for (const HistorySummary &s : store.rows(filter, 0, 100))
            found << s.event;
        QCOMPARE(found, events);
        QCOMPARE(store.count(filter), events.size());
    }

    void filter_byProfileAndOutcome_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QStringList>("events");
        QTest::addRow("profile p1") << u"p1"_s << int(HistoryOutcome::Any) << QStringList{u"ping"_s, u"order-created"_s};
        QTest::addRow("profile p2") << u"p2"_s << int(HistoryOutcome::Any) << QStringList{u"chat-message"_s};
        QTest::addRow("success") << QString() << int(HistoryOutcome::Success) << QStringList{u"order-created"_s};
        QTest::addRow("error") << QString() << int(HistoryOutcome::Error)
                               << QStringList{u"ping"_s, u"chat-message"_s};
        QTest::addRow("p1 and error") << u"p1"_s << int(HistoryOutcome::Error) << QStringList{u"ping"_s};
        QTest::addRow("unknown profile") << u"p9"_s << int(HistoryOutcome::Any) << QStringList{};
    }
    void filter_byProfileAndOutcome()
    {
        QFETCH(QString, profile);
        QFETCH(int, outcome);
        QFETCH(QStringList, events);
        SqlHistoryStore store;
        QVERIFY(store.open(path()));
        fill(store);
        HistoryFilter filter;
        filter.profileId = profile;
        filter.outcome = HistoryOutcome(outcome);
        QStringList found;
        for (const HistorySummary &s : store.rows(filter, 0, 100))
            found << s.event;
        QCOMPARE(found, events);
        QCOMPARE(store.count(filter), events.size());
    }

    void windows_newestFirstOldestFirstAndKeyset()
    {
        SqlHistoryStore store;
        QVERIFY(store.open(path()));
        QList<qint64> ids;
        for (int i = 0; i < 50; ++i)
            ids << store.add(sample(u"e%1"_s.arg(i), {u"c"_s}, "d"_ba, i % 5 ? 200 : 500));
        const auto page = store.rows({}, 10, 5);
        QCOMPARE(page.size(), 5);
        QCOMPARE(page.first().id, ids[39]);
        QCOMPARE(page.last().id, ids[35]);
        const auto tail = store.rows({}, 0, 3, HistoryStore::Order::OldestFirst);
        QCOMPARE(tail.first().id, ids[0]);
        QCOMPARE(tail.last().id, ids[2]);
        const auto before = store.rowsBefore({}, ids[35], 4);
        QCOMPARE(before.size(), 4);
        QCOMPARE(before.first().id, ids[34]);
        const auto after = store.rowsAfter({}, ids[47], 10);
        QCOMPARE(after.size(), 2);
        QCOMPARE(after.last().id, ids[49]);
        HistoryFilter errors;
        errors.outcome = HistoryOutcome::Error;
        const auto errorPage = store.rowsBefore(errors, ids[49], 100);
        QCOMPARE(errorPage.size(), 10);
        QCOMPARE(errorPage.first().id, ids[45]);
        QVERIFY(!errorPage.first().succeeded());
        QCOMPARE(errorPage.first().dataPreview, u"d"_s);
    }

    void remove_deletesRowsAndPayloads()
    {
        SqlHistoryStore store;
        QVERIFY(store.open(path()));
        fill(store);
        const auto all = store.rows({}, 0, 10);
        QSignalSpy removed(&store, &HistoryStore::removed);
        QCOMPARE(store.remove({all[0].id, all[2].id, 9999}), 2);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(store.count(), 1);
        QVERIFY(!store.entry(all[0].id));
        QCOMPARE(store.rows({}, 0, 10).first().event, u"chat-message"_s);
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"payloads"_s);
        {
            db.setDatabaseName(path());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"SELECT count(*) FROM send_payloads"_s) && q.next());
            QCOMPARE(q.value(0).toInt(), 1);
        }
        db = {};
        QSqlDatabase::removeDatabase(u"payloads"_s);
    }

    void profiles_listsEachOnceWithItsNewestName()
    {
        SqlHistoryStore store;
        QVERIFY(store.open(path()));
        fill(store);
        HistoryEntry renamed = sample(u"e"_s, {u"c"_s}, "d"_ba, 200, u"p1"_s);
        renamed.profileName = u"A renamed"_s;
        store.add(renamed);
        const auto profiles = store.profiles();
        QCOMPARE(profiles.size(), 2);
        QCOMPARE(profiles[0], qMakePair(u"p1"_s, u"A renamed"_s));
        QCOMPARE(profiles[1], qMakePair(u"p2"_s, u"Profile p2"_s));
    }

    void exportJsonLines_oneObjectPerSelectedRow()
    {
        SqlHistoryStore store;
        QVERIFY(store.open(path()));
        fill(store);
        const auto all = store.rows({}, 0, 10);
        const QByteArray out = store.exportJsonLines({all[2].id, all[0].id});
        const QList<QByteArray> lines = out.split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[2].isEmpty());
        QJsonParseError error;
        const QJsonObject first = QJsonDocument::fromJson(lines[0], &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(first[u"event"_s].toString(), u"order-created"_s);
        QCOMPARE(first[u"channels"_s].toArray().first().toString(), u"orders"_s);
        QCOMPARE(first[u"data"_s].toString(), uR"({"id":1,"note":"50% off"})"_s);
        QCOMPARE(first[u"status"_s].toInt(), 200);
        QCOMPARE(first[u"ok"_s].toBool(), true);
        QCOMPARE(first[u"time"_s].toString(), u"2023-11-14T22:13:20.123Z"_s);
        QVERIFY(first.contains(u"request"_s));
        const QJsonObject second = QJsonDocument::fromJson(lines[1], &error).object();
        QCOMPARE(second[u"event"_s].toString(), u"ping"_s);
        QCOMPARE(second[u"error"_s].toString(), u"signature mismatch"_s);
        QCOMPARE(second[u"ok"_s].toBool(), false);
    }

    void realSend_recordsRequestWithHeadersButNeverTheSecret()
    {
        auto sandbox = SandboxTesting::startSandbox();
        QVERIFY(sandbox);
        HttpClient http;
        Credentials credentials;
        credentials.appId = u"local"_s;
        credentials.key = u"local-key"_s;
        credentials.secret = "local-secret"_ba;
        credentials.baseUrl = sandbox->baseUrl();
        RestClient rest(&http, credentials);
        TriggerRequest request;
        request.event = u"greet"_s;
        request.channels = {u"chat"_s};
        request.data = R"({"text":"hi"})"_ba;
        std::unique_ptr<RestReply> reply(rest.trigger(request));
        QVERIFY(reply);
        QSignalSpy finished(reply.get(), &RestReply::finished);
        QVERIFY(reply->isFinished() || finished.wait(5000));

        SqlHistoryStore store;
        QVERIFY(store.open(path()));
        const qint64 id = store.add(historyEntryFor(request, reply->result()));
        const std::optional<HistoryEntry> found = store.entry(id);
        QVERIFY(found);
        const HistoryEntry &e = *found;
        QCOMPARE(e.status, 200);
        QVERIFY(e.succeeded());
        QVERIFY(e.request.startsWith(QByteArray("POST " + sandbox->baseUrl().toUtf8() + "/apps/local/events\n")));
        QVERIFY(e.request.contains("X-Realtime-Key: local-key\n"));
        QVERIFY(e.request.contains("X-Realtime-Signature: "));
        QVERIFY(e.request.endsWith(request.body()));
        const QByteArray exported = store.exportJsonLines({id});
        QVERIFY(!exported.contains("local-secret"));
        QFile raw(path());
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QVERIFY(!raw.readAll().contains("local-secret"));
        QFile wal(path() + u"-wal"_s);
        QVERIFY(wal.open(QIODevice::ReadOnly));
        QVERIFY(!wal.readAll().contains("local-secret"));
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // Run as the writer child of crashMidWrite_keepsCommittedRowsAndAReadableFile.
    if (qEnvironmentVariableIsSet(WriterEnv))
        return writeUntilKilled(qEnvironmentVariable(WriterEnv));
    TestHistoryStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_historystore.moc"
