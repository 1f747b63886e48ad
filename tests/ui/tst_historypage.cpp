// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The History page on a real SQLite file: live updates, search and filters, the detail pane,
// resend to the real embedded sandbox (seen by a real subscriber), delete, export, open in
// composer, a damaged database moved aside, and a large history read lazily.
#include "pagetesting.h"
#include "sandboxtesting.h"

#include "history/historymodel.h"
#include "history/historypage.h"
#include "session/activeprofile.h"
#include "trigger/triggerpage.h"

#include <QFileDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>

using namespace UiTest;
using SandboxTesting::WsTestClient;

class TestHistoryPage final : public PageTest
{
    Q_OBJECT

private:
    HistoryPage *openPage()
    {
        if (!m_console)
            m_console = std::make_unique<Console>(m_dir->path());
        if (!openWithSandbox(*m_console))
            return nullptr;
        m_console->window->navigation()->showPage(u"history"_s);
        return qobject_cast<HistoryPage *>(m_console->window->navigation()->page(u"history"_s));
    }
    qint64 add(const QString &event, const QString &channel, const QByteArray &data, int status = 200,
               const QString &profile = u"p1"_s)
    {
        HistoryEntry e;
        e.profileId = profile;
        e.profileName = u"Profile "_s + profile;
        e.event = event;
        e.channels = {channel};
        e.data = data;
        e.request = "POST http://127.0.0.1/apps/local/events\nX-Realtime-Key: local-key\n\n{}"_ba;
        e.status = status;
        e.responseBody = status == 200 ? "{}"_ba : R"({"title":"Unauthorized","detail":"signature mismatch"})"_ba;
        e.elapsedMs = 3;
        if (status != 200)
            e.error = u"signature mismatch"_s;
        return history().add(e);
    }
    HistoryStore &history() { return m_console->history; }
    QStringList events(HistoryPage *page) const
    {
        QStringList out;
        for (int r = 0; r < page->model()->rowCount(); ++r)
            out << page->model()->index(r, HistoryModel::Event).data().toString();
        return out;
    }
    void prepare() { m_console = std::make_unique<Console>(m_dir->path()); }
    void fill()
    {
        QDir().mkpath(m_console->dataDir);
        QVERIFY(history().open(QDir(m_console->dataDir).filePath(u"history.sqlite"_s)));
        QVERIFY(add(u"order-created"_s, u"orders"_s, R"({"id":7})"_ba) > 0);
        QVERIFY(add(u"chat-message"_s, u"private-chat"_s, R"({"text":"needle"})"_ba, 401, u"p2"_s) > 0);
        QVERIFY(add(u"greet"_s, u"chat"_s, R"({"text":"hi"})"_ba) > 0);
    }
    QString label(const QString &name) const { return m_console->find<QLabel>(name)->text(); }

private Q_SLOTS:

    void newSend_appearsAtTheTopLive()
    {
        prepare();
        fill();
        HistoryPage *page = openPage();
        QVERIFY(page);
        QCOMPARE(events(page), (QStringList{u"greet"_s, u"chat-message"_s, u"order-created"_s}));
        QCOMPARE(label(u"historyCountLabel"_s), u"3 sends"_s);
        page->view()->selectRow(1);
        add(u"late"_s, u"chat"_s, "1"_ba);
        QCOMPARE(events(page).first(), u"late"_s);
        QCOMPARE(label(u"historyCountLabel"_s), u"4 sends"_s);
        // The selected row moved down with its entry.
        QCOMPARE(page->model()->idAt(page->view()->currentIndex().row()), page->currentId());
        QCOMPARE(page->view()->currentIndex().row(), 2);
    }

    void search_filtersOnEventChannelAndData()
    {
        prepare();
        fill();
        HistoryPage *page = openPage();
        QVERIFY(page);
        QLineEdit *search = m_console->edit(u"historySearchEdit"_s);
        Console::type(search, u"needle"_s);
        QTRY_COMPARE(events(page), QStringList{u"chat-message"_s});
        QCOMPARE(label(u"historyCountLabel"_s), u"1 of 3 sends"_s);
        Console::type(search, u"orders"_s);
        QTRY_COMPARE(events(page), QStringList{u"order-created"_s});
        Console::type(search, u"GREET"_s);
        QTRY_COMPARE(events(page), QStringList{u"greet"_s});
        Console::type(search, {});
        QTRY_COMPARE(page->model()->rowCount(), 3);
        m_console->window->resize(1100, 720);
        screenshot(m_console->window.get(), u"history"_s);
    }

