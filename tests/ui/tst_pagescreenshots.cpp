// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// Every registered page, shown against the embedded sandbox after some sample traffic (a
// subscriber on "chat", a trigger sent from the Trigger page), must render something: more
// than one flat colour and some visible widgets. With APINATOR_UI_SCREENSHOTS=DIR each page
// is saved as DIR/page-<page id>.png; docs/screenshots/update.sh runs this to refresh the README.
#include "pagetesting.h"
#include "triggercompose.h"

#include <apinator/credentials.h>

#include <QImage>
#include <QSet>
#include <QSignalSpy>
#include <QWebSocket>

using namespace UiTest;

class TestPageScreenshots : public PageTest
{
    Q_OBJECT

private:
    template<typename T = QWidget>
    T *find(const QString &name) const
    {
        return m_console->window->findChild<T *>(name);
    }

    // A WebSocket client subscribed to a public channel, so the channel is occupied.
    bool subscribe(QWebSocket &socket, const QString &channel)
    {
        Credentials credentials;
        credentials.key = m_console->sandbox.app().key;
        credentials.baseUrl = m_console->sandbox.baseUrl();
        QSignalSpy established(&socket, &QWebSocket::textMessageReceived);
        socket.open(QUrl(credentials.websocketUrl()));
        if (!established.wait(5000)) {
            qWarning("no connection to %s: %s", qPrintable(socket.requestUrl().toString()),
                     qPrintable(socket.errorString()));
            return false;
        }
        QSignalSpy answered(&socket, &QWebSocket::textMessageReceived);
        socket.sendTextMessage(u"{\"event\":\"realtime:subscribe\",\"data\":{\"channel\":\""_s + channel + u"\"}}"_s);
        if (!answered.wait(5000))
            return false;
        const QString answer = answered.constFirst().constFirst().toString();
        if (!answer.contains(u"subscription_succeeded"_s))
            qWarning("the sandbox answered the subscription with %s", qPrintable(answer));
        return answer.contains(u"subscription_succeeded"_s);
    }

    // Sends one event from the Trigger page, as a user does: it fills the Trigger page's
    // response and the history.
    bool sendFromTriggerPage()
    {
        if (!composeTrigger(*m_console, u"new-message"_s, {u"chat"_s},
                            u"{\"text\":\"hello from the README\",\"from\":\"ada\"}"_s))
            return false;
        auto *send = find<QPushButton>(u"sendButton"_s);
        if (!QTest::qWaitFor([send] { return send->isEnabled(); }, 5000))
            return false;
        QTest::mouseClick(send, Qt::LeftButton);
        return QTest::qWaitFor([this] { return m_console->history.count() > 0; }, 10000);
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
    void everyPage_rendersSomethingAfterSampleTraffic()
    {
        m_console = std::make_unique<Console>(m_dir->path());
        QVERIFY(openWithSandbox(*m_console));
        m_console->window->resize(1100, 720);
        QWebSocket subscriber;
        QVERIFY2(subscribe(subscriber, u"chat"_s), "the subscriber could not join chat");
        QVERIFY2(sendFromTriggerPage(), "the Trigger page did not send");

        Navigation *navigation = m_console->window->navigation();
        const QStringList ids = navigation->pageIds();
        for (const char *expected : {"trigger", "channels", "auth", "webhooks", "history", "profiles"})
            QVERIFY2(ids.contains(QLatin1StringView(expected)), expected);
        for (const QString &id : ids) {
            QVERIFY2(navigation->showPage(id), qPrintable(id));
            // Pages that fetch on show (Channels) get their answer from the sandbox.
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
        subscriber.close();
    }
};

QTEST_MAIN(TestPageScreenshots)
#include "tst_pagescreenshots.moc"
#include "moc_pagetesting.cpp"
