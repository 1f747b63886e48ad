// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The Webhooks page against the real embedded sandbox: Inspect explains a paste, Listen
// receives the sandbox's webhooks verified (and keeps them), replays and forwards them,
// Compose signs and sends to a handler started here.
#include "pagetesting.h"
#include "rawhttpserver.h"
#include "sandboxtesting.h"

#include "session/activeprofile.h"
#include "webhooks/composetab.h"
#include "webhooks/inspecttab.h"
#include "webhooks/listentab.h"
#include "webhooks/secretfield.h"
#include "webhooks/webhookspage.h"

#include <apinator/webhook.h>

#include <QCheckBox>
#include <QDateTime>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>

using namespace UiTest;
using TestSupport::RawHttpServer;

namespace {
const QByteArray Body = R"({"event":"channel_occupied","channel":"chat"})"_ba;

QByteArray rawRequest(const QByteArray &secret, const QByteArray &body, const QByteArray &signedBody)
{
    const QByteArray ts = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    return "POST /webhooks HTTP/1.1\nContent-Type: application/json\nX-Realtime-Timestamp: " + ts
           + "\nX-Realtime-Signature: " + signWebhook(secret, ts, signedBody) + "\n\n" + body;
}
} // namespace

class TestWebhooksPage : public PageTest
{
    Q_OBJECT

private:

    WebhooksPage *openPage()
    {
        m_console = std::make_unique<Console>(m_dir->path());
        m_console->open();
        if (!QTest::qWaitFor([&] { return m_console->sandbox.isRunning(); }, 5000))
            m_console->sandbox.start(0);
        auto *page = qobject_cast<WebhooksPage *>(m_console->window->navigation()->page(u"webhooks"_s));
        if (!page) {
            qWarning("no webhooks page");
            return nullptr;
        }
        m_console->window->navigation()->showPage(u"webhooks"_s);
        if (!QTest::qWaitFor([&] { return m_console->window->activeProfile()->credentials().has_value(); }, 5000)) {
            qWarning("the profile's secrets were not read");
            return nullptr;
        }
        if (!QTest::qWaitFor([&] { return page->inspectTab()->secretField()->usesProfile(); }, 5000)) {
            qWarning("the page did not take the profile's secret");
            return nullptr;
        }
        return page;
    }
    template<typename T = QWidget>
    T *find(const QString &name) const
    {
        return m_console->window->findChild<T *>(name);
    }
    QByteArray webhookSecret() const { return m_console->sandbox.app().webhookSecret; }
    static void paste(QPlainTextEdit *edit, const QByteArray &text)
    {
        edit->setFocus();
        edit->selectAll();
        edit->insertPlainText(QString::fromUtf8(text));
    }
    QString causes() const { return find<QLabel>(u"inspectCausesLabel"_s)->text(); }
    QString verdict() const { return find<QLabel>(u"inspectVerdictLabel"_s)->text(); }

private Q_SLOTS:

    void inspect_explainsAPasteWithTheProfilesSecret()
    {
        WebhooksPage *page = openPage();
        QVERIFY(page);
        auto *raw = find<QPlainTextEdit>(u"inspectRawEdit"_s);
        // A proxy appended a newline to a body signed without one.
        paste(raw, rawRequest(webhookSecret(), Body + "\n", Body));
        QTRY_COMPARE(verdict(), u"Invalid"_s);
        QVERIFY2(causes().contains(u"body_trailing_newline_added"_s), qPrintable(causes()));
        auto *events = find<QTableWidget>(u"inspectEventsTable"_s);
        QCOMPARE(events->rowCount(), 1);
        QCOMPARE(events->item(0, 0)->text(), u"channel_occupied"_s);
        QCOMPARE(events->item(0, 1)->text(), u"chat"_s);
        screenshot(m_console->window.get(), u"webhooks-inspect"_s);

        paste(raw, rawRequest(webhookSecret(), Body, Body));
        QTRY_VERIFY(verdict().startsWith(u"Valid"_s));
        auto *sdk = find<QTableWidget>(u"inspectSdkTable"_s);
        for (int row = 0; row < 3; ++row)
            QCOMPARE(sdk->item(row, 1)->text(), u"accepts"_s);

        // The sandbox profile's API secret used by mistake: named.
        paste(raw, rawRequest(m_console->sandbox.app().secret, Body, Body));
        QTRY_VERIFY2(causes().contains(u"signed_with_api_secret"_s), qPrintable(causes()));

        // Headers and body in two boxes, with a typed secret.
        find<QComboBox>(u"inspectModeCombo"_s)->setCurrentIndex(1);
        const QByteArray ts = QByteArray::number(QDateTime::currentSecsSinceEpoch());
        paste(find<QPlainTextEdit>(u"inspectHeadersEdit"_s),
              "X-Realtime-Timestamp: " + ts + "\nX-Realtime-Signature: " + signWebhook("typed-secret", ts, Body));
        paste(find<QPlainTextEdit>(u"inspectBodyEdit"_s), Body);
        QTRY_VERIFY2(causes().contains(u"signature_mismatch"_s), qPrintable(causes()));
        page->inspectTab()->secretField()->source()->setCurrentIndex(1);
        Console::type(find<QLineEdit>(u"inspectSecretEdit"_s), u"typed-secret"_s);
        QTRY_VERIFY(verdict().startsWith(u"Valid"_s));
    }

    void inspect_garbageGetsAClearMessage()
    {
        QVERIFY(openPage());
        paste(find<QPlainTextEdit>(u"inspectRawEdit"_s), "X-Realtime-Timestamp 123\n{\"event\":1}");
        QTRY_COMPARE(verdict(), u"Cannot read the request"_s);
        QVERIFY2(causes().contains(u"not a header"_s), qPrintable(causes()));
    }

