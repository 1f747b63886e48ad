// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The Monitor page against the real embedded sandbox: the page's own RealtimeClient, events
// triggered over REST (and from the real Trigger page), a second real client for presence
// and client events.
#include "authendpointserver.h"
#include "pagetesting.h"

#include "monitor/clienteventpane.h"
#include "monitor/eventmodel.h"
#include "monitor/monitorpage.h"
#include "monitor/streamview.h"
#include "monitor/subscriptionspane.h"
#include "trigger/triggerpage.h"
#include "widgets/codeedit.h"
#include "widgets/jsoneditor.h"
#include "widgets/messagebar.h"

#include <apinator/realtimeclient.h>
#include <apinator/restclient.h>

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>

using namespace UiTest;

class TestMonitorPage final : public PageTest
{
    Q_OBJECT

private:
    MonitorPage *m_page = nullptr;
    std::unique_ptr<RestClient> m_rest;

    template<typename T = QWidget>
    T *find(const QString &name) const
    {
        T *w = m_console->window->findChild<T *>(name);
        if (!w)
            qWarning("no widget %s", qPrintable(name));
        return w;
    }
    Credentials sandboxCredentials() const { return UiTest::sandboxCredentials(*m_console); }
    // The console with the sandbox, the Monitor on screen.
    bool openPage()
    {
        m_console = std::make_unique<Console>(m_dir->path());
        if (!openWithSandbox(*m_console))
            return false;
        m_console->window->resize(1280, 800);
        if (!m_console->window->navigation()->showPage(u"monitor"_s))
            return false;
        m_page = qobject_cast<MonitorPage *>(m_console->window->navigation()->page(u"monitor"_s));
        return m_page && QTest::qWaitFor([&] { return m_page->client() != nullptr; }, 5000);
    }
    bool connectPage()
    {
        m_console->click(u"monitorConnectButton"_s);
        return QTest::qWaitFor([&] { return find<QLabel>(u"monitorState"_s)->text() == u"connected"_s; }, 5000);
    }
    bool openAndConnect() { return openPage() && connectPage(); }
    // Types the name and clicks Subscribe, as a user does; waits for the server's answer.
    RealtimeSubscription::State subscribe(const QString &channel)
    {
        Console::type(find<QLineEdit>(u"monitorChannelEdit"_s), channel);
        m_console->click(u"monitorSubscribeButton"_s);
        (void)QTest::qWaitFor(
            [&] {
                const auto sub = m_page->client()->subscription(channel);
                return sub && sub->state != RealtimeSubscription::State::Pending;
            },
            5000);
        const auto sub = m_page->client()->subscription(channel);
        return sub ? sub->state : RealtimeSubscription::State::Pending;
    }
    bool trigger(const QString &channel, const QString &event, const QByteArray &data)
    {
        if (!m_rest)
            m_rest = std::make_unique<RestClient>(&m_console->http, sandboxCredentials());
        RestReply *reply = m_rest->trigger({event, {channel}, data, {}});
        if (!reply)
            return false;
        QSignalSpy done(reply, &RestReply::finished);
        const bool ok = reply->isFinished() || done.wait(5000);
        const bool accepted = ok && reply->result().ok();
        reply->deleteLater();
        return accepted;
    }
    EventModel *model() const { return m_page->model(); }
    QString cell(int row, int column) const { return model()->index(row, column).data().toString(); }
    QString label(const QString &name) const { return find<QLabel>(name)->text(); }
    QString subscriptionState(const QString &channel) const
    {
        const auto items = find<QTreeWidget>(u"monitorSubscriptions"_s)->findItems(channel, Qt::MatchExactly, 0);
        return items.isEmpty() ? QString() : items.first()->text(2);
    }

