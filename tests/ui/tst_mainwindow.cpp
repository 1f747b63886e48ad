// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The window as a whole: the embedded default, the status bar, navigation and keyboard,
// layout persistence, recovery from a corrupt profiles file, About.
#include "consolefixture.h"
#include "session/activeprofile.h"
#include "rawhttpserver.h"

#include "aboutdialog.h"
#include "widgets/icons.h"
#include "profiles/profileswitcher.h"

#include <apinator/crypto.h>

#include <QButtonGroup>
#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QRadioButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QStackedWidget>
#include <QTcpServer>
#include <QUrl>

using namespace UiTest;

namespace {
// Adds a profile at baseUrl (secret "s"), selects it and presses Test connection.
void startTestConnection(UiTest::Console &c, const QString &name, const QString &baseUrl)
{
    Profile p = sampleProfile(name);
    p.cluster.clear();
    p.baseUrl = baseUrl;
    QVERIFY(c.store.add(p).ok());
    QVERIFY(writeAndWait(*c.secrets, p.id, SecretKind::Secret, "s"_ba).isEmpty());
    QVERIFY(c.window->profileActions()->select(p.id));
    QTRY_VERIFY(c.form()->secretsLoaded());
    c.click(u"testConnectionButton"_s);
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QVERIFY(m_dir.emplace().isValid()); }
    void cleanup() { m_dir.reset(); }

    void firstRun_startsSandboxAndSelectsLocalSandboxProfile()
    {
        Console c(m_dir->path());
        c.open();
        QVERIFY(c.sandbox.isRunning());
        QCOMPARE(c.store.count(), 1);
        const Profile p = c.store.profiles().constFirst();
        QCOMPARE(p.name, u"Local sandbox"_s);
        QVERIFY(p.embeddedSandbox);
        QCOMPARE(p.environment, Environment::Sandbox);
        QCOMPARE(p.baseUrl, Profile::sandboxBaseUrl(c.sandbox.port()));
        QCOMPARE(c.sidebar()->currentId(), p.id);
        QCOMPARE(c.window->statusBarView()->profileText(), u"Local sandbox"_s);
        QCOMPARE(c.window->statusBarView()->urlText(), c.sandbox.baseUrl());
        QCOMPARE(c.window->statusBarView()->sandboxText(), u"Sandbox on 127.0.0.1:%1"_s.arg(c.sandbox.port()));
        // Its credentials are on the profile: the app id, the key, and the secret behind the eye button.
        QCOMPARE(c.edit(u"appIdEdit"_s)->text(), c.sandbox.app().appId);
        QCOMPARE(c.edit(u"keyEdit"_s)->text(), c.sandbox.app().key);
        QCOMPARE(c.edit(u"secretEdit"_s)->text().toUtf8(), c.sandbox.app().secret);
        QVERIFY(c.find<MessageBar>(u"sandboxNote"_s)->text().contains(QString::number(c.sandbox.port())));
        // The sandbox's secrets were stored like any profile's, for apinatorctl --profile.
        QTRY_COMPARE(c.secretOf(p.id).value, c.sandbox.app().secret);
        // The pages sign with them without the profile being selected again.
        ActiveProfile *active = c.window->activeProfile();
        QCOMPARE(active->id(), p.id);
        QTRY_VERIFY(active->credentials() && active->credentials()->secret == c.sandbox.app().secret);
    }

    void sandboxProfileWithoutSecrets_secretsWrittenAtStart()
    {
        {
            ProfileStore seed(QDir(m_dir->path()).filePath(u"profiles.json"_s));
            QVERIFY(seed.add(Profile::localSandbox(EmbeddedSandbox::DefaultPort, u"local"_s, u"local-key"_s)).ok());
        }
        Console c(m_dir->path());
        c.open();
        const QString id = c.store.profiles().constFirst().id;
        QTRY_COMPARE(c.secretOf(id).value, c.sandbox.app().secret);
        QCOMPARE(c.secretOf(id, SecretKind::WebhookSecret).value, c.sandbox.app().webhookSecret);
    }