    void listen_receivesTheSandboxsWebhooksVerified_replaysForwardsAndKeepsThem()
    {
        WebhooksPage *page = openPage();
        QVERIFY(page);
        page->tabs()->setCurrentWidget(page->listenTab());
        m_console->click(u"listenStartButton"_s);
        QTRY_VERIFY(find<QLabel>(u"listenUrlLabel"_s)->text().startsWith(u"http://127.0.0.1:"_s));
        m_console->click(u"listenSandboxButton"_s);
        QCOMPARE(m_console->sandbox.app().webhookUrl, page->listenTab()->receiver()->url());

        RawHttpServer handler;
        QVERIFY(handler.listen());
        Console::type(find<QLineEdit>(u"listenForwardEdit"_s), QString::fromLatin1(handler.baseUrl() + "/forwarded"));
        find<QCheckBox>(u"listenForwardCheck"_s)->click();

        SandboxTesting::WsTestClient client;
        QVERIFY(client.open(m_console->sandbox.server()->websocketUrl(m_console->sandbox.app().key)));
        QVERIFY(client.subscribe(u"chat"_s));
        auto *list = find<QTreeWidget>(u"listenCaptureList"_s);
        QTRY_COMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(1), u"POST"_s);
        QCOMPARE(list->topLevelItem(0)->text(2), u"/webhooks"_s);
        QCOMPARE(list->topLevelItem(0)->text(4), u"valid"_s);
        QTRY_COMPARE(handler.requests().size(), 1);
        QCOMPARE(handler.requests().at(0).target, "/forwarded"_ba);
        QCOMPARE(handler.requests().at(0).body, Body);

        // Selected: shown whole in Inspect.
        list->setCurrentItem(list->topLevelItem(0));
        QVERIFY(page->inspectTab()->inspection().valid);
        QCOMPARE(page->inspectTab()->inspection().events.events.value(0).event, u"channel_occupied"_s);

        // Replayed re-signed to a handler of ours.
        Console::type(find<QLineEdit>(u"listenReplayEdit"_s), QString::fromLatin1(handler.baseUrl() + "/replayed"));
        m_console->click(u"listenReplayButton"_s);
        QTRY_COMPARE(handler.requests().size(), 2);
        const TestSupport::CapturedRequest &replayed = handler.requests().at(1);
        QCOMPARE(replayed.target, "/replayed"_ba);
        QVERIFY(verifyWebhook(replayed.headers, replayed.body, webhookSecret(),
                              {300, QDateTime::currentSecsSinceEpoch()})
                    .valid);
        QTRY_VERIFY(find<QLabel>(u"listenMessageLabel"_s)->text().contains(u"HTTP 200"_s));
        screenshot(m_console->window.get(), u"webhooks-listen"_s);

        // The captures are in history.sqlite: a new console shows them.
        m_console.reset();
        WebhooksPage *again = openPage();
        QVERIFY(again);
        QCOMPARE(find<QTreeWidget>(u"listenCaptureList"_s)->topLevelItemCount(), 1);
        QCOMPARE(again->listenTab()->captures().first().body, Body);
    }

    void compose_signsAndSendsATemplateToAHandler()
    {
        WebhooksPage *page = openPage();
        QVERIFY(page);
        page->tabs()->setCurrentWidget(page->composeTab());
        RawHttpServer handler;
        handler.setResponder([](const TestSupport::CapturedRequest &) {
            return TestSupport::ScriptedResponse{RawHttpServer::response(202, "Accepted", {{"X-Handler", "mine"}}, "thanks"),
                                                 false, false};
        });
        QVERIFY(handler.listen());
        auto *event = find<QComboBox>(u"composeEventCombo"_s);
        event->setCurrentIndex(event->findData(u"member_added"_s));
        Console::type(find<QLineEdit>(u"composeChannelEdit"_s), u"presence-room"_s);
        Console::type(find<QLineEdit>(u"composeUserEdit"_s), u"alice"_s);
        const QByteArray expected = R"({"event":"member_added","channel":"presence-room","user_id":"alice"})";
        QCOMPARE(find<QPlainTextEdit>(u"composeBodyEdit"_s)->toPlainText().toUtf8(), expected);
        QVERIFY(find<QPlainTextEdit>(u"composeCurlView"_s)->toPlainText().contains(u"X-Realtime-Signature: "_s));
        QVERIFY(!find<QPlainTextEdit>(u"composeCurlView"_s)->toPlainText().contains(QString::fromLatin1(webhookSecret())));
        Console::type(find<QLineEdit>(u"composeUrlEdit"_s), QString::fromLatin1(handler.baseUrl() + "/hook"));
        m_console->click(u"composeSendButton"_s);
        QTRY_VERIFY(find<QLabel>(u"composeStatusLabel"_s)->text().startsWith(u"HTTP 202"_s));
        QVERIFY(find<QPlainTextEdit>(u"composeResponseView"_s)->toPlainText().contains(u"thanks"_s));
        QCOMPARE(handler.requests().size(), 1);
        const TestSupport::CapturedRequest &got = handler.requests().first();
        QCOMPARE(got.body, expected);
        QVERIFY(verifyWebhook(got.headers, got.body, webhookSecret(), {300, QDateTime::currentSecsSinceEpoch()}).valid);
        screenshot(m_console->window.get(), u"webhooks-compose"_s);
    }
};

QTEST_MAIN(TestWebhooksPage)
#include "tst_webhookspage.moc"
#include "moc_pagetesting.cpp"