    void profileAndOutcomeFilters_narrowTheList()
    {
        prepare();
        fill();
        HistoryPage *page = openPage();
        QVERIFY(page);
        auto *profile = m_console->find<QComboBox>(u"historyProfileCombo"_s);
        QCOMPARE(profile->count(), 3); // all, p1, p2
        profile->setCurrentIndex(profile->findData(u"p2"_s));
        QCOMPARE(events(page), QStringList{u"chat-message"_s});
        profile->setCurrentIndex(0);
        auto *outcome = m_console->find<QComboBox>(u"historyOutcomeCombo"_s);
        outcome->setCurrentIndex(outcome->findData(int(HistoryOutcome::Error)));
        QCOMPARE(events(page), QStringList{u"chat-message"_s});
        outcome->setCurrentIndex(outcome->findData(int(HistoryOutcome::Success)));
        QCOMPARE(events(page), (QStringList{u"greet"_s, u"order-created"_s}));
    }

    void selectRow_showsRequestAndResponse()
    {
        prepare();
        fill();
        HistoryPage *page = openPage();
        QVERIFY(page);
        page->view()->selectRow(1);
        const QString request = m_console->find<QPlainTextEdit>(u"historyRequestView"_s)->toPlainText();
        QVERIFY(request.startsWith(u"POST http://127.0.0.1/apps/local/events"_s));
        const QString response = m_console->find<QPlainTextEdit>(u"historyResponseView"_s)->toPlainText();
        QVERIFY2(response.startsWith(u"HTTP 401 Unauthorized"_s), qPrintable(response));
        QVERIFY(response.contains(u"\"detail\": \"signature mismatch\""_s));
        QVERIFY(label(u"historySummary"_s).contains(u"chat-message"_s));
    }

    void resend_reachesASubscriberAndIsRecordedAsANewRow()
    {
        prepare();
        fill();
        HistoryPage *page = openPage();
        QVERIFY(page);
        Credentials c;
        c.key = m_console->sandbox.app().key;
        c.baseUrl = m_console->sandbox.baseUrl();
        WsTestClient subscriber;
        QVERIFY(subscriber.open(c.websocketUrl()));
        QVERIFY(subscriber.subscribe(u"chat"_s));
        page->view()->selectRow(0); // greet to chat
        QSignalSpy finished(page, &HistoryPage::resendFinished);
        m_console->click(u"historyResendButton"_s);
        QVERIFY(finished.wait(5000));
        QVERIFY(finished.first().at(1).toBool());
        const auto frame = subscriber.waitFor(u"greet"_s, u"chat"_s);
        QVERIFY(frame);
        QCOMPARE(frame->value(u"data"_s).toString(), uR"({"text":"hi"})"_s);
        QCOMPARE(history().count(), 4);
        const qint64 id = finished.first().at(0).toLongLong();
        const auto entry = history().entry(id);
        QVERIFY(entry);
        QCOMPARE(entry->status, 200);
        QCOMPARE(entry->profileId, m_console->window->activeProfile()->id());
        QVERIFY(entry->request.contains("X-Realtime-Signature: "));
        QVERIFY(!entry->request.contains(m_console->sandbox.app().secret));
        QCOMPARE(events(page).first(), u"greet"_s);
        QCOMPARE(page->model()->rowCount(), 4);
    }

    void delete_asksThenRemovesTheSelectedRows()
    {
        prepare();
        fill();
        HistoryPage *page = openPage();
        QVERIFY(page);
        page->view()->selectRow(0);
        page->view()->selectionModel()->select(page->model()->index(2, 0),
                                               QItemSelectionModel::Select | QItemSelectionModel::Rows);
        m_console->click(u"historyDeleteButton"_s);
        QMessageBox *box = waitForMessageBox(u"historyDeleteConfirm"_s);
        QVERIFY(box);
        QVERIFY(box->text().contains(u"2 sends"_s));
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
        QTRY_COMPARE(history().count(), 1);
        QCOMPARE(events(page), QStringList{u"chat-message"_s});
    }

    void delete_cancelled_keepsEverything()
    {
        prepare();
        fill();
        HistoryPage *page = openPage();
        QVERIFY(page);
        page->view()->selectRow(0);
        m_console->click(u"historyDeleteButton"_s);
        QMessageBox *box = waitForMessageBox(u"historyDeleteConfirm"_s);
        QVERIFY(box);
        QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
        QTest::qWait(50);
        QCOMPARE(history().count(), 3);
    }

