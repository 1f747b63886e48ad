// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The Auth page's three tabs, driven like a user on the offscreen platform.
#include "pagetesting.h"

#include "auth/authpage.h"
#include "auth/copyfield.h"
#include "auth/endpointtab.h"
#include "auth/inspecttab.h"
#include "auth/signtab.h"
#include "auth/verdictview.h"
#include "rawhttpserver.h"
#include "session/activeprofile.h"
#include "widgets/bytediffview.h"

#include <apinator/names.h>

#include <QClipboard>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTextEdit>

using namespace UiTest;
using TestSupport::CapturedRequest;
using TestSupport::RawHttpServer;
using TestSupport::ScriptedResponse;

namespace {

QByteArray hmac(const QByteArray &secret, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, secret, QCryptographicHash::Sha256).toHex();
}

void typeText(QPlainTextEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

} // namespace

class TestAuthPage : public PageTest
{
    Q_OBJECT

private:
    QByteArray m_key;
    QByteArray m_secret;

    AuthPage *openPage()
    {
        m_console = std::make_unique<Console>(m_dir->path());
        m_console->open();
        // A profile of our own, selected, with a known secret.
        Profile dev = sampleProfile(u"Dev"_s);
        if (!m_console->store.add(dev).issues.isEmpty())
            return nullptr;
        m_key = dev.key.toUtf8();
        m_secret = "dev-s3cret-1";
        if (!writeAndWait(*m_console->secrets, dev.id, SecretKind::Secret, m_secret, 5000).isEmpty())
            return nullptr;
        ActiveProfile *active = m_console->window->activeProfile();
        active->select(dev.id);
        if (!QTest::qWaitFor([&] { return active->credentials() && active->credentials()->secret == m_secret; }, 5000))
            return nullptr;
        auto *page = qobject_cast<AuthPage *>(m_console->window->navigation()->page(u"auth"_s));
        if (!page) {
            qWarning("no Auth page: %s", qPrintable(m_console->window->navigation()->pageIds().join(u',')));
            return nullptr;
        }
        m_console->window->navigation()->showPage(u"auth"_s);
        if (!QTest::qWaitFor([&] { return page->keys().usable(); }, 5000)) {
            qWarning("keys not usable: %s", qPrintable(page->keys().problem));
            return nullptr;
        }
        return page;
    }
    template<typename T = QWidget>
    T *find(const QString &name) const
    {
        return m_console->window->findChild<T *>(name);
    }
    QString visibleMessage(const QString &name) const
    {
        auto *label = find<QLabel>(name);
        return label && label->isVisible() ? label->text() : QString();
    }

private Q_SLOTS:

    void byteDiff_escapesInvisibleBytesAndFindsTheRange_data()
    {
        QTest::addColumn<QByteArray>("expected");
        QTest::addColumn<QByteArray>("other");
        QTest::addColumn<QString>("otherShown");
        QTest::addColumn<int>("highlightedExpected");
        QTest::addColumn<int>("highlightedOther");
        QTest::addRow("equal") << "1.2:private-a"_ba << "1.2:private-a"_ba << u"1.2:private-a"_s << 0 << 0;
        QTest::addRow("trailing CR LF") << "1.2:c"_ba << "1.2\r\n:c"_ba << u"1.2\\r\\n:c"_s << 0 << 2;
        QTest::addRow("tab for a space") << "a b"_ba << "a\tb"_ba << u"a\\tb"_s << 1 << 1;
        QTest::addRow("non-ASCII as bytes") << "{\"n\":\"\\u00eb\"}"_ba << u"{\"n\":\"ë\"}"_s.toUtf8()
                                            << u"{\"n\":\"\\xC3\\xAB\"}"_s << 6 << 2;
    }
    void byteDiff_escapesInvisibleBytesAndFindsTheRange()
    {
        QFETCH(QByteArray, expected);
        QFETCH(QByteArray, other);
        QFETCH(QString, otherShown);
        QFETCH(int, highlightedExpected);
        QFETCH(int, highlightedOther);
        ByteDiffView view;
        view.setBytes(expected, other, u"expected"_s, u"signed"_s);
        QCOMPARE(ByteDiffView::escaped(other), otherShown);
        QCOMPARE(int(view.highlightedExpected()), highlightedExpected);
        QCOMPARE(int(view.highlightedOther()), highlightedOther);
    }

    void page_isRegisteredAtOrder30WithThreeTabs()
    {
        AuthPage *page = openPage();
        QVERIFY(page);
        QVERIFY(m_console->window->navigation()->pageIds().contains(u"auth"_s));
        QCOMPARE(page->tabs()->count(), 3);
        QCOMPARE(m_console->window->navigation()->currentId(), u"auth"_s);
    }