    void firstRun_defaultPortTaken_usesAFreePort()
    {
        QTcpServer squatter;
        const bool squatting = squatter.listen(QHostAddress::LocalHost, EmbeddedSandbox::DefaultPort);
        // Taken by us or by someone else: either way the sandbox must go elsewhere.
        Console c(m_dir->path());
        c.open();
        QVERIFY(c.sandbox.isRunning());
        QVERIFY(c.sandbox.port() != EmbeddedSandbox::DefaultPort);
        QCOMPARE(c.store.profiles().constFirst().baseUrl, Profile::sandboxBaseUrl(c.sandbox.port()));
        Q_UNUSED(squatting);
    }

    void sandboxProfileSaved_sandboxStartsOnItsPort()
    {
        QTcpServer probe; // a free port, released before the console starts
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        {
            ProfileStore seed(QDir(m_dir->path()).filePath(u"profiles.json"_s));
            QVERIFY(seed.add(sampleProfile(u"Staging"_s, Environment::Staging)).ok());
            QVERIFY(seed.add(Profile::localSandbox(port, u"local"_s, u"local-key"_s)).ok());
        }
        Console c(m_dir->path());
        c.open();
        QCOMPARE(c.store.count(), 2); // nothing created: there were profiles
        QVERIFY(c.sandbox.isRunning());
        QCOMPARE(c.sandbox.port(), port);
    }

    void noSandboxProfile_statusSaysStoppedWithReason()
    {
        {
            ProfileStore seed(QDir(m_dir->path()).filePath(u"profiles.json"_s));
            QVERIFY(seed.add(sampleProfile(u"Staging"_s, Environment::Staging)).ok());
        }
        Console c(m_dir->path());
        c.open();
        QVERIFY(!c.sandbox.isRunning());
        QCOMPARE(c.window->statusBarView()->sandboxText(), u"Sandbox stopped: no profile uses it"_s);
        QCOMPARE(c.window->statusBarView()->profileText(), u"Staging"_s);
        QCOMPARE(c.window->statusBarView()->urlText(), u"https://ws-eu.apinator.io"_s);
    }

    void testConnection_localSandbox_isGreenOffline()
    {
        Console c(m_dir->path());
        c.open();
        QTRY_VERIFY(c.form()->secretsLoaded());
        ConnectionResultView *result = c.page()->connectionView();
        // Before a test: the headline alone; what the test proves is the button's tooltip.
        QCOMPARE(result->headline(), u"Not tested yet"_s);
        QVERIFY(result->details().isEmpty());
        auto *details = result->findChild<QLabel *>(u"connectionDetails"_s);
        QVERIFY(details && details->isHidden());
        auto *button = c.window->findChild<QPushButton *>(u"testConnectionButton"_s);
        QVERIFY(button && button->toolTip().contains(u"the key and the secret together"_s));
        c.click(u"testConnectionButton"_s);
        QTRY_COMPARE_WITH_TIMEOUT(result->state(), ConnectionResultView::State::Succeeded, 10000);
        QVERIFY(!details->isHidden());
        QCOMPARE(result->headline(), u"Connected"_s);
        QVERIFY2(result->details().startsWith(u"HTTP 200 OK · "_s), qPrintable(result->details()));
        QVERIFY2(result->details().contains(u" ms"_s), qPrintable(result->details()));
        QVERIFY2(result->details().contains(u"0 occupied channels"_s), qPrintable(result->details()));
        // The sandbox sends a Date header: the skew is measured and, on one machine, harmless.
        QVERIFY2(result->skewText().startsWith(u"Clock skew"_s), qPrintable(result->skewText()));
        QVERIFY(!result->skewWarningShown());
        screenshot(c.window.get(), u"test-connection-green"_s);
    }

