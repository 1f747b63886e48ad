// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// Every registered page, shown against the embedded sandbox after a session of sample
// traffic, must render something: more than one flat colour and some visible widgets. With
// APINATOR_UI_SCREENSHOTS=DIR each page is saved as DIR/page-<page id>.png;
// docs/screenshots/update.sh runs this to refresh the README.
//
// The session, as a user has one: the Monitor connected as "ada", subscribed to "chat" and
// "presence-room" (a second real client joins both as "grace"); three events sent from the
// Trigger page (they fill the History) and a few more over REST through the real HTTP
// client; then on each page what a user looks at: the sent data formatted, a channel's
// info, a presence auth signature for the Monitor's own socket, a signed webhook batch, the
// Monitor's newest event selected (its data pretty-printed) beside the presence channel's
// members, the latest send's detail, the profile's connection tested.
#include "pagetesting.h"
#include "triggercompose.h"

#include "monitor/eventmodel.h"
#include "monitor/monitorpage.h"
#include "monitor/subscriptionspane.h"
#include "widgets/channelchipeditor.h"

#include <apinator/credentials.h>
#include <apinator/realtimeclient.h>
#include <apinator/restclient.h>
#include <apinator/webhook.h>

#include <QDateTime>
#include <QHash>
#include <QImage>
#include <QPlainTextEdit>
#include <QSet>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>

#include <functional>

using namespace UiTest;

namespace {

struct SampleEvent
{
    QString event;
    QStringList channels;
    QString data;
};

// Sent from the Trigger page, in this order: the last one stays in its composer.
const QList<SampleEvent> TriggerPageSends = {
    {u"member-joined"_s, {u"presence-room"_s}, u"{\"user\":\"grace\",\"name\":\"Grace Hopper\"}"_s},
    {u"order-placed"_s, {u"orders"_s}, u"{\"id\":1042,\"total\":19.9,\"currency\":\"EUR\"}"_s},
    {u"new-message"_s, {u"chat"_s}, u"{\"text\":\"hello from the README\",\"from\":\"ada\"}"_s},
};

// Sent over REST, as an app's back end does; the last one is selected in the Monitor.
const QList<SampleEvent> RestSends = {
    {u"user-typing"_s, {u"chat"_s}, u"{\"user\":\"grace\"}"_s},
    {u"new-message"_s, {u"chat"_s},
     u"{\"text\":\"lunch at 12:30?\",\"from\":{\"id\":\"grace\",\"name\":\"Grace Hopper\"},"
     "\"mentions\":[\"ada\"],\"attachments\":[]}"_s},
};

// A webhook batch as the service posts it, signed with the sandbox's webhook secret.
QByteArray signedWebhookRequest(const QByteArray &webhookSecret)
{
    const QByteArray ts = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    const QByteArray body = "{\"time_ms\":" + QByteArray::number(QDateTime::currentMSecsSinceEpoch())
                            + ",\"events\":[{\"name\":\"member_added\",\"channel\":\"presence-room\","
                              "\"user_id\":\"grace\"},{\"name\":\"channel_occupied\",\"channel\":\"orders\"}]}";
    return "POST /webhooks HTTP/1.1\nContent-Type: application/json\nX-Realtime-Timestamp: " + ts
           + "\nX-Realtime-Signature: " + signWebhook(webhookSecret, ts, body) + "\n\n" + body;
}

} // namespace

class TestPageScreenshots : public PageTest
{
    Q_OBJECT

private:
    MonitorPage *m_monitor = nullptr;
    std::unique_ptr<RealtimeClient> m_grace;

