// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// DeferredHistoryStore: the console's history, whose SQLite store comes from the parts
// module on the first read or write. With the linked parts (a real SQLite file) and with a
// module that is not there.
#include "session/deferredhistorystore.h"
#include "session/linkedparts.h"
#include "session/partsmodule.h"

#include <apinator/sqlhistorystore.h>

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Apinator;
using namespace Apinator::Ui;

namespace {

// The linked parts, counting the stores they open.
class CountingParts final : public DeferredParts
{
public:
    std::unique_ptr<SandboxHost> startSandbox(quint16 port, const QList<SandboxApp> &apps, QString *error) override
    {
        return m_linked.startSandbox(port, apps, error);
    }
    std::unique_ptr<HistoryStore> openHistory(QString *error) override
    {
        ++opened;
        return m_linked.openHistory(error);
    }
    std::unique_ptr<KeyringStore> openKeyring(const QString &service, QString *error) override
    {
        return m_linked.openKeyring(service, error);
    }
    QWidget *createMonitorPage(const PageContext &context) override { return m_linked.createMonitorPage(context); }
    QWidget *createWebhooksPage(const PageContext &context) override { return m_linked.createWebhooksPage(context); }

    int opened = 0;

private:
    LinkedParts m_linked;
};

HistoryEntry sent(const QString &event)
{
    HistoryEntry e;
    e.profileId = u"p1"_s;
    e.profileName = u"Local sandbox"_s;
    e.event = event;
    e.channels = {u"chat"_s};
    e.data = R"({"text":"hi"})";
    e.status = 200;
    return e;
}

} // namespace

class TestDeferredHistoryStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.emplace().isValid()); }

    void openOnFirstUse_opensNothingUntilTheFirstWrite()
    {
        CountingParts parts;
        DeferredHistoryStore history(&parts);
        const QString path = m_dir->filePath(u"history.sqlite"_s);
        history.openOnFirstUse(path);
        QCOMPARE(parts.opened, 0);
        QVERIFY(!history.isOpen());
        QCOMPARE(history.path(), path);
        QVERIFY(!QFile::exists(path));

        QSignalSpy added(&history, &HistoryStore::added);
        const qint64 id = history.add(sent(u"first"_s));
        QCOMPARE(parts.opened, 1);
        QVERIFY2(id > 0, qPrintable(history.lastError()));
        QVERIFY(history.isOpen());
        QVERIFY(QFile::exists(path));
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.constFirst().constFirst().toLongLong(), id);
        QCOMPARE(history.count(), 1);
        QCOMPARE(history.entry(id)->event, u"first"_s);
        QCOMPARE(history.rows({}, 0, 10).constFirst().event, u"first"_s);
        QCOMPARE(history.profiles().constFirst().second, u"Local sandbox"_s);
        QVERIFY(history.exportJsonLines({id}).contains("\"event\":\"first\""));

        QSignalSpy removed(&history, &HistoryStore::removed);
        QCOMPARE(history.remove({id}), 1);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(history.count(), 0);
        QCOMPARE(parts.opened, 1);
    }

    // What one store wrote, the next session's reads: the same SQLite file.
    void theFile_isTheSqliteStoresFile()
    {
        const QString path = m_dir->filePath(u"history.sqlite"_s);
        {
            SqlHistoryStore direct;
            QVERIFY(direct.open(path));
            QVERIFY(direct.add(sent(u"before"_s)) > 0);
        }
        CountingParts parts;
        DeferredHistoryStore history(&parts);
        history.openOnFirstUse(path);
        QCOMPARE(history.count(), 1);
        QCOMPARE(history.rows({}, 0, 1).constFirst().event, u"before"_s);
    }

    // A damaged file is moved aside when the store opens, and the window hears it from here.
    void movedAside_reachesTheDeferredStoresListeners()
    {
        const QString path = m_dir->filePath(u"history.sqlite"_s);
        QFile damaged(path);
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write(QByteArray(8192, 'x'));
        damaged.close();
        CountingParts parts;
        DeferredHistoryStore history(&parts);
        history.openOnFirstUse(path);
        QSignalSpy moved(&history, &HistoryStore::movedAside);
        QVERIFY(history.ensureOpen());
        QCOMPARE(moved.size(), 1);
        QVERIFY(!history.movedAsidePath().isEmpty());
        QCOMPARE(moved.constFirst().constFirst().toString(), history.openMessage());
    }

    void withoutTheModule_theHistoryIsOff_andSaysWhy()
    {
        QTemporaryDir empty;
        PartsModule module(empty.path());
        DeferredHistoryStore history(&module);
        history.openOnFirstUse(m_dir->filePath(u"history.sqlite"_s));
        QVERIFY(!history.ensureOpen());
        QCOMPARE(history.add(sent(u"lost"_s)), 0);
        QCOMPARE(history.count(), 0);
        QVERIFY(history.rows({}, 0, 10).isEmpty());
        QVERIFY(!history.entry(1));
        QVERIFY2(history.lastError().startsWith(u"the console's parts module is missing"_s),
                 qPrintable(history.lastError()));
        QVERIFY(!QFile::exists(m_dir->filePath(u"history.sqlite"_s)));
    }

private:
    std::optional<QTemporaryDir> m_dir;
};

QTEST_MAIN(TestDeferredHistoryStore)
#include "tst_deferredhistorystore.moc"