    void testConnection_wrongSecret_showsStatusAndProblemDetail()
    {
        Console c(m_dir->path());
        c.open();
        Profile wrong = sampleProfile(u"Wrong secret"_s);
        wrong.cluster.clear();
        wrong.appId = c.sandbox.app().appId;
        wrong.key = c.sandbox.app().key;
        wrong.baseUrl = c.sandbox.baseUrl();
        QVERIFY(c.store.add(wrong).ok());
        QVERIFY(writeAndWait(*c.secrets, wrong.id, SecretKind::Secret, "not-the-secret"_ba).isEmpty());
        QVERIFY(c.window->profileActions()->select(wrong.id));
        QTRY_VERIFY(c.form()->secretsLoaded());
        c.click(u"testConnectionButton"_s);
        ConnectionResultView *result = c.page()->connectionView();
        QTRY_COMPARE_WITH_TIMEOUT(result->state(), ConnectionResultView::State::Failed, 10000);
        const QStringList lines = result->details().split(u'\n');
        QVERIFY2(lines.value(0).startsWith(u"HTTP 401"_s), qPrintable(result->details()));
        // The second line is the problem's detail, as the server worded it.
        QVERIFY2(lines.size() >= 2 && !lines.at(1).isEmpty(), qPrintable(result->details()));
        QVERIFY(!result->details().contains(u"not-the-secret"_s));
    }