    Credentials sandboxCredentials() const { return UiTest::sandboxCredentials(*m_console); }
    static void clickRow(QTableView *table, int row)
    {
        table->scrollTo(table->model()->index(row, 1));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualRect(table->model()->index(row, 1)).center());
    }

    // The Monitor as a user sets it up: an identity, Connect, two subscriptions typed in.
    bool startMonitor()
    {
        Navigation *navigation = m_console->window->navigation();
        if (!navigation->showPage(u"monitor"_s))
            return false;
        m_monitor = qobject_cast<MonitorPage *>(navigation->page(u"monitor"_s));
        if (!m_monitor || !QTest::qWaitFor([this] { return m_monitor->client() != nullptr; }, 5000))
            return false;
        auto *tabs = m_console->find<QTabWidget>(u"monitorTabs"_s);
        tabs->setCurrentIndex(2); // Identity
        Console::type(m_console->find<QLineEdit>(u"monitorUserId"_s), u"ada"_s);
        Console::type(m_console->find<QLineEdit>(u"monitorUserInfo"_s), u"{\"name\":\"Ada Lovelace\"}"_s);
        tabs->setCurrentIndex(0);
        m_console->click(u"monitorConnectButton"_s);
        auto *state = m_console->find<QLabel>(u"monitorState"_s);
        if (!QTest::qWaitFor([state] { return state->text() == u"connected"_s; }, 5000))
            return false;
        for (const QString &channel : {u"chat"_s, u"presence-room"_s}) {
            Console::type(m_console->find<QLineEdit>(u"monitorChannelEdit"_s), channel);
            m_console->click(u"monitorSubscribeButton"_s);
            const bool subscribed = QTest::qWaitFor(
                [&] {
                    const auto sub = m_monitor->client()->subscription(channel);
                    return sub && sub->state == RealtimeSubscription::State::Subscribed;
                },
                5000);
            if (!subscribed) {
                qWarning("the Monitor could not subscribe to %s", qPrintable(channel));
                return false;
            }
        }
        return true;
    }

    // A second member: another real client on both channels.
    bool joinAsGrace()
    {
        m_grace = std::make_unique<RealtimeClient>();
        m_grace->setCredentials(sandboxCredentials());
        RealtimeAuthorization auth;
        auth.userId = u"grace"_s;
        auth.userInfo = "{\"name\":\"Grace Hopper\"}";
        m_grace->setAuthorization(auth);
        if (!m_grace->connectToServer().isEmpty())
            return false;
        for (const QString &channel : {u"chat"_s, u"presence-room"_s})
            if (!m_grace->subscribe(channel).isEmpty())
                return false;
        m_monitor->subscriptions()->selectChannel(u"presence-room"_s);
        auto *members = m_console->find<QListWidget>(u"monitorMembers"_s);
        return QTest::qWaitFor([members] { return members->count() == 2; }, 5000);
    }

    // Composes and sends each event from the Trigger page, as a user does.
    bool sendFromTriggerPage(const SampleEvent &sample)
    {
        const int before = m_console->history.count();
        if (!m_console->window->navigation()->showPage(u"trigger"_s))
            return false;
        // The previous send's channel chips go first.
        auto *chips = m_console->window->navigation()->page(u"trigger"_s)->findChild<ChannelChipEditor *>();
        if (!chips)
            return false;
        chips->setChannels({});
        if (!composeTrigger(*m_console, sample.event, sample.channels, sample.data))
            return false;
        auto *send = m_console->find<QPushButton>(u"sendButton"_s);
        if (!QTest::qWaitFor([send] { return send->isEnabled(); }, 5000))
            return false;
        QTest::mouseClick(send, Qt::LeftButton);
        return QTest::qWaitFor([&] { return m_console->history.count() > before; }, 10000);
    }

    bool sendOverRest(RestClient &rest, const SampleEvent &sample)
    {
        RestReply *reply = rest.trigger({sample.event, sample.channels, sample.data.toUtf8(), {}});
        if (!reply)
            return false;
        QSignalSpy done(reply, &RestReply::finished);
        const bool accepted = (reply->isFinished() || done.wait(5000)) && reply->result().ok();
        reply->deleteLater();
        return accepted;
    }

    // What each page shows a user beyond its first look; run with the page on screen.
    QHash<QString, std::function<void()>> pageSetups()
    {
        return {
            {u"monitor"_s,
             [this] {
                 auto *table = m_console->find<QTableView>(u"monitorEvents"_s);
                 clickRow(table, table->model()->rowCount() - 1);
             }},
            {u"channels"_s,
             [this] {
                 auto *table = m_console->find<QTableView>(u"channelsTable"_s);
                 (void)QTest::qWaitFor([table] { return table->model()->rowCount() >= 3; }, 5000);
                 clickRow(table, table->model()->rowCount() - 1);
             }},
            {u"trigger"_s,
             [this] {
                 QWidget *page = m_console->window->navigation()->page(u"trigger"_s);
                 QTest::mouseClick(page->findChild<QAbstractButton *>(u"jsonFormat"_s), Qt::LeftButton);
             }},
            {u"auth"_s,
             [this] {
                 // The presence auth the Monitor's own socket got for "ada".
                 const QString socketId = m_console->find<QLabel>(u"monitorSocketId"_s)->text();
                 Console::type(m_console->find<QLineEdit>(u"signSocketId"_s), socketId);
                 Console::type(m_console->find<QLineEdit>(u"signChannel"_s), u"presence-room"_s);
                 Console::type(m_console->find<QLineEdit>(u"signUserId"_s), u"ada"_s);
                 auto *info = m_console->find<QPlainTextEdit>(u"signUserInfo"_s);
                 info->setFocus();
                 QTest::keyClicks(info, u"{\"name\":\"Ada Lovelace\"}"_s);
             }},
            {u"webhooks"_s,
             [this] {
                 auto *raw = m_console->find<QPlainTextEdit>(u"inspectRawEdit"_s);
                 raw->setFocus();
                 raw->insertPlainText(
                     QString::fromUtf8(signedWebhookRequest(m_console->sandbox.app().webhookSecret)));
             }},
            {u"history"_s, [this] { clickRow(m_console->find<QTableView>(u"historyTable"_s), 0); }},
            {u"profiles"_s, [this] { m_console->click(u"testConnectionButton"_s); }},
        };
    }

    // How many distinct colours a grid of samples finds: a page that failed to build or
    // to lay out is one flat colour.
    static qsizetype colourCount(const QImage &image)
    {
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 6)
            for (int x = 0; x < image.width(); x += 6)
                colours.insert(image.pixel(x, y));
        return colours.size();
    }