    // Composes and sends on the real Trigger page, as a user does; back to the Monitor after.
    bool sendFromTriggerPage(const QString &channel, const QString &event, const QString &data,
                             const QString &excludeSocketId = {})
    {
        auto *trigger = qobject_cast<TriggerPage *>(m_console->window->navigation()->page(u"trigger"_s));
        if (!trigger || !m_console->window->navigation()->showPage(u"trigger"_s))
            return false;
        Console::type(find<QLineEdit>(u"eventNameEdit"_s), event);
        auto *input = find<QLineEdit>(u"channelInput"_s);
        input->setFocus();
        QTest::keyClicks(input, channel);
        QTest::keyClick(input, Qt::Key_Return);
        CodeEdit *edit = find<JsonEditor>(u"dataEditor"_s)->editor();
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, data);
        Console::type(find<QLineEdit>(u"socketId"_s), excludeSocketId);
        if (!QTest::qWaitFor([&] { return trigger->blockingReason().isEmpty(); }, 5000)) {
            qWarning("the Trigger page would not send: %s", qPrintable(trigger->blockingReason()));
            return false;
        }
        QSignalSpy finished(trigger, &TriggerPage::sendFinished);
        m_console->click(u"sendButton"_s);
        const bool sent = finished.wait(10000);
        m_console->window->navigation()->showPage(u"monitor"_s);
        return sent;
    }