    void testConnection_noServer_saysNoAnswer()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const QString deadUrl = u"http://127.0.0.1:%1"_s.arg(probe.serverPort());
        probe.close();
        Console c(m_dir->path());
        c.open();
        startTestConnection(c, u"Nobody home"_s, deadUrl);
        if (QTest::currentTestFailed())
            return;
        ConnectionResultView *result = c.page()->connectionView();
        QTRY_COMPARE_WITH_TIMEOUT(result->state(), ConnectionResultView::State::Failed, 10000);
        QCOMPARE(result->headline(), u"No answer from the server"_s);
        QVERIFY2(result->details().contains(deadUrl), qPrintable(result->details()));
    }

    void testConnection_serverClockAhead_warnsPast30Seconds_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<bool>("warning");
        QTest::addRow("ahead 2 min") << qint64(120) << true;
        QTest::addRow("behind 45 s") << qint64(-45) << true;
        QTest::addRow("ahead 10 s") << qint64(10) << false;
    }

    void testConnection_serverClockAhead_warnsPast30Seconds()
    {
        QFETCH(qint64, offset);
        QFETCH(bool, warning);
        // A server whose Date header is off by `offset` seconds.
        TestSupport::RawHttpServer server;
        QVERIFY(server.listen());
        server.setResponder([offset](const TestSupport::CapturedRequest &) {
            const QByteArray date = QLocale::c()
                                        .toString(QDateTime::currentDateTimeUtc().addSecs(offset),
                                                  u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s)
                                        .toLatin1();
            return TestSupport::ScriptedResponse{
                TestSupport::RawHttpServer::response(200, "OK", {{"Date"_ba, date}}, R"({"channels":[]})"), false,
                false};
        });
        Console c(m_dir->path());
        c.open();
        startTestConnection(c, u"Skewed"_s, QString::fromLatin1(server.baseUrl()));
        if (QTest::currentTestFailed())
            return;
        ConnectionResultView *result = c.page()->connectionView();
        QTRY_COMPARE_WITH_TIMEOUT(result->state(), ConnectionResultView::State::Succeeded, 10000);
        QCOMPARE(result->skewWarningShown(), warning);
        // The amount within a second (the clock ticks between the answer and the check), and the direction.
        const QString text = result->skewText();
        const QRegularExpressionMatch m = QRegularExpression(u"(\\d+) s (ahead|behind)"_s).match(text);
        QVERIFY2(m.hasMatch(), qPrintable(text));
        QVERIFY2(qAbs(m.captured(1).toLongLong() - qAbs(offset)) <= 1, qPrintable(text));
        QCOMPARE(m.captured(2), offset > 0 ? u"ahead"_s : u"behind"_s);
        QCOMPARE(text.contains(u"NTP"_s), warning);
    }

    void testConnection_problemDocument_showsItsDetail()
    {
        TestSupport::RawHttpServer server;
        QVERIFY(server.listen());
        server.setResponder([](const TestSupport::CapturedRequest &) {
            return TestSupport::ScriptedResponse{
                TestSupport::RawHttpServer::response(
                    403, "Forbidden", {{"Content-Type"_ba, "application/problem+json"_ba}},
                    R"({"type":"about:blank","title":"Forbidden","status":403,"detail":"app 123 is disabled"})"),
                false, false};
        });
        Console c(m_dir->path());
        c.open();
        startTestConnection(c, u"Disabled app"_s, QString::fromLatin1(server.baseUrl()));
        if (QTest::currentTestFailed())
            return;
        ConnectionResultView *result = c.page()->connectionView();
        QTRY_COMPARE_WITH_TIMEOUT(result->state(), ConnectionResultView::State::Failed, 10000);
        QCOMPARE(result->headline(), u"The server refused the request"_s);
        const QStringList lines = result->details().split(u'\n');
        QVERIFY2(lines.value(0).startsWith(u"HTTP 403 Forbidden · "_s), qPrintable(result->details()));
        QCOMPARE(lines.value(1), u"app 123 is disabled"_s);
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(server.requests().constFirst().target, "/apps/123/channels"_ba);
    }

    void corruptProfilesFile_movedAsideAndToldInTheWindow()
    {
        const QString path = QDir(m_dir->path()).filePath(u"profiles.json"_s);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("{\"profiles\": [ this is not JSON");
        }
        Console c(m_dir->path());
        c.open();
        MessageBar *messages = c.window->messages();
        QVERIFY(messages->isVisible());
        QCOMPARE(messages->kind(), MessageBar::Kind::Error);
        const QStringList aside = QDir(m_dir->path()).entryList({u"profiles.json.corrupt-*"_s}, QDir::Files);
        QCOMPARE(aside.size(), 1);
        QVERIFY2(messages->text().contains(aside.constFirst()), qPrintable(messages->text()));
        // The console started anyway, with its embedded default.
        QCOMPARE(c.names(), QStringList{u"Local sandbox"_s});
        QVERIFY(c.sandbox.isRunning());
    }

    void layout_restoredOnNextStart()
    {
        QList<int> sizes;
        QByteArray geometry;
        {
            Console c(m_dir->path());
            c.open();
            c.window->resize(700, 500);
            c.window->splitter()->setSizes({240, 440});
            sizes = c.window->splitter()->sizes();
            geometry = c.window->saveGeometry();
            c.window->close();
        }
        Console c(m_dir->path());
        c.open();
        QCOMPARE(c.window->size(), QSize(700, 500));
        QCOMPARE(c.window->splitter()->sizes(), sizes);
        QCOMPARE(c.window->navigation()->currentId(), u"profiles"_s);
        QCOMPARE(c.settings.lastProfileId(), c.store.profiles().constFirst().id);
    }

    void layout_notWrittenWithoutClose()
    {
        {
            Console c(m_dir->path());
            c.open(); // a --smoke-test run ends like this: no close, no settings file
        }
        QVERIFY(!QFile::exists(QDir(m_dir->path()).filePath(u"console.ini"_s)));
    }

    void navigation_pagesInOrder_ctrlNShowsThem_onlyTheShownOneBuilt()
    {
        Console c(m_dir->path());
        c.open();
        Navigation *nav = c.window->navigation();
        const QStringList pages{u"trigger"_s,  u"channels"_s, u"auth"_s,    u"webhooks"_s,
                                u"monitor"_s,  u"history"_s,  u"profiles"_s};
        QCOMPARE(nav->pageIds(), pages);
        QCOMPARE(nav->list()->count(), int(pages.size()));
        const QList<QAction *> go = nav->actions();
        QCOMPARE(go.size(), pages.size());
        for (int i = 0; i < go.size(); ++i)
            QCOMPARE(go.at(i)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        // First start: the Profiles page, and no other page built yet.
        QCOMPARE(nav->currentId(), u"profiles"_s);
        for (const QString &id : pages)
            QCOMPARE(nav->isBuilt(id), id == u"profiles"_s);
        c.sidebar()->list()->setFocus();
        QTest::keyClick(c.window.get(), Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(nav->currentId(), u"auth"_s);
        QVERIFY(nav->isBuilt(u"auth"_s));
        QVERIFY(!nav->isBuilt(u"trigger"_s));
        QTest::keyClick(c.window.get(), Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(nav->currentId(), u"monitor"_s);
        QTest::keyClick(c.window.get(), Qt::Key_7, Qt::ControlModifier);
        QCOMPARE(nav->stack()->currentWidget(), c.page());
    }

    void ctrlP_switcher_filtersAndSelectsProfile()
    {
        Console c(m_dir->path());
        c.open();
        QVERIFY(c.store.add(sampleProfile(u"Acme staging"_s, Environment::Staging)).ok());
        QVERIFY(c.store.add(sampleProfile(u"Acme production"_s, Environment::Production)).ok());
        c.sidebar()->list()->setFocus();
        QTest::keyClick(c.window.get(), Qt::Key_P, Qt::ControlModifier);
        ProfileSwitcher *switcher = nullptr;
        QTRY_VERIFY((switcher = c.window->findChild<ProfileSwitcher *>()) && switcher->isVisible());
        QTest::keyClicks(switcher->filterEdit(), u"acme prod"_s);
        QTest::keyClick(switcher->filterEdit(), Qt::Key_Return);
        QTRY_COMPARE(c.window->statusBarView()->profileText(), u"Acme production"_s);
        QCOMPARE(c.store.findById(c.sidebar()->currentId())->name, u"Acme production"_s);
        QVERIFY(c.window->windowTitle().startsWith(u"Acme production"_s));
    }

    void everyControl_hasAccessibleName_andIsReachedByTab()
    {
        Console c(m_dir->path());
        c.open();
        QVERIFY(c.store.add(sampleProfile(u"Second"_s)).ok());
        QVERIFY(c.window->profileActions()->select(c.store.profiles().constLast().id));
        QTRY_VERIFY(c.form()->secretsLoaded());
        QList<QWidget *> focusable;
        for (QWidget *w : c.window->findChildren<QWidget *>()) {
            // A widget with a focus proxy (an editable combo box's line edit) hands focus on.
            if (w->isVisibleTo(c.window.get()) && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus)
                && !w->focusProxy())
                focusable << w;
        }
        QVERIFY(focusable.size() > 15);
        for (QWidget *w : focusable) {
            // A button's text is its accessible name; everything else needs one set.
            const auto *button = qobject_cast<QAbstractButton *>(w);
            const bool named = !w->accessibleName().isEmpty() || (button && !button->text().isEmpty());
            QVERIFY2(named, qPrintable(u"%1 (%2) has no accessible name"_s.arg(
                                 w->objectName(), QString::fromLatin1(w->metaObject()->className()))));
        }
        // Tab from the first control visits every focusable one before coming back.
        QSet<QWidget *> reached;
        c.sidebar()->list()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), c.sidebar()->list());
        for (int i = 0; i < focusable.size() * 2 && reached.size() < focusable.size(); ++i) {
            reached.insert(QApplication::focusWidget());
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        }
        for (QWidget *w : focusable) {
            // Tab stops at the checked radio button of a group; arrows choose within it (Qt's standard).
            if (auto *radio = qobject_cast<QRadioButton *>(w); radio && radio->group()) {
                if (reached.contains(radio->group()->checkedButton()))
                    continue;
            }
            QVERIFY2(reached.contains(w), qPrintable(u"Tab never reaches "_s + w->objectName() + u' '
                                                     + QString::fromLatin1(w->metaObject()->className())));
        }
    }

    void darkPalette_iconsFollowTheTextColour()
    {
        const QPalette original = QApplication::palette();
        QPalette dark = original;
        dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x26));
        dark.setColor(QPalette::Base, QColor(0x17, 0x18, 0x1b));
        dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Button, QColor(0x2b, 0x2d, 0x31));
        dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
        for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            dark.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
        QApplication::setPalette(dark);
        {
            Console c(m_dir->path());
            c.open();
            screenshot(c.window.get(), u"dark"_s);
            // The "add" icon is drawn in the text colour, at the exact pixel size asked for.
            for (const qreal scale : {1.0, 2.0}) {
                const QPixmap pixmap = Apinator::Ui::icon(u"add"_s).pixmap(QSize(16, 16), scale);
                QCOMPARE(pixmap.size(), QSize(16, 16) * scale);
                QCOMPARE(pixmap.devicePixelRatio(), scale);
                const QImage image = pixmap.toImage();
                const QColor centre = image.pixelColor(image.width() / 2, image.height() / 2);
                QCOMPARE(centre.rgb(), QColor(0xe8, 0xe8, 0xe8).rgb());
            }
        }
        QApplication::setPalette(original);
        const QImage light = Apinator::Ui::icon(u"add"_s).pixmap(QSize(16, 16)).toImage();
        QCOMPARE(light.pixelColor(8, 8).rgb(), original.color(QPalette::WindowText).rgb());
    }

    void about_showsVersions()
    {
        const QStringList lines = AboutDialog::versionLines();
        QCOMPARE(lines.value(0), u"Apinator Console "_s + QStringLiteral(APINATOR_VERSION));
        QVERIFY(lines.value(1).startsWith(u"Qt "_s + QString::fromLatin1(qVersion())));
        QVERIFY2(lines.value(2).startsWith(u"OpenSSL 3"_s), qPrintable(lines.value(2)));
        QCOMPARE(lines.value(2), Crypto::opensslVersion());
        QVERIFY2(lines.value(3).startsWith(u"libcurl/"_s), qPrintable(lines.value(3)));
    }

    void keyringFallback_bannerWithReason_sessionOnlySecrets()
    {
        // No D-Bus at all: the keyring cannot answer.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + QFile::encodeName(m_dir->filePath(u"no-bus"_s)));
        const QString secretsFile = QDir(m_dir->path()).filePath(u"secrets.json"_s);
        SecretVault vault(u"io.github.apinator_console.Test"_s, secretsFile);
        Console c(m_dir->path(), &vault);
        c.open();
        MessageBar *banner = c.window->keyringBanner();
        QTRY_VERIFY_WITH_TIMEOUT(vault.isReady(), 30000);
        QCOMPARE(vault.backend(), SecretVault::Backend::Memory);
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(banner->kind(), MessageBar::Kind::Warning);
        QVERIFY2(banner->text().contains(vault.fallbackReason()), qPrintable(banner->text()));
        QVERIFY(banner->text().contains(u"this session only"_s));
        // Session only: the secret is there for this run, and no file holds it.
        const QString id = c.store.profiles().constFirst().id;
        QTRY_COMPARE(c.secretOf(id).value, c.sandbox.app().secret);
        QVERIFY(!QFile::exists(secretsFile));
        // The opt-in says plainly what it means before it is taken.
        c.click(u"fileStoreButton"_s);
        QMessageBox *box = waitForMessageBox(u"fileStoreDialog"_s);
        QVERIFY(box);
        QVERIFY(box->text().contains(u"unencrypted"_s));
        QVERIFY(box->text().contains(u"0600"_s));
        QTest::mouseClick(box->findChild<QPushButton *>(u"confirmFileStoreButton"_s), Qt::LeftButton);
        QTRY_COMPARE(vault.backend(), SecretVault::Backend::File);
        QVERIFY(QFile::exists(secretsFile));
        QCOMPARE(QFile(secretsFile).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFileDevice::Permissions());
        QTRY_VERIFY(banner->text().contains(u"unencrypted"_s));
        c.window.reset();
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    }

private:
    std::optional<QTemporaryDir> m_dir;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