    void export_writesTheSelectionAsJsonLines()
    {
        prepare();
        fill();
        HistoryPage *page = openPage();
        QVERIFY(page);
        page->view()->selectRow(0);
        page->view()->selectionModel()->select(page->model()->index(1, 0),
                                               QItemSelectionModel::Select | QItemSelectionModel::Rows);
        m_console->click(u"historyExportButton"_s);
        QFileDialog *dialog = nullptr;
        QVERIFY(QTest::qWaitFor([&] { return (dialog = page->findChild<QFileDialog *>(u"historyExportDialog"_s)); }));
        const QString path = m_dir->filePath(u"out.jsonl"_s);
        dialog->selectFile(path);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept() is protected
        QTRY_VERIFY(QFile::exists(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(QJsonDocument::fromJson(lines[0]).object().value(u"event"_s).toString(), u"greet"_s);
        QCOMPARE(QJsonDocument::fromJson(lines[1]).object().value(u"event"_s).toString(), u"chat-message"_s);
        QCOMPARE(QJsonDocument::fromJson(lines[1]).object().value(u"status"_s).toInt(), 401);
        QVERIFY(page->messageBar()->text().contains(u"Exported 2 sends"_s));
    }

    void openInComposer_fillsTheTriggerPage()
    {
        prepare();
        fill();
        HistoryPage *page = openPage();
        QVERIFY(page);
        page->view()->selectRow(2); // order-created
        m_console->click(u"historyOpenButton"_s);
        QCOMPARE(m_console->window->navigation()->currentId(), u"trigger"_s);
        auto *trigger = qobject_cast<TriggerPage *>(m_console->window->navigation()->page(u"trigger"_s));
        QVERIFY(trigger);
        const TriggerDraft draft = trigger->draft();
        QCOMPARE(draft.event, u"order-created"_s);
        QCOMPARE(draft.channels, QStringList{u"orders"_s});
        QCOMPARE(draft.data, R"({"id":7})"_ba);
    }

    void damagedDatabase_isMovedAsideAndTheWindowSaysSo()
    {
        prepare();
        QDir().mkpath(m_console->dataDir);
        const QString path = QDir(m_console->dataDir).filePath(u"history.sqlite"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'z'));
        file.close();
        HistoryPage *page = openPage();
        QVERIFY(page);
        QVERIFY(history().isOpen());
        QVERIFY(QFile::exists(history().movedAsidePath()));
        QVERIFY(m_console->window->messages()->isVisible());
        QVERIFY(m_console->window->messages()->text().contains(u"moved aside"_s));
        QVERIFY(page->messageBar()->text().contains(history().movedAsidePath()));
        QVERIFY(add(u"after"_s, u"c"_s, "1"_ba) > 0);
        QCOMPARE(events(page), QStringList{u"after"_s});
    }

    void largeHistory_opensWithOneBlockAndScrollsToTheEnd()
    {
        prepare();
        QDir().mkpath(m_console->dataDir);
        QVERIFY(history().open(QDir(m_console->dataDir).filePath(u"history.sqlite"_s)));
        constexpr int Rows = 3000;
        for (int i = 0; i < Rows; ++i)
            QVERIFY(add(u"e%1"_s.arg(i), u"chat"_s, "{}"_ba) > 0);
        HistoryPage *page = openPage();
        QVERIFY(page);
        QCOMPARE(page->model()->rowCount(), Rows);
        QCoreApplication::processEvents();
        QVERIFY2(page->model()->blockReads() <= 2, qPrintable(QString::number(page->model()->blockReads())));
        page->view()->scrollToBottom();
        QCoreApplication::processEvents();
        QCOMPARE(page->model()->index(Rows - 1, HistoryModel::Event).data().toString(), u"e0"_s);
        QCOMPARE(page->model()->index(Rows / 2, HistoryModel::Event).data().toString(),
                 u"e%1"_s.arg(Rows - 1 - Rows / 2));
        QVERIFY(page->model()->blockReads() <= 6);
    }

    void lazyModel_smallCache_everyRowIsRightInAnyOrder()
    {
        // Two blocks in memory: reading top to bottom, bottom to top and jumping evicts all
        // the time, and each row must still be the right one.
        prepare();
        QDir().mkpath(m_console->dataDir);
        QVERIFY(history().open(QDir(m_console->dataDir).filePath(u"history.sqlite"_s)));
        constexpr int Rows = 1234;
        for (int i = 0; i < Rows; ++i)
            QVERIFY(add(u"e%1"_s.arg(i), u"chat"_s, "{}"_ba, i % 7 ? 200 : 500) > 0);
        HistoryModel model(&history());
        model.setMaxCachedBlocks(2);
        const auto expect = [&](int row) { return u"e%1"_s.arg(Rows - 1 - row); };
        for (int row = 0; row < Rows; ++row)
            QCOMPARE(model.index(row, HistoryModel::Event).data().toString(), expect(row));
        for (int row = Rows - 1; row >= 0; --row)
            QCOMPARE(model.index(row, HistoryModel::Event).data().toString(), expect(row));
        for (int k = 0; k < 200; ++k) {
            const int row = (k * 617) % Rows;
            QCOMPARE(model.index(row, HistoryModel::Event).data().toString(), expect(row));
        }
        // Filtered: only the failed ones (every 7th), newest first.
        HistoryFilter failed;
        failed.outcome = HistoryOutcome::Error;
        model.setFilter(failed);
        QCOMPARE(model.rowCount(), (Rows + 6) / 7);
        for (int row = model.rowCount() - 1; row >= 0; --row) {
            const int i = ((Rows - 1) / 7 - row) * 7;
            QCOMPARE(model.index(row, HistoryModel::Event).data().toString(), u"e%1"_s.arg(i));
        }
    }
};

QTEST_MAIN(TestHistoryPage)
#include "tst_historypage.moc"
#include "moc_pagetesting.cpp"