    void sign_presence_validatesEachFieldThenSigns()
    {
        AuthPage *page = openPage();
        QVERIFY(page);
        SignTab *sign = page->signTab();
        Console::type(find<QLineEdit>(u"signSocketId"_s), u"12"_s);
        QVERIFY2(visibleMessage(u"signSocketIdError"_s).contains(u"ocket id"_s), qPrintable(visibleMessage(u"signSocketIdError"_s)));
        Console::type(find<QLineEdit>(u"signSocketId"_s), u"1234.5678"_s);
        QCOMPARE(visibleMessage(u"signSocketIdError"_s), QString());
        Console::type(find<QLineEdit>(u"signChannel"_s), u"presence room"_s);
        QVERIFY(!visibleMessage(u"signChannelError"_s).isEmpty());
        Console::type(find<QLineEdit>(u"signChannel"_s), u"presence-room"_s);
        QCOMPARE(visibleMessage(u"signChannelError"_s), QString());
        // Presence without a user id: no channel_data, so nothing to sign yet.
        QVERIFY(visibleMessage(u"signChannelDataError"_s).contains(u"user id"_s));
        QVERIFY(sign->signatureField()->value().isEmpty());
        QVERIFY(!sign->authField()->copyButton()->isEnabled());

        Console::type(find<QLineEdit>(u"signUserId"_s), u"u-1"_s);
        typeText(find<QPlainTextEdit>(u"signUserInfo"_s), u"[1]"_s);
        QVERIFY(visibleMessage(u"signChannelDataError"_s).contains(u"JSON object"_s));
        typeText(find<QPlainTextEdit>(u"signUserInfo"_s), u"{\"name\": \"Alice\"}"_s);
        QCOMPARE(visibleMessage(u"signChannelDataError"_s), QString());

        const QByteArray data = "{\"user_id\":\"u-1\",\"user_info\":{\"name\":\"Alice\"}}";
        const QByteArray stringToSign = "1234.5678:presence-room:" + data;
        QCOMPARE(sign->stringToSignField()->value(), stringToSign);
        QCOMPARE(sign->signatureField()->value(), hmac(m_secret, stringToSign));
        QCOMPARE(sign->authField()->value(), m_key + ':' + hmac(m_secret, stringToSign));
        const QJsonObject response = QJsonDocument::fromJson(sign->responseField()->value()).object();
        QCOMPARE(response[u"channel_data"].toString().toUtf8(), data);
        QCOMPARE(response[u"auth"].toString().toUtf8(), m_key + ':' + hmac(m_secret, stringToSign));
        // The copy button copies the exact bytes.
        QTest::mouseClick(sign->authField()->copyButton(), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text().toUtf8(), sign->authField()->value());
        screenshot(m_console->window.get(), u"auth-sign"_s);

        // Raw channel_data is signed byte for byte, and checked by the JS client's rules.
        QTest::mouseClick(find<QRadioButton>(u"signRawMode"_s), Qt::LeftButton);
        typeText(find<QPlainTextEdit>(u"signRawChannelData"_s), u"{\"user_id\":7}"_s);
        QVERIFY(visibleMessage(u"signChannelDataError"_s).contains(u"must be a string"_s));
        typeText(find<QPlainTextEdit>(u"signRawChannelData"_s), u"{\"user_id\": \"u-2\"}"_s);
        QCOMPARE(sign->signatureField()->value(), hmac(m_secret, "1234.5678:presence-room:{\"user_id\": \"u-2\"}"));
    }

    void inspect_otherProfilesSecret_namedWithBytes()
    {
        AuthPage *page = openPage();
        QVERIFY(page);
        // A second saved profile whose secret signed the answer.
        Profile staging = sampleProfile(u"Staging"_s);
        staging.key = u"staging_key"_s;
        QVERIFY(m_console->store.add(staging).issues.isEmpty());
        const QByteArray stagingSecret = "staging-s3cret";
        QCOMPARE(writeAndWait(*m_console->secrets, staging.id, SecretKind::Secret, stagingSecret, 5000), QString());
        m_console->window->activeProfile()->reload();
        const auto hasStaging = [page] {
            for (const AuthProfileKeys &other : page->keys().others)
                if (other.name == u"Staging")
                    return true;
            return false;
        };
        QVERIFY(QTest::qWaitFor(hasStaging, 5000));

        page->tabs()->setCurrentWidget(page->inspectTab());
        Console::type(find<QLineEdit>(u"inspectSocketId"_s), u"1234.5678"_s);
        Console::type(find<QLineEdit>(u"inspectChannel"_s), u"private-orders"_s);
        const QByteArray answer = "{\"auth\":\"" + m_key + ':' + hmac(stagingSecret, "1234.5678:private-orders") + "\"}";
        typeText(find<QPlainTextEdit>(u"inspectPasted"_s), QString::fromUtf8(answer));
        VerdictView *verdict = page->inspectTab()->verdict();
        QVERIFY2(verdict->causeCodes() == QStringList{u"secret_of_other_profile"_s}, qPrintable(verdict->verdictText()));
        QVERIFY(verdict->verdictText().startsWith(u"Invalid"_s));
        QVERIFY(find<QLabel>(u"inspectCauses"_s)->text().contains(u"Staging"_s));

        // A socket id read with its newline: the byte view highlights the extra byte.
        const QByteArray newline = "{\"auth\":\"" + m_key + ':' + hmac(m_secret, "1234.5678\n:private-orders") + "\"}";
        typeText(find<QPlainTextEdit>(u"inspectPasted"_s), QString::fromUtf8(newline));
        QCOMPARE(verdict->causeCodes(), QStringList{u"socket_id_differs"_s});
        QCOMPARE(verdict->bytes()->highlightedExpected(), 0);
        QCOMPARE(verdict->bytes()->highlightedOther(), 1);
        QVERIFY(verdict->bytes()->toPlainText().contains(u"1234.5678\\n:private-orders"_s));
        screenshot(m_console->window.get(), u"auth-inspect"_s);

        // The right answer is valid.
        const QByteArray good = "{\"auth\":\"" + m_key + ':' + hmac(m_secret, "1234.5678:private-orders") + "\"}";
        typeText(find<QPlainTextEdit>(u"inspectPasted"_s), QString::fromUtf8(good));
        QCOMPARE(verdict->causeCodes(), QStringList());
        QVERIFY(verdict->verdictText().startsWith(u"Valid"_s));
    }

