// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The Channels page against the real embedded sandbox, with real WebSocket subscribers.
#include "pagetesting.h"
#include "sandboxtesting.h"

#include "channels/channellistmodel.h"
#include "channels/channelspage.h"
#include "session/activeprofile.h"
#include "trigger/triggerpage.h"

#include <QCheckBox>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>

using namespace UiTest;
using SandboxTesting::WsTestClient;

class TestChannelsPage final : public PageTest
{
    Q_OBJECT

private:
    std::vector<std::unique_ptr<WsTestClient>> m_clients;

    ChannelsPage *page() const
    {
        return qobject_cast<ChannelsPage *>(m_console->window->navigation()->page(u"channels"_s));
    }
    // A real subscriber: a WebSocket on the sandbox, subscribed (signed when private).
    bool subscribe(const QString &channel)
    {
        Credentials c;
        c.key = m_console->sandbox.app().key;
        c.baseUrl = m_console->sandbox.baseUrl();
        auto client = std::make_unique<WsTestClient>();
        if (!client->open(c.websocketUrl()))
            return false;
        const QByteArray member = channel.startsWith(u"presence-"_s) ? R"({"user_id":"u-1","user_info":{}})"_ba
                                                                     : QByteArray();
        const auto answer = client->subscribe(channel, m_console->sandbox.app(), member);
        m_clients.push_back(std::move(client));
        return answer && answer->value(u"event"_s).toString() == u"realtime:subscription_succeeded"_s;
    }
    // Shows the page (it lists on first show) and waits for that listing.
    ChannelsPage *openPage()
    {
        m_console = std::make_unique<Console>(m_dir->path());
        if (!openWithSandbox(*m_console))
            return nullptr;
        return page();
    }
    bool showAndList()
    {
        ChannelsPage *p = page();
        QSignalSpy listed(p, &ChannelsPage::listFinished);
        m_console->window->navigation()->showPage(u"channels"_s);
        if (listed.wait(5000))
            return true;
        qWarning("not listed: %s", qPrintable(m_console->find<MessageBar>(u"channelsProblem"_s)->text()));
        return false;
    }
    QStringList rows() const
    {
        QStringList out;
        const QAbstractItemModel *m = page()->view()->model();
        for (int r = 0; r < m->rowCount(); ++r)
            out << m->index(r, 0).data().toString() + u' ' + m->index(r, 1).data().toString() + u' '
                    + m->index(r, 2).data().toString();
        return out;
    }
    QString text(const QString &name) const { return m_console->find<QLabel>(name)->text(); }

private Q_SLOTS:
    void cleanup()
    {
        m_clients.clear();
        m_console.reset();
        m_dir.reset();
    }

    void list_realSubscribers_showsNameTypeAndSubscriptionCount()
    {
        QVERIFY(openPage());
        QVERIFY(subscribe(u"chat"_s));
        QVERIFY(subscribe(u"chat"_s));
        QVERIFY(subscribe(u"private-orders"_s));
        QVERIFY(showAndList());
        QCOMPARE(rows(), (QStringList{u"chat public 2"_s, u"private-orders private 1"_s}));
        QCOMPARE(text(u"channelsCountLabel"_s), u"2 channels"_s);
        QVERIFY(!m_console->find(u"channelsProblem"_s)->isVisible());
        m_console->window->resize(1100, 720);
        screenshot(m_console->window.get(), u"channels-list"_s);
    }

    void list_noSubscribers_saysNoOccupiedChannels()
    {
        QVERIFY(openPage());
        QVERIFY(showAndList());
        QCOMPARE(page()->model()->rowCount(), 0);
        QCOMPARE(text(u"channelsCountLabel"_s), u"No occupied channels"_s);
    }

    void prefixFilter_listsOnlyWhatTheServerMatched()
    {
        QVERIFY(openPage());
        QVERIFY(subscribe(u"chat"_s));
        QVERIFY(subscribe(u"private-orders"_s));
        QVERIFY(subscribe(u"private-billing"_s));
        QVERIFY(showAndList());
        QCOMPARE(page()->model()->rowCount(), 3);
        QSignalSpy listed(page(), &ChannelsPage::listFinished);
        Console::type(m_console->edit(u"channelPrefixEdit"_s), u"private-"_s);
        QVERIFY(listed.wait(5000));
        QCOMPARE(rows(), (QStringList{u"private-billing private 1"_s, u"private-orders private 1"_s}));
        QCOMPARE(text(u"channelsCountLabel"_s), u"2 channels starting with “private-”"_s);
        Console::type(m_console->edit(u"channelPrefixEdit"_s), u"presence-"_s);
        QVERIFY(listed.wait(5000));
        QCOMPARE(page()->model()->rowCount(), 0);
        QCOMPARE(text(u"channelsCountLabel"_s), u"No occupied channel starts with “presence-”"_s);
    }