private Q_SLOTS:
    void cleanup()
    {
        m_rest.reset();
        m_page = nullptr;
        m_console.reset();
        m_dir.reset();
    }

    void connect_showsStateAndSocketIdAndCopiesIt()
    {
        QVERIFY(openPage());
        QCOMPARE(label(u"monitorState"_s), u"initialized"_s);
        QCOMPARE(label(u"monitorSocketId"_s), u"no socket id"_s);
        QVERIFY(!find(u"monitorCopySocketId"_s)->isEnabled());
        QVERIFY(connectPage());
        const QString id = label(u"monitorSocketId"_s);
        QVERIFY2(Names::isValidSocketId(id), qPrintable(id));
        m_console->click(u"monitorCopySocketId"_s);
        QCOMPARE(QGuiApplication::clipboard()->text(), id);
        m_console->click(u"monitorConnectButton"_s); // now Disconnect
        QTRY_COMPARE(label(u"monitorState"_s), u"disconnected"_s);
        QCOMPARE(label(u"monitorSocketId"_s), u"no socket id"_s);
    }

    void subscribe_badName_saysWhyNextToTheField()
    {
        QVERIFY(openPage());
        Console::type(find<QLineEdit>(u"monitorChannelEdit"_s), u"bad name"_s);
        auto *error = find<QLabel>(u"monitorChannelError"_s);
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), Names::channelNameError(u"bad name"_s));
        QVERIFY(!find(u"monitorSubscribeButton"_s)->isEnabled());
        Console::type(find<QLineEdit>(u"monitorChannelEdit"_s), u"good-name"_s);
        QVERIFY(!error->isVisible());
        QVERIFY(find(u"monitorSubscribeButton"_s)->isEnabled());
    }

    void subscribeAndReceive_showsTheEventAndItsPrettyData()
    {
        QVERIFY(openAndConnect());
        QCOMPARE(subscribe(u"chat"_s), RealtimeSubscription::State::Subscribed);
        QCOMPARE(subscriptionState(u"chat"_s), u"subscribed"_s);
        QCOMPARE(find<QTreeWidget>(u"monitorSubscriptions"_s)->findItems(u"chat"_s, Qt::MatchExactly).first()->text(1),
                 u"public"_s);
        QVERIFY(trigger(u"chat"_s, u"new-message"_s, "{\"text\":\"hello\",\"n\":1}"));
        QTRY_COMPARE(model()->rowCount(), 1);
        QCOMPARE(cell(0, EventModel::Channel), u"chat"_s);
        QCOMPARE(cell(0, EventModel::Event), u"new-message"_s);
        QCOMPARE(cell(0, EventModel::Size), u"22"_s);
        QCOMPARE(cell(0, EventModel::Data), u"{\"text\":\"hello\",\"n\":1}"_s);
        QVERIFY(QRegularExpression(u"^\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d$"_s).match(cell(0, EventModel::Time)).hasMatch());
        QTableView *table = find<QTableView>(u"monitorEvents"_s);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(model()->index(0, 1)).center());
        QCOMPARE(find<CodeEdit>(u"monitorDetailData"_s)->toPlainText(),
                 u"{\n  \"text\": \"hello\",\n  \"n\": 1\n}"_s);
        QVERIFY(label(u"monitorDetailTitle"_s).contains(u"new-message"_s));
        // Data that is not JSON is shown as it is.
        QVERIFY(trigger(u"chat"_s, u"plain"_s, "just words"));
        QTRY_COMPARE(model()->rowCount(), 2);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(model()->index(1, 1)).center());
        QCOMPARE(find<CodeEdit>(u"monitorDetailData"_s)->toPlainText(), u"just words"_s);
        screenshot(m_console->window.get(), u"monitor-stream"_s);
    }

    void filter_byChannelEventAndText()
    {
        QVERIFY(openAndConnect());
        QCOMPARE(subscribe(u"chat"_s), RealtimeSubscription::State::Subscribed);
        QCOMPARE(subscribe(u"news"_s), RealtimeSubscription::State::Subscribed);
        QVERIFY(trigger(u"chat"_s, u"message"_s, "{\"who\":\"ann\"}"));
        QVERIFY(trigger(u"news"_s, u"headline"_s, "{\"who\":\"bob\"}"));
        QVERIFY(trigger(u"chat"_s, u"typing"_s, "{\"who\":\"bob\"}"));
        QTRY_COMPARE(model()->rowCount(), 3);
        Console::type(find<QLineEdit>(u"monitorChannelFilter"_s), u"NEWS"_s);
        QTRY_COMPARE(model()->rowCount(), 1);
        QCOMPARE(cell(0, EventModel::Event), u"headline"_s);
        Console::type(find<QLineEdit>(u"monitorChannelFilter"_s), QString());
        Console::type(find<QLineEdit>(u"monitorTextFilter"_s), u"bob"_s);
        QTRY_COMPARE(model()->rowCount(), 2);
        Console::type(find<QLineEdit>(u"monitorEventFilter"_s), u"typ"_s);
        QTRY_COMPARE(model()->rowCount(), 1);
        QCOMPARE(cell(0, EventModel::Event), u"typing"_s);
        QVERIFY(label(u"monitorCounts"_s).contains(u"1 match"_s));
        // A new arrival passes the same filter on its way in.
        QVERIFY(trigger(u"chat"_s, u"typing"_s, "{\"who\":\"ann\"}"));
        QVERIFY(trigger(u"chat"_s, u"typing"_s, "{\"who\":\"bob\",\"again\":true}"));
        QTRY_COMPARE(model()->received(), 5);
        QTRY_COMPARE(model()->rowCount(), 2);
    }

    void pause_countKeepsRisingRowsDoNot_thenResumeShowsThem()
    {
        QVERIFY(openAndConnect());
        QCOMPARE(subscribe(u"chat"_s), RealtimeSubscription::State::Subscribed);
        QVERIFY(trigger(u"chat"_s, u"e"_s, "1"));
        QTRY_COMPARE(model()->rowCount(), 1);
        m_console->click(u"monitorPauseButton"_s);
        QCOMPARE(find<QPushButton>(u"monitorPauseButton"_s)->text(), u"&Resume"_s);
        for (int i = 2; i <= 4; ++i)
            QVERIFY(trigger(u"chat"_s, u"e"_s, QByteArray::number(i)));
        QTRY_COMPARE(model()->received(), 4);
        QTest::qWait(2 * MonitorPage::FlushMs);
        QCOMPARE(model()->rowCount(), 1);
        QVERIFY2(label(u"monitorCounts"_s).contains(u"4 received"_s), qPrintable(label(u"monitorCounts"_s)));
        QVERIFY(label(u"monitorCounts"_s).contains(u"paused, 3 waiting"_s));
        m_console->click(u"monitorPauseButton"_s);
        QCOMPARE(model()->rowCount(), 4);
        QCOMPARE(cell(3, EventModel::Data), u"4"_s);
    }

    void clear_emptiesTheStreamAndTheCounts()
    {
        QVERIFY(openAndConnect());
        QCOMPARE(subscribe(u"chat"_s), RealtimeSubscription::State::Subscribed);
        QVERIFY(trigger(u"chat"_s, u"e"_s, "1"));
        QVERIFY(trigger(u"chat"_s, u"e"_s, "2"));
        QTRY_COMPARE(model()->rowCount(), 2);
        m_console->click(u"monitorClearButton"_s);
        QCOMPARE(model()->rowCount(), 0);
        QCOMPARE(model()->received(), 0);
        QVERIFY(label(u"monitorCounts"_s).startsWith(u"0 received"_s));
        QVERIFY(trigger(u"chat"_s, u"e"_s, "3"));
        QTRY_COMPARE(model()->rowCount(), 1);
        QCOMPARE(cell(0, EventModel::Data), u"3"_s);
    }

    void export_writesTheShownEventsAsJsonLines()
    {
        QVERIFY(openAndConnect());
        QCOMPARE(subscribe(u"chat"_s), RealtimeSubscription::State::Subscribed);
        QVERIFY(trigger(u"chat"_s, u"one"_s, "{\"a\":1}"));
        QVERIFY(trigger(u"chat"_s, u"two"_s, "line\nbreak \"quoted\""));
        QTRY_COMPARE(model()->rowCount(), 2);
        m_console->click(u"monitorExportButton"_s);
        QFileDialog *dialog = nullptr;
        QVERIFY(QTest::qWaitFor([&] { return (dialog = m_page->findChild<QFileDialog *>(u"monitorExportDialog"_s)); }));
        const QString path = QDir(m_dir->path()).filePath(u"events.jsonl"_s);
        // Qt's own dialog (the offscreen platform has no native one): pick the file, click Save.
        dialog->selectFile(path);
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QVERIFY(buttons && buttons->button(QDialogButtonBox::Save));
        QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
        QTRY_VERIFY(QFile::exists(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 3); // two lines and the final newline
        QVERIFY(lines.at(2).isEmpty());
        const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
        QCOMPARE(first.keys(), (QStringList{u"channel"_s, u"data"_s, u"event"_s, u"time"_s}));
        QCOMPARE(first.value(u"channel"_s).toString(), u"chat"_s);
        QCOMPARE(first.value(u"event"_s).toString(), u"one"_s);
        QCOMPARE(first.value(u"data"_s).toString(), u"{\"a\":1}"_s);
        const QDateTime time = QDateTime::fromString(first.value(u"time"_s).toString(), Qt::ISODateWithMs);
        QVERIFY(time.isValid());
        QVERIFY(qAbs(time.msecsTo(QDateTime::currentDateTimeUtc())) < 60000);
        QVERIFY(first.value(u"time"_s).toString().endsWith(u'Z'));
        const QJsonObject second = QJsonDocument::fromJson(lines.at(1)).object();
        QCOMPARE(second.value(u"data"_s).toString(), u"line\nbreak \"quoted\""_s);
        QVERIFY(find<MessageBar>(u"monitorProblem"_s)->text().contains(u"Exported"_s));
    }

    void bufferLimit_dropsTheOldestAndSaysHowMany()
    {
        QVERIFY(openAndConnect());
        QCOMPARE(subscribe(u"chat"_s), RealtimeSubscription::State::Subscribed);
        auto *capacity = find<QSpinBox>(u"monitorCapacity"_s);
        capacity->setFocus();
        capacity->selectAll();
        QTest::keyClicks(capacity, u"1000"_s);
        QTest::keyClick(capacity, Qt::Key_Tab);
        QCOMPARE(model()->store()->capacity(), 1000);
        // 1,010 events, all in flight at once through the real HTTP client.
        if (!m_rest)
            m_rest = std::make_unique<RestClient>(&m_console->http, sandboxCredentials());
        int answered = 0;
        for (int i = 0; i < 1010; ++i) {
            RestReply *reply = m_rest->trigger({u"n"_s, {u"chat"_s}, QByteArray::number(i), {}});
            QVERIFY(reply);
            connect(reply, &RestReply::finished, this, [&answered, reply] {
                ++answered;
                reply->deleteLater();
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(model()->received(), 1010, 20000);
        QCOMPARE(answered, 1010);
        QCOMPARE(model()->rowCount(), 1000);
        QCOMPARE(model()->store()->dropped(), 10);
        QVERIFY2(label(u"monitorCounts"_s).contains(u"10 oldest dropped"_s), qPrintable(label(u"monitorCounts"_s)));
        // REST sends may arrive out of order: the oldest kept is whatever came 11th.
        QCOMPARE(model()->store()->size(), 1000);
    }

    void follow_stopsWhenScrolledUpAndResumesAtTheBottom()
    {
        QVERIFY(openAndConnect());
        QCOMPARE(subscribe(u"chat"_s), RealtimeSubscription::State::Subscribed);
        for (int i = 0; i < 80; ++i)
            QVERIFY(trigger(u"chat"_s, u"e"_s, QByteArray::number(i)));
        QTRY_COMPARE(model()->rowCount(), 80);
        QTableView *table = find<QTableView>(u"monitorEvents"_s);
        QScrollBar *bar = table->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        QTRY_COMPARE(bar->value(), bar->maximum());
        QVERIFY(find<QCheckBox>(u"monitorFollowCheck"_s)->isChecked());
        // The user scrolls up: new rows no longer move the view.
        bar->triggerAction(QAbstractSlider::SliderToMinimum); // as the user drags it up
        QTRY_COMPARE(bar->value(), 0);
        QVERIFY(!find<QCheckBox>(u"monitorFollowCheck"_s)->isChecked());
        QVERIFY(trigger(u"chat"_s, u"e"_s, "late"));
        QTRY_COMPARE(model()->rowCount(), 81);
        QCOMPARE(bar->value(), 0);
        // Back at the bottom it follows again.
        bar->triggerAction(QAbstractSlider::SliderToMaximum);
        QTRY_VERIFY(find<QCheckBox>(u"monitorFollowCheck"_s)->isChecked());
        QVERIFY(trigger(u"chat"_s, u"e"_s, "later"));
        QTRY_COMPARE(model()->rowCount(), 82);
        QTRY_COMPARE(bar->value(), bar->maximum());
    }

    void presence_listsMembersLiveWithMeMarked()
    {
        QVERIFY(openAndConnect());
        find<QTabWidget>(u"monitorTabs"_s)->setCurrentIndex(2);
        Console::type(find<QLineEdit>(u"monitorUserId"_s), u"console-me"_s);
        Console::type(find<QLineEdit>(u"monitorUserInfo"_s), u"{\"name\":\"Me\"}"_s);
        find<QTabWidget>(u"monitorTabs"_s)->setCurrentIndex(0);
        QCOMPARE(subscribe(u"presence-room"_s), RealtimeSubscription::State::Subscribed);
        m_page->subscriptions()->selectChannel(u"presence-room"_s);
        auto *members = find<QListWidget>(u"monitorMembers"_s);
        QTRY_COMPARE(members->count(), 1);
        QCOMPARE(members->item(0)->text(), u"console-me  (me)  {\"name\":\"Me\"}"_s);
        QCOMPARE(label(u"monitorMembersTitle"_s), u"1 member of presence-room"_s);

        // A second real client joins, then leaves.
        auto other = std::make_unique<RealtimeClient>();
        other->setCredentials(sandboxCredentials());
        RealtimeAuthorization auth;
        auth.userId = u"u-2"_s;
        auth.userInfo = "{\"name\":\"Other\"}";
        other->setAuthorization(auth);
        QVERIFY(other->connectToServer().isEmpty());
        QVERIFY(other->subscribe(u"presence-room"_s).isEmpty());
        QTRY_COMPARE(members->count(), 2);
        QCOMPARE(members->item(1)->text(), u"u-2  {\"name\":\"Other\"}"_s);
        QCOMPARE(label(u"monitorMembersTitle"_s), u"2 members of presence-room"_s);
        screenshot(m_console->window.get(), u"monitor-presence"_s);
        other->disconnectFromServer();
        QTRY_COMPARE(members->count(), 1);
        QVERIFY(members->item(0)->text().startsWith(u"console-me"_s));
    }

    void wrongSecret_privateSubscriptionFailsWithTheReason()
    {
        QVERIFY(openPage());
        Profile wrong = sampleProfile(u"Wrong secret"_s);
        wrong.cluster.clear();
        wrong.appId = m_console->sandbox.app().appId;
        wrong.key = m_console->sandbox.app().key;
        wrong.baseUrl = m_console->sandbox.baseUrl();
        QVERIFY(m_console->store.add(wrong).ok());
        QVERIFY(writeAndWait(*m_console->secrets, wrong.id, SecretKind::Secret, "not-the-secret"_ba).isEmpty());
        QVERIFY(m_console->window->profileActions()->select(wrong.id));
        ActiveProfile *active = m_console->window->activeProfile();
        QTRY_VERIFY(active->credentials() && active->credentials()->secret == "not-the-secret");
        QTRY_VERIFY(m_page->client());
        QVERIFY(label(u"monitorProfile"_s).contains(u"Wrong secret"_s));
        QVERIFY(connectPage());
        QCOMPARE(subscribe(u"private-orders"_s), RealtimeSubscription::State::Failed);
        const QString state = subscriptionState(u"private-orders"_s);
        QVERIFY2(state.startsWith(u"failed: "_s) && state.size() > 10, qPrintable(state));
        QVERIFY(!state.contains(u"not-the-secret"_s));
        // The selected subscription's reason, in full under the list.
        QCOMPARE(label(u"monitorSubscriptionFailure"_s), u"private-orders "_s + state);
        QVERIFY(find(u"monitorSubscriptionFailure"_s)->isVisible());
        screenshot(m_console->window.get(), u"monitor-wrong-secret"_s);
    }

    void clientEvent_sentOnPrivateChannel_reachesAnotherClient_andSaysWhyNot()
    {
        QVERIFY(openAndConnect());
        find<QTabWidget>(u"monitorTabs"_s)->setCurrentIndex(1);
        ClientEventPane *pane = m_page->clientEvents();
        QVERIFY(pane->blockingReason().contains(u"Subscribe to a private or presence channel"_s));
        find<QTabWidget>(u"monitorTabs"_s)->setCurrentIndex(0);
        QCOMPARE(subscribe(u"private-chat"_s), RealtimeSubscription::State::Subscribed);
        auto other = std::make_unique<RealtimeClient>();
        other->setCredentials(sandboxCredentials());
        QSignalSpy got(other.get(), &RealtimeClient::eventReceived);
        QVERIFY(other->connectToServer().isEmpty());
        QVERIFY(other->subscribe(u"private-chat"_s).isEmpty());
        QTRY_VERIFY(other->subscription(u"private-chat"_s)
                    && other->subscription(u"private-chat"_s)->state == RealtimeSubscription::State::Subscribed);

        find<QTabWidget>(u"monitorTabs"_s)->setCurrentIndex(1);
        Console::type(find<QLineEdit>(u"monitorClientEventName"_s), u"typing"_s);
        QCOMPARE(label(u"monitorClientEventError"_s), u"A client event's name starts with client-"_s);
        QVERIFY(!find(u"monitorClientEventSend"_s)->isEnabled());
        Console::type(find<QLineEdit>(u"monitorClientEventName"_s), u"client-typing"_s);
        QTRY_VERIFY2(pane->blockingReason().isEmpty(), qPrintable(pane->blockingReason()));
        m_console->click(u"monitorClientEventSend"_s);
        QVERIFY(got.wait(5000));
        const auto event = got.first().first().value<RealtimeEvent>();
        QCOMPARE(event.channel, u"private-chat"_s);
        QCOMPARE(event.event, u"client-typing"_s);
        QCOMPARE(event.data, "{\"typing\": true}"_ba);
        QVERIFY(label(u"monitorClientEventStatus"_s).startsWith(u"Sent client-typing"_s));
    }

    void roundTrip_sendFromTheTriggerPage_showsTheLatency()
    {
        QVERIFY(openAndConnect());
        QCOMPARE(subscribe(u"orders"_s), RealtimeSubscription::State::Subscribed);
        QVERIFY(sendFromTriggerPage(u"orders"_s, u"order-placed"_s, u"{\"id\":42}"_s));
        QTRY_COMPARE(model()->rowCount(), 1);
        QTRY_VERIFY2(cell(0, EventModel::RoundTrip).endsWith(u" ms"_s), qPrintable(cell(0, EventModel::RoundTrip)));
        const int ms = cell(0, EventModel::RoundTrip).chopped(3).toInt();
        QVERIFY(ms >= 0 && ms < 10000);
        QTableView *table = find<QTableView>(u"monitorEvents"_s);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(model()->index(0, 1)).center());
        QVERIFY2(label(u"monitorDetailTitle"_s).contains(u"round trip %1 ms"_s.arg(ms)), qPrintable(label(u"monitorDetailTitle"_s)));
        // An event from elsewhere with other data is not taken for the send.
        QVERIFY(this->trigger(u"orders"_s, u"order-placed"_s, "{\"id\":43}"));
        QTRY_COMPARE(model()->rowCount(), 2);
        QCOMPARE(cell(1, EventModel::RoundTrip), QString());
        screenshot(m_console->window.get(), u"monitor-roundtrip"_s);
    }

    void connectionLost_reconnectsAndSaysEventsMeanwhileAreMissing()
    {
        QVERIFY(openAndConnect());
        QCOMPARE(subscribe(u"orders"_s), RealtimeSubscription::State::Subscribed);
        const QString firstId = m_page->client()->socketId();
        const quint16 port = m_console->sandbox.port();
        auto *problem = find<MessageBar>(u"monitorProblem"_s);
        m_console->sandbox.stop(u"stopped by the test"_s);
        QTRY_VERIFY(label(u"monitorState"_s) != u"connected"_s);
        QVERIFY(m_console->sandbox.start(port));
        QTRY_VERIFY_WITH_TIMEOUT(label(u"monitorState"_s) == u"connected"_s, 15000);
        QVERIFY(problem->isVisible());
        QCOMPARE(problem->kind(), MessageBar::Kind::Warning);
        QVERIFY2(problem->text().startsWith(u"Reconnected after "_s)
                     && problem->text().contains(u"Events published meanwhile did not arrive here"_s),
                 qPrintable(problem->text()));
        QVERIFY(m_page->client()->socketId() != firstId);
        screenshot(m_console->window.get(), u"monitor-reconnected"_s);
        QTRY_COMPARE(subscriptionState(u"orders"_s), u"subscribed"_s);
        QVERIFY(trigger(u"orders"_s, u"after-the-gap"_s, "{}"));
        QTRY_COMPARE(model()->rowCount(), 1);
        // Disconnecting on purpose is no gap: nothing is said after connecting again.
        problem->hide();
        m_console->click(u"monitorConnectButton"_s);
        QTRY_COMPARE(label(u"monitorState"_s), u"disconnected"_s);
        QVERIFY(connectPage());
        QVERIFY(!problem->isVisible());
    }

    void roundTrip_excludedSocketThatArrivesAnyway_isFlagged()
    {
        QVERIFY(openAndConnect());
        QCOMPARE(subscribe(u"orders"_s), RealtimeSubscription::State::Subscribed);
        const QString socketId = m_page->client()->socketId();
        QVERIFY(!socketId.isEmpty());
        QVERIFY(sendFromTriggerPage(u"orders"_s, u"order-placed"_s, u"{\"id\":7}"_s, socketId));
        // The sandbox honours the exclusion: nothing arrives for it.
        QTest::qWait(300);
        QCOMPARE(model()->received(), 0);
        // A server that ignored the exclusion would deliver the same event: here it comes
        // over REST without a socket id, and is taken for the excluded send.
        QVERIFY(this->trigger(u"orders"_s, u"order-placed"_s, "{\"id\":7}"));
        QTRY_COMPARE(model()->rowCount(), 1);
        QTRY_VERIFY2(cell(0, EventModel::RoundTrip).endsWith(u" ms, excluded!"_s), qPrintable(cell(0, EventModel::RoundTrip)));
        QCOMPARE(model()->index(0, EventModel::RoundTrip).data(Qt::ToolTipRole).toString(),
                 u"Sent with this connection's socket id excluded, yet it arrived here"_s);
        QTableView *table = find<QTableView>(u"monitorEvents"_s);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(model()->index(0, 1)).center());
        QVERIFY(label(u"monitorDetailTitle"_s).contains(u"ARRIVED ALTHOUGH ITS SEND EXCLUDED THIS CONNECTION"_s));
        // Sent without exclusion, the same match is a plain round trip.
        QVERIFY(sendFromTriggerPage(u"orders"_s, u"order-placed"_s, u"{\"id\":8}"_s));
        QTRY_COMPARE(model()->rowCount(), 2);
        QTRY_VERIFY(cell(1, EventModel::RoundTrip).endsWith(u" ms"_s));
        QVERIFY(!cell(1, EventModel::RoundTrip).contains(u"excluded"_s));
    }

    void authorization_throughTheAuthPagesEndpoint_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("channel");
        QTest::newRow("presence, endpoint signs") << 200 << u"presence-lobby"_s;
        QTest::newRow("private, endpoint signs") << 200 << u"private-orders"_s;
        QTest::newRow("private, endpoint answers 403") << 403 << u"private-orders"_s;
    }

    void authorization_throughTheAuthPagesEndpoint()
    {
        QFETCH(int, status);
        QFETCH(QString, channel);
        QVERIFY(openPage());
        TestSupport::AuthEndpointServer endpoint(m_console->sandbox.app().key, m_console->sandbox.app().secret,
                                                 "{\"user_id\":\"from-endpoint\",\"user_info\":{\"name\":\"E\"}}", status);
        QVERIFY(endpoint.listen());
        const QString url = QString::fromUtf8(endpoint.url());
        // Without a URL on the Auth page the choice is refused with the reason.
        find<QTabWidget>(u"monitorTabs"_s)->setCurrentIndex(2);
        m_console->click(u"monitorAuthEndpoint"_s);
        QVERIFY(label(u"monitorAuthEndpointInfo"_s).startsWith(u"No endpoint yet"_s));
        // The URL typed on the Auth page's endpoint tab, as a user does.
        QVERIFY(m_console->window->navigation()->showPage(u"auth"_s));
        find<QTabWidget>(u"authTabs"_s)->setCurrentIndex(2);
        Console::type(find<QLineEdit>(u"endpointUrl"_s), url);
        QVERIFY(m_console->window->navigation()->showPage(u"monitor"_s));
        QVERIFY2(label(u"monitorAuthEndpointInfo"_s).contains(url), qPrintable(label(u"monitorAuthEndpointInfo"_s)));
        find<QTabWidget>(u"monitorTabs"_s)->setCurrentIndex(0);
        QVERIFY(connectPage());
        const auto state = subscribe(channel);
        QCOMPARE(endpoint.requests().size(), 1);
        const QJsonObject asked = QJsonDocument::fromJson(endpoint.requests().first().body).object();
        QCOMPARE(asked.value(u"socket_id"_s).toString(), m_page->client()->socketId());
        QCOMPARE(asked.value(u"channel_name"_s).toString(), channel);
        if (status != 200) {
            QCOMPARE(state, RealtimeSubscription::State::Failed);
            const QString shown = subscriptionState(channel);
            QVERIFY2(shown.startsWith(u"failed: "_s) && shown.contains(QString::number(status)), qPrintable(shown));
            return;
        }
        QCOMPARE(state, RealtimeSubscription::State::Subscribed);
        QCOMPARE(subscriptionState(channel), u"subscribed"_s);
        if (channel.startsWith(u"presence-"_s)) {
            // The identity is the endpoint's, not the one on the Identity tab.
            m_page->subscriptions()->selectChannel(channel);
            auto *members = find<QListWidget>(u"monitorMembers"_s);
            QTRY_COMPARE(members->count(), 1);
            QCOMPARE(members->item(0)->text(), u"from-endpoint  (me)  {\"name\":\"E\"}"_s);
        }
        QVERIFY(trigger(channel, u"order-placed"_s, "{\"via\":\"endpoint\"}"));
        QTRY_COMPARE(model()->rowCount(), 1);
    }
};

QTEST_MAIN(TestMonitorPage)
#include "tst_monitorpage.moc"
#include "moc_pagetesting.cpp"