private Q_SLOTS:
    void cleanup()
    {
        m_grace.reset();
        m_monitor = nullptr;
        m_console.reset();
        m_dir.reset();
    }

    void everyPage_rendersSomethingAfterSampleTraffic()
    {
        m_console = std::make_unique<Console>(m_dir->path());
        QVERIFY(openWithSandbox(*m_console));
        // Wide enough that no page squeezes the sidebar below its natural width.
        m_console->window->resize(1280, 800);
        QVERIFY2(startMonitor(), "the Monitor did not connect and subscribe");
        QVERIFY2(joinAsGrace(), "the second member did not show in the Monitor");
        for (const SampleEvent &sample : TriggerPageSends)
            QVERIFY2(sendFromTriggerPage(sample), qPrintable(u"the Trigger page did not send "_s + sample.event));
        RestClient rest(&m_console->http, sandboxCredentials());
        for (const SampleEvent &sample : RestSends)
            QVERIFY2(sendOverRest(rest, sample), qPrintable(u"REST did not send "_s + sample.event));
        // Every send but the one to "orders" reaches a channel the Monitor is on.
        const int expected = int(TriggerPageSends.size() + RestSends.size()) - 1;
        QTRY_COMPARE(m_monitor->model()->rowCount(), expected);

        Navigation *navigation = m_console->window->navigation();
        const QStringList ids = navigation->pageIds();
        for (const char *page : {"trigger", "channels", "auth", "webhooks", "monitor", "history", "profiles"})
            QVERIFY2(ids.contains(QLatin1StringView(page)), page);
        const QHash<QString, std::function<void()>> setups = pageSetups();
        for (const QString &id : ids) {
            QVERIFY2(navigation->showPage(id), qPrintable(id));
            if (setups.contains(id))
                setups.value(id)();
            // Pages that fetch on show or on a selection (Channels) get the sandbox's answer.
            QTest::qWait(400);
            QWidget *page = navigation->page(id);
            QVERIFY2(page && page->isVisible(), qPrintable(id + u" is not visible"_s));
            const qsizetype colours = colourCount(page->grab().toImage());
            QVERIFY2(colours > 8, qPrintable(u"%1 renders %2 colours"_s.arg(id).arg(colours)));
            qsizetype visible = 0;
            for (const QWidget *child : page->findChildren<QWidget *>())
                visible += child->isVisible() ? 1 : 0;
            QVERIFY2(visible >= 5, qPrintable(u"%1 shows %2 widgets"_s.arg(id).arg(visible)));
            screenshot(m_console->window.get(), u"page-"_s + id);
        }
        // The sample session is what the shots show: check it is there.
        QCOMPARE(m_console->find<QListWidget>(u"monitorMembers"_s)->count(), 2);
        QVERIFY(m_console->find<CodeEdit>(u"monitorDetailData"_s)->toPlainText().contains(u"\n  \"from\": {\n"_s));
        QCOMPARE(m_console->history.count(), int(TriggerPageSends.size()));
    }
};

QTEST_MAIN(TestPageScreenshots)
#include "tst_pagescreenshots.moc"
#include "moc_pagetesting.cpp"