    void selectChannel_showsItsInfoJson()
    {
        QVERIFY(openPage());
        QVERIFY(subscribe(u"chat"_s));
        QVERIFY(subscribe(u"chat"_s));
        QVERIFY(showAndList());
        QSignalSpy info(page(), &ChannelsPage::infoFinished);
        QTableView *view = page()->view();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(view->model()->index(0, 0)).center());
        QVERIFY(info.wait(5000));
        QCOMPARE(page()->currentChannel(), u"chat"_s);
        QCOMPARE(page()->infoState(), u"occupied"_s);
        const QString json = m_console->find<QPlainTextEdit>(u"channelInfoView"_s)->toPlainText();
        QVERIFY2(json.contains(u"\"subscription_count\": 2"_s), qPrintable(json));
        QVERIFY(json.contains(u"\"occupied\": true"_s));
        QCOMPARE(text(u"channelInfoState"_s), u"Occupied: 2 subscriptions."_s);
        QVERIFY(m_console->find(u"sendToChannelButton"_s)->isEnabled());
        m_console->window->resize(1100, 720);
        screenshot(m_console->window.get(), u"channels-info"_s);
    }

    void unoccupiedChannel_isShownAsNotOccupiedNotAsError()
    {
        QVERIFY(openPage());
        QVERIFY(showAndList());
        QSignalSpy info(page(), &ChannelsPage::infoFinished);
        QLineEdit *lookup = m_console->edit(u"channelLookupEdit"_s);
        Console::type(lookup, u"nobody-here"_s);
        QTest::keyClick(lookup, Qt::Key_Return);
        QVERIFY(info.wait(5000));
        QCOMPARE(page()->infoState(), u"not occupied"_s);
        QVERIFY(text(u"channelInfoState"_s).startsWith(u"Not occupied"_s));
        QVERIFY(!text(u"channelInfoState"_s).contains(u"404"_s));
        QVERIFY(!m_console->find(u"channelsProblem"_s)->isVisible());
        QCOMPARE(text(u"channelInfoTitle"_s), u"nobody-here"_s);
    }

    void vacatedChannel_becomesNotOccupiedOnRefresh()
    {
        QVERIFY(openPage());
        QVERIFY(subscribe(u"chat"_s));
        QVERIFY(showAndList());
        QSignalSpy info(page(), &ChannelsPage::infoFinished);
        page()->showChannel(u"chat"_s);
        QVERIFY(info.wait(5000));
        QCOMPARE(page()->infoState(), u"occupied"_s);
        m_clients.clear(); // the only subscriber leaves
        QTest::qWait(200);
        QSignalSpy listed(page(), &ChannelsPage::listFinished);
        m_console->click(u"channelsRefreshButton"_s);
        QVERIFY(listed.wait(5000));
        QCOMPARE(page()->model()->rowCount(), 0);
        QVERIFY(info.wait(5000));
        QCOMPARE(page()->infoState(), u"not occupied"_s);
    }

    void autoRefresh_picksUpANewSubscriber()
    {
        QVERIFY(openPage());
        QVERIFY(showAndList());
        QCOMPARE(page()->model()->rowCount(), 0);
        m_console->find<QSpinBox>(u"channelsAutoRefreshSeconds"_s)->setValue(1);
        m_console->click(u"channelsAutoRefreshCheck"_s);
        QVERIFY(subscribe(u"presence-room"_s));
        QTRY_COMPARE_WITH_TIMEOUT(page()->model()->rowCount(), 1, 4000);
        QCOMPARE(rows(), QStringList{u"presence-room presence 1"_s});
        // Switched off: no more listings.
        m_console->click(u"channelsAutoRefreshCheck"_s);
        QSignalSpy listed(page(), &ChannelsPage::listFinished);
        QVERIFY(!listed.wait(1500));
    }

    void sendToThisChannel_opensTheComposerFilledIn()
    {
        QVERIFY(openPage());
        QVERIFY(subscribe(u"private-orders"_s));
        QVERIFY(showAndList());
        QSignalSpy info(page(), &ChannelsPage::infoFinished);
        page()->view()->selectRow(0);
        QVERIFY(info.wait(5000));
        m_console->click(u"sendToChannelButton"_s);
        QCOMPARE(m_console->window->navigation()->currentId(), u"trigger"_s);
        auto *trigger = qobject_cast<TriggerPage *>(m_console->window->navigation()->page(u"trigger"_s));
        QVERIFY(trigger);
        QCOMPARE(trigger->draft().channels, QStringList{u"private-orders"_s});
    }
};

QTEST_MAIN(TestChannelsPage)
#include "tst_channelspage.moc"
#include "moc_pagetesting.cpp"
