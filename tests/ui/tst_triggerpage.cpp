// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The Trigger page against the real embedded sandbox: compose, validate, preview, send,
// explain a 401, cancel, templates, the data editor's Format / Minify / raw text.
#include "pagetesting.h"
#include "rawhttpserver.h"

#include "productionguard.h"
#include "session/activeprofile.h"
#include "trigger/responseview.h"
#include "trigger/snippetspanel.h"
#include "trigger/triggerpage.h"
#include "widgets/channelchipeditor.h"
#include "widgets/codeedit.h"
#include "widgets/jsoneditor.h"
#include "widgets/timingwaterfall.h"

#include <apinator/historystore.h>

#include <apinator/crypto.h>

#include <QCheckBox>
#include <QClipboard>
#include <QSignalSpy>
#include <QDateTime>
#include <QFile>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTabWidget>

using namespace UiTest;

class TestTriggerPage : public PageTest
{
    Q_OBJECT

private:

    TriggerPage *openPage()
    {
        m_console = std::make_unique<Console>(m_dir->path());
        m_console->open();
        auto *page = qobject_cast<TriggerPage *>(m_console->window->navigation()->page(u"trigger"_s));
        if (!page)
            return nullptr;
        m_console->window->navigation()->showPage(u"trigger"_s);
        // The sandbox profile's secret is read asynchronously.
        if (!QTest::qWaitFor([&] { return m_console->window->activeProfile()->isReady(); }, 5000))
            return nullptr;
        return page;
    }
    template<typename T = QWidget>
    T *find(const QString &name) const
    {
        return m_console->window->findChild<T *>(name);
    }
    QLineEdit *eventEdit() const { return find<QLineEdit>(u"eventNameEdit"_s); }
    JsonEditor *dataEditor() const { return find<JsonEditor>(u"dataEditor"_s); }
    QString visibleMessage(const QString &name) const
    {
        auto *label = find<QLabel>(name);
        return label && label->isVisible() ? label->text() : QString();
    }
    // keyClicks cannot type a line break: Return does.
    static void typeLines(QWidget *edit, const QString &text)
    {
        const QStringList lines = text.split(u'\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (i > 0)
                QTest::keyClick(edit, Qt::Key_Return);
            QTest::keyClicks(edit, lines.at(i));
        }
    }
    void compose(const QString &event, const QStringList &channels, const QByteArray &data)
    {
        Console::type(eventEdit(), event);
        auto *input = find<QLineEdit>(u"channelInput"_s);
        for (const QString &c : channels) {
            input->setFocus();
            QTest::keyClicks(input, c);
            QTest::keyClick(input, Qt::Key_Return);
        }
        CodeEdit *edit = dataEditor()->editor();
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        typeLines(edit, QString::fromUtf8(data));
    }
    // A profile beside the sandbox's, with its own secret and base URL, made current.
    QString addProfile(const QString &name, const QString &baseUrl, const QByteArray &secret, const QString &key = {})
    {
        Profile p = sampleProfile(name);
        p.appId = m_console->sandbox.app().appId;
        p.key = key.isEmpty() ? m_console->sandbox.app().key : key;
        p.baseUrl = baseUrl;
        if (!m_console->store.add(p).issues.isEmpty())
            return {};
        if (!writeAndWait(*m_console->secrets, p.id, SecretKind::Secret, secret, 5000).isEmpty())
            return {};
        ActiveProfile *active = m_console->window->activeProfile();
        active->select(p.id);
        if (!QTest::qWaitFor([&] { return active->credentials() && active->credentials()->secret == secret; }, 5000))
            return {};
        return p.id;
    }

private Q_SLOTS:

    void composeAndSend_showsAcceptedResponseAndTimings()
    {
        TriggerPage *page = openPage();
        QVERIFY(page);
        compose(u"new-message"_s, {u"chat"_s, u"private-orders"_s}, "{\"text\":\"hi\"}");
        QTRY_VERIFY2(page->blockingReason().isEmpty(), qPrintable(page->blockingReason()));
        auto *send = find<QPushButton>(u"sendButton"_s);
        QVERIFY(send->isEnabled());
        QSignalSpy finished(page, &TriggerPage::sendFinished);
        QTest::mouseClick(send, Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        auto *response = page->findChild<ResponseView *>();
        QVERIFY(response);
        QVERIFY2(response->statusText().startsWith(u"200 "_s), qPrintable(response->statusText()));
        QVERIFY(response->waterfall()->phases().size() >= 2);
        QCOMPARE(response->waterfall()->phases().constLast().name, u"Download"_s);
        // The name just sent heads the recent list, and the request went as composed.
        QCOMPARE(find<QComboBox>(u"eventName"_s)->itemText(0), u"new-message"_s);
        if (HistoryStore *history = m_console->context.history) {
            QTRY_VERIFY2(history->count() == 1, qPrintable(history->lastError()));
            const HistorySummary row = history->rows({}, 0, 1).constFirst();
            QCOMPARE(row.event, u"new-message"_s);
            QCOMPARE(row.channels, QStringList({u"chat"_s, u"private-orders"_s}));
            QCOMPARE(row.status, 200);
        }
        screenshot(m_console->window.get(), u"trigger-sent"_s);
    }

    void ctrlEnter_sends()
    {
        TriggerPage *page = openPage();
        QVERIFY(page);
        compose(u"ping"_s, {u"chat"_s}, "{}");
        QTRY_VERIFY(page->blockingReason().isEmpty());
        QSignalSpy finished(page, &TriggerPage::sendFinished);
        QTest::keyClick(dataEditor()->editor(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(finished.wait(10000));
        QVERIFY(page->findChild<ResponseView *>()->statusText().startsWith(u"200 "_s));
    }

    void validation_showsMessageNextToFieldAndBlocksSend_data()
    {
        QTest::addColumn<QString>("event");
        QTest::addColumn<QStringList>("channels");
        QTest::addColumn<QString>("socketId");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("message");
        QTest::addRow("event name empty") << u""_s << QStringList{u"chat"_s} << u""_s << "{}"_ba << u"eventError"_s
                                          << u"Enter an event name"_s;
        QTest::addRow("no channel") << u"e"_s << QStringList{} << u""_s << "{}"_ba << u"channelsError"_s
                                    << u"Add at least one channel"_s;
        QTest::addRow("channel with a space") << u"e"_s << QStringList{u"bad!name"_s} << u""_s << "{}"_ba
                                              << u"channelsError"_s << u"contains '!' at position 4"_s;
        QTest::addRow("channel too long") << u"e"_s << QStringList{QString(201, u'a')} << u""_s << "{}"_ba
                                          << u"channelsError"_s << u"201 characters; the limit is 200"_s;
        QTest::addRow("socket id malformed") << u"e"_s << QStringList{u"chat"_s} << u"12ab"_s << "{}"_ba
                                             << u"socketIdError"_s << u"is not of the form digits.digits"_s;
        QTest::addRow("data not JSON") << u"e"_s << QStringList{u"chat"_s} << u""_s << "{\n  \"a\": 1,\n}"_ba
                                       << u"jsonStatus"_s << u"line 3, column 1: a trailing ','"_s;
        QTest::addRow("data unclosed string") << u"e"_s << QStringList{u"chat"_s} << u""_s << "{\"a\": \"b}"_ba
                                              << u"jsonStatus"_s << u"line 1, column 10: the string is not closed"_s;
    }
    void validation_showsMessageNextToFieldAndBlocksSend()
    {
        QFETCH(QString, event);
        QFETCH(QStringList, channels);
        QFETCH(QString, socketId);
        QFETCH(QByteArray, data);
        QFETCH(QString, label);
        QFETCH(QString, message);
        TriggerPage *page = openPage();
        QVERIFY(page);
        compose(event.isEmpty() ? u"x"_s : event, {}, "{}");
        if (event.isEmpty())
            Console::type(eventEdit(), {});
        if (!channels.isEmpty()) {
            find<ChannelChipEditor>(u"channels"_s)->setChannels(channels);
        } else {
            // Touch the channels: type one and remove it with Backspace.
            auto *input = find<QLineEdit>(u"channelInput"_s);
            QTest::keyClicks(input, u"chat"_s);
            QTest::keyClick(input, Qt::Key_Return);
            QTest::keyClick(input, Qt::Key_Backspace);
            QCOMPARE(find<ChannelChipEditor>(u"channels"_s)->channels(), QStringList());
        }
        if (!socketId.isEmpty())
            Console::type(find<QLineEdit>(u"socketId"_s), socketId);
        CodeEdit *edit = dataEditor()->editor();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        typeLines(edit, QString::fromUtf8(data));
        QTRY_VERIFY(!dataEditor()->isPending());
        QTRY_VERIFY2(visibleMessage(label).contains(message), qPrintable(visibleMessage(label)));
        auto *send = find<QPushButton>(u"sendButton"_s);
        QVERIFY(!send->isEnabled());
        QVERIFY2(!send->toolTip().isEmpty() && send->toolTip() == page->blockingReason(), qPrintable(send->toolTip()));
        if (label == u"jsonStatus"_s)
            QVERIFY(send->toolTip().contains(u"line "_s));
        if (QByteArrayView(QTest::currentDataTag()) == "data not JSON")
            screenshot(m_console->window.get(), u"trigger-invalid-json"_s);
    }

    void preview_showsSignedRequestWithoutTheSecret()
    {
        TriggerPage *page = openPage();
        QVERIFY(page);
        compose(u"greet"_s, {u"chat"_s}, "{\"a\":1}");
        auto *preview = find<QPlainTextEdit>(u"previewText"_s);
        QTRY_VERIFY(preview->toPlainText().contains(u"\"name\":\"greet\""_s));
        const QString text = preview->toPlainText();
        const QString appId = m_console->sandbox.app().appId;
        QVERIFY(text.startsWith(u"POST "_s + m_console->sandbox.baseUrl() + u"/apps/"_s + appId + u"/events\n"_s));
        QVERIFY(text.contains(u"X-Realtime-Key: "_s + m_console->sandbox.app().key));
        QVERIFY(text.contains(u"X-Realtime-Signature: "_s));
        // The string to sign with its line breaks visible, and the MD5 of the exact body.
        const QByteArray body = "{\"name\":\"greet\",\"data\":\"{\\\"a\\\":1}\",\"channel\":\"chat\"}";
        QVERIFY2(text.contains(u"\\nPOST\\n/apps/"_s + appId + u"/events\\n"_s + QString::fromLatin1(Crypto::md5Hex(body))),
                 qPrintable(text));
        QVERIFY(text.contains(QString::fromUtf8(body)));
        QVERIFY(!text.contains(QString::fromUtf8(m_console->sandbox.app().secret)));
        screenshot(m_console->window.get(), u"trigger-preview"_s);
        // The sizes: data and the whole body.
        QTRY_COMPARE(find<QLabel>(u"jsonSizes"_s)->text(), u"data 7 B · body %1 B"_s.arg(body.size()));
    }

    void formatAndMinify_relayoutKeepingOrder()
    {
        TriggerPage *page = openPage();
        QVERIFY(page);
        compose(u"e"_s, {u"chat"_s}, "{\"z\":1,\"a\":[1,2,{}],\"s\":\"x, y: {z}\"}");
        QTRY_VERIFY(!dataEditor()->isPending());
        QTest::mouseClick(find<QToolButton>(u"jsonFormat"_s), Qt::LeftButton);
        const QByteArray formatted = "{\n  \"z\": 1,\n  \"a\": [\n    1,\n    2,\n    {}\n  ],\n  \"s\": \"x, y: {z}\"\n}";
        QTRY_COMPARE(dataEditor()->data(), formatted);
        QTest::mouseClick(find<QToolButton>(u"jsonMinify"_s), Qt::LeftButton);
        QTRY_COMPARE(dataEditor()->data(), "{\"z\":1,\"a\":[1,2,{}],\"s\":\"x, y: {z}\"}"_ba);
        // Format is one undo step.
        QTest::keyClick(dataEditor()->editor(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(dataEditor()->data(), formatted);
    }

    void format_invalidJson_saysWhyAndKeepsText()
    {
        TriggerPage *page = openPage();
        QVERIFY(page);
        compose(u"e"_s, {u"chat"_s}, "[1 2]");
        QTRY_VERIFY(!dataEditor()->isPending());
        QTest::mouseClick(find<QToolButton>(u"jsonFormat"_s), Qt::LeftButton);
        QTRY_VERIFY(find<QLabel>(u"jsonStatus"_s)->text().startsWith(u"Cannot format: line 1, column 4"_s));
        QCOMPARE(dataEditor()->data(), "[1 2]"_ba);
    }

    void rawText_sendsNonJsonAfterSayingSoOnce()
    {
        TriggerPage *page = openPage();
        QVERIFY(page);
        compose(u"plain"_s, {u"chat"_s}, "hello, not json");
        QTRY_VERIFY(page->blockingReason().contains(u"not valid JSON"_s));
        auto *raw = find<QCheckBox>(u"jsonRawText"_s);
        auto *notice = find<QLabel>(u"jsonRawNotice"_s);
        QVERIFY(!notice->isVisible());
        QTest::mouseClick(raw, Qt::LeftButton);
        QVERIFY(notice->isVisible());
        QTRY_VERIFY2(page->blockingReason().isEmpty(), qPrintable(page->blockingReason()));
        // Off and on again: it was said already.
        QTest::mouseClick(raw, Qt::LeftButton);
        QTest::mouseClick(raw, Qt::LeftButton);
        QVERIFY(!notice->isVisible());
        QVERIFY(find<QLabel>(u"jsonStatus"_s)->text().contains(u"not JSON"_s));
        QSignalSpy finished(page, &TriggerPage::sendFinished);
        page->send();
        QVERIFY(finished.wait(10000));
        QVERIFY(page->findChild<ResponseView *>()->statusText().startsWith(u"200 "_s));
    }

    void templates_saveLoadRenameDelete()
    {
        TriggerPage *page = openPage();
        QVERIFY(page);
        compose(u"order-shipped"_s, {u"private-orders"_s}, "{\"id\":7}");
        QTRY_VERIFY(!dataEditor()->isPending());
        Console::type(find<QLineEdit>(u"templateName"_s), u"shipped"_s);
        QTest::mouseClick(find<QToolButton>(u"templateSave"_s), Qt::LeftButton);
        auto *list = find<QComboBox>(u"templateList"_s);
        QCOMPARE(list->count(), 1);
        QCOMPARE(list->itemText(0), u"shipped"_s);
        // The file holds the event and no secret.
        const QString path = QDir(m_dir->path()).filePath(u"trigger.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        QVERIFY(saved.contains("order-shipped"));
        QVERIFY(!saved.contains(m_console->sandbox.app().secret));
        file.close();

        page->openDraft({u"other"_s, {u"chat"_s}, {}, "[]", false});
        QCOMPARE(eventEdit()->text(), u"other"_s);
        list->setCurrentIndex(0);
        Q_EMIT list->activated(0);
        QCOMPARE(eventEdit()->text(), u"order-shipped"_s);
        QCOMPARE(find<ChannelChipEditor>(u"channels"_s)->channels(), QStringList{u"private-orders"_s});
        QTRY_COMPARE(dataEditor()->data(), "{\"id\":7}"_ba);

        Console::type(find<QLineEdit>(u"templateName"_s), u"shipped v2"_s);
        QTest::mouseClick(find<QToolButton>(u"templateRename"_s), Qt::LeftButton);
        QCOMPARE(list->itemText(0), u"shipped v2"_s);
        QCOMPARE(find<QLabel>(u"templateMessage"_s)->text(), u"Renamed \"shipped\" to \"shipped v2\""_s);
        // Templates survive a restart of the page's store.
        m_console.reset();
        page = openPage();
        QVERIFY(page);
        list = find<QComboBox>(u"templateList"_s);
        QCOMPARE(list->count(), 1);
        list->setCurrentIndex(0);
        QTest::mouseClick(find<QToolButton>(u"templateDelete"_s), Qt::LeftButton);
        QCOMPARE(list->count(), 0);
    }

    void unauthorized_wrongSecret_explainsCausesSecretFirst()
    {
        TriggerPage *page = openPage();
        QVERIFY(page);
        QVERIFY(!addProfile(u"Wrong secret"_s, m_console->sandbox.baseUrl(), "not-the-secret").isEmpty());
        compose(u"e"_s, {u"chat"_s}, "{}");
        QTRY_VERIFY2(page->blockingReason().isEmpty(), qPrintable(page->blockingReason()));
        QSignalSpy finished(page, &TriggerPage::sendFinished);
        page->send();
        QVERIFY(finished.wait(10000));
        auto *response = page->findChild<ResponseView *>();
        QVERIFY2(response->statusText().startsWith(u"401 "_s), qPrintable(response->statusText()));
        QVERIFY(!response->problemText().isEmpty());
        const QStringList causes = response->causes();
        QCOMPARE(causes.size(), 3);
        QVERIFY2(causes.at(0).startsWith(u"Wrong secret for this key"_s), qPrintable(causes.at(0)));
        QVERIFY(causes.at(0).contains(u"\"Wrong secret\""_s));
        QVERIFY(causes.at(1).startsWith(u"Clock skew"_s));
        QVERIFY(causes.at(2).startsWith(u"Body changed after signing"_s));
        QVERIFY(find<QLabel>(u"responseCauses"_s)->isVisible());
        screenshot(m_console->window.get(), u"trigger-401"_s);
    }

    void unauthorized_skewedClock_explainsSkewFirst()
    {
        TriggerPage *page = openPage();
        QVERIFY(page);
        // Twenty minutes slow: past the sandbox's 300 s window, so the server refuses it.
        page->setClock([] { return QDateTime::currentSecsSinceEpoch() - 1200; });
        compose(u"e"_s, {u"chat"_s}, "{}");
        QTRY_VERIFY(page->blockingReason().isEmpty());
        QSignalSpy finished(page, &TriggerPage::sendFinished);
        page->send();
        QVERIFY(finished.wait(10000));
        auto *response = page->findChild<ResponseView *>();
        QVERIFY2(response->statusText().startsWith(u"401 "_s), qPrintable(response->statusText()));
        const QStringList causes = response->causes();
        QVERIFY(!causes.isEmpty());
        QVERIFY2(causes.at(0).startsWith(u"Clock skew: the server's Date header is 12"_s), qPrintable(causes.at(0)));
        QVERIFY(causes.at(0).contains(u"after the timestamp sent"_s));
    }

    void cancel_stopsASendThatGetsNoAnswer()
    {
        TestSupport::RawHttpServer server;
        QVERIFY(server.listen());
        server.setResponder([](const TestSupport::CapturedRequest &) { return TestSupport::ScriptedResponse{{}, true}; });
        TriggerPage *page = openPage();
        QVERIFY(page);
        QVERIFY(!addProfile(u"Silent"_s, QString::fromLatin1(server.baseUrl()), "s3cret").isEmpty());
        compose(u"e"_s, {u"chat"_s}, "{}");
        QTRY_VERIFY(page->blockingReason().isEmpty());
        page->send();
        QTRY_COMPARE(server.requests().size(), 1);
        QVERIFY(page->isSending());
        auto *cancel = find<QPushButton>(u"cancelButton"_s);
        QVERIFY(cancel->isEnabled());
        QVERIFY(!find<QPushButton>(u"sendButton"_s)->isEnabled());
        QCOMPARE(page->blockingReason(), u"A send is in progress"_s);
        QSignalSpy finished(page, &TriggerPage::sendFinished);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(!page->isSending());
        QVERIFY(page->findChild<ResponseView *>()->statusText().startsWith(u"Cancelled"_s));
        QVERIFY(find<QPushButton>(u"sendButton"_s)->isEnabled());
        // A cancelled send is not in the history.
        if (HistoryStore *history = m_console->context.history)
            QCOMPARE(history->count(), 0);
    }

    void productionProfile_asksFirst_cancelSendsNothing()
    {
        TestSupport::RawHttpServer server;
        QVERIFY(server.listen());
        TriggerPage *page = openPage();
        QVERIFY(page);
        const QString id = addProfile(u"Live"_s, QString::fromLatin1(server.baseUrl()), "s3cret");
        QVERIFY(!id.isEmpty());
        Profile live = *m_console->store.findById(id);
        live.environment = Environment::Production;
        QVERIFY(m_console->store.update(live).ok());
        QTRY_VERIFY(m_console->window->activeProfile()->profile()->environment == Environment::Production);
        compose(u"e"_s, {u"chat"_s}, "{}");
        QTRY_VERIFY(page->blockingReason().isEmpty());
        page->send();
        QMessageBox *box = waitForMessageBox(QLatin1StringView(ConfirmSendDialogName));
        QVERIFY(box);
        QVERIFY(box->text().contains(u"Send \"e\" to chat"_s));
        box->button(QMessageBox::Cancel)->click();
        QTest::qWait(200);
        QCOMPARE(server.requests().size(), 0);
        QVERIFY(!page->isSending());
    }

    void openDraft_fillsTheComposer()
    {
        TriggerPage *page = openPage();
        QVERIFY(page);
        page->openDraft({u"from-history"_s, {u"a"_s, u"presence-room"_s}, u"1.2"_s, "\"text\"", true});
        QCOMPARE(eventEdit()->text(), u"from-history"_s);
        QCOMPARE(find<ChannelChipEditor>(u"channels"_s)->channels(), QStringList({u"a"_s, u"presence-room"_s}));
        QCOMPARE(find<QLineEdit>(u"socketId"_s)->text(), u"1.2"_s);
        QVERIFY(find<QCheckBox>(u"jsonRawText"_s)->isChecked());
        QTRY_VERIFY(page->blockingReason().isEmpty());
        const TriggerDraft d = page->draft();
        QCOMPARE(d.data, "\"text\""_ba);
        // The chips say their type.
        auto *chips = find<ChannelChipEditor>(u"channels"_s);
        QCOMPARE(chips->chip(1)->accessibleName(), u"Channel presence-room, presence"_s);
        QCOMPARE(chips->chip(0)->accessibleName(), u"Channel a, public"_s);
    }

    void snippets_followTheComposer()
    {
        TriggerPage *page = openPage();
        QVERIFY(page);
        compose(u"snip"_s, {u"chat"_s}, "{\"a\":1}");
        QTRY_VERIFY(page->blockingReason().isEmpty());
        find<QTabWidget>(u"triggerTabs"_s)->setCurrentIndex(2);
        auto *panel = page->findChild<SnippetsPanel *>();
        auto *text = find<QPlainTextEdit>(u"snippetText"_s);
        QTRY_VERIFY2(text->toPlainText().contains(m_console->sandbox.baseUrl()), qPrintable(text->toPlainText()));
        QVERIFY(text->toPlainText().contains(u"openssl dgst"_s));
        QVERIFY(text->toPlainText().contains(u"\"name\":\"snip\""_s));
        QVERIFY(!text->toPlainText().contains(QString::fromUtf8(m_console->sandbox.app().secret)));
        panel->setLanguage(SnippetLanguage::Python);
        QVERIFY(text->toPlainText().contains(u"client.host"_s));
        QTest::mouseClick(find<QPushButton>(u"snippetCopy"_s), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), text->toPlainText());
        screenshot(m_console->window.get(), u"trigger-snippets"_s);
    }
};

QTEST_MAIN(TestTriggerPage)
#include "tst_triggerpage.moc"
#include "moc_pagetesting.cpp"