    void endpoint_send_showsExchangeAndVerdict()
    {
        AuthPage *page = openPage();
        QVERIFY(page);
        RawHttpServer server;
        QVERIFY(server.listen());
        const QByteArray key = m_key, secret = m_secret;
        // Signs presence without channel_data, the classic mistake.
        server.setResponder([key, secret](const CapturedRequest &r) {
            const QJsonObject body = QJsonDocument::fromJson(r.body).object();
            const QByteArray base = body[u"socket_id"].toString().toUtf8() + ':' + body[u"channel_name"].toString().toUtf8();
            QJsonObject answer{{u"auth"_s, QString::fromUtf8(key + ':' + hmac(secret, base))},
                               {u"channel_data"_s, u"{\"user_id\":\"u-1\"}"_s}};
            return ScriptedResponse{RawHttpServer::response(200, "OK", {{"Content-Type", "application/json"}},
                                                            QJsonDocument(answer).toJson(QJsonDocument::Compact)),
                                    false, false};
        });
        page->tabs()->setCurrentWidget(page->endpointTab());
        auto *socketId = find<QLineEdit>(u"endpointSocketId"_s);
        const QString synthetic = socketId->text();
        QVERIFY(Names::isValidSocketId(synthetic));
        m_console->click(u"endpointNewSocketId"_s);
        QVERIFY(socketId->text() != synthetic && Names::isValidSocketId(socketId->text()));
        QVERIFY(!find<QPushButton>(u"endpointSend"_s)->isEnabled());
        Console::type(find<QLineEdit>(u"endpointUrl"_s), QString::fromUtf8(server.baseUrl() + "/pusher/auth"));
        Console::type(find<QLineEdit>(u"endpointChannel"_s), u"presence-room"_s);
        typeText(find<QPlainTextEdit>(u"endpointHeaders"_s), u"Cookie: session=abc"_s);
        QCOMPARE(visibleMessage(u"endpointHeadersError"_s), QString());

        QSignalSpy finished(page->endpointTab(), &EndpointTab::finished);
        m_console->click(u"endpointSend"_s);
        QVERIFY(finished.wait(10000));
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(server.requests().first().header("Cookie"), "session=abc"_ba);
        QVERIFY(find<QPlainTextEdit>(u"endpointRequest"_s)->toPlainText().contains(u"\"channel_name\":\"presence-room\""_s));
        QVERIFY2(find<QLabel>(u"endpointStatus"_s)->text().startsWith(u"HTTP 200"_s),
                 qPrintable(find<QLabel>(u"endpointStatus"_s)->text()));
        QVERIFY(find<QPlainTextEdit>(u"endpointResponse"_s)->toPlainText().contains(u"channel_data"_s));
        QCOMPARE(page->endpointTab()->verdict()->causeCodes(), QStringList{u"signed_without_channel_data"_s});
        screenshot(m_console->window.get(), u"auth-endpoint"_s);

        // "Open in Inspect" carries the answer over with its socket id and channel.
        m_console->click(u"endpointToInspect"_s);
        QCOMPARE(page->tabs()->currentWidget(), page->inspectTab());
        QCOMPARE(page->inspectTab()->verdict()->causeCodes(), QStringList{u"signed_without_channel_data"_s});
    }

    void endpoint_badHeaderLine_blocksSend()
    {
        AuthPage *page = openPage();
        QVERIFY(page);
        page->tabs()->setCurrentWidget(page->endpointTab());
        Console::type(find<QLineEdit>(u"endpointUrl"_s), u"http://127.0.0.1:9/auth"_s);
        Console::type(find<QLineEdit>(u"endpointChannel"_s), u"private-a"_s);
        QVERIFY(find<QPushButton>(u"endpointSend"_s)->isEnabled());
        typeText(find<QPlainTextEdit>(u"endpointHeaders"_s), u"no colon here"_s);
        QVERIFY(visibleMessage(u"endpointHeadersError"_s).contains(u"Line 1"_s));
        QVERIFY(!find<QPushButton>(u"endpointSend"_s)->isEnabled());
    }
};

QTEST_MAIN(TestAuthPage)
#include "tst_authpage.moc"
#include "moc_pagetesting.cpp"
