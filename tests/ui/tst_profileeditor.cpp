// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// The profiles sidebar and editor driven like a user: create, edit, duplicate, delete
// (and undo), reorder, every validation message, the production confirmation.
#include "consolefixture.h"

#include "productionguard.h"

#include <QCheckBox>
#include <QMenu>
#include <QRadioButton>
#include <QStandardPaths>

using namespace UiTest;

class TestProfileEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        QVERIFY(m_dir.emplace().isValid());
        m_console.emplace(m_dir->path());
        m_console->open();
        QTRY_VERIFY(m_console->form()->secretsLoaded());
    }
    void cleanup()
    {
        m_console.reset();
        m_dir.reset();
    }

    void create_fillsFormAndSaves()
    {
        Console &c = *m_console;
        c.click(u"addProfileButton"_s);
        QVERIFY(c.page()->isDraft());
        QVERIFY(c.sidebar()->currentId().isEmpty());
        Console::type(c.edit(u"nameEdit"_s), u"Acme staging"_s);
        Console::type(c.edit(u"appIdEdit"_s), u"4711"_s);
        Console::type(c.edit(u"keyEdit"_s), u"acme-key"_s);
        Console::type(c.edit(u"secretEdit"_s), u"acme-secret"_s);
        Console::type(c.edit(u"webhookSecretEdit"_s), u"acme-hook"_s);
        Console::type(c.c_clusterEdit(), u"us"_s);
        c.find<QComboBox>(u"environmentCombo"_s)->setCurrentIndex(int(Environment::Staging));
        c.click(u"saveButton"_s);

        QCOMPARE(c.names(), (QStringList{u"Local sandbox"_s, u"Acme staging"_s}));
        const Profile saved = c.store.profiles().constLast();
        QCOMPARE(saved.appId, u"4711"_s);
        QCOMPARE(saved.key, u"acme-key"_s);
        QCOMPARE(saved.cluster, u"us"_s);
        QVERIFY(saved.baseUrl.isEmpty());
        QCOMPARE(saved.environment, Environment::Staging);
        QCOMPARE(c.secretOf(saved.id).value, "acme-secret"_ba);
        QCOMPARE(c.secretOf(saved.id, SecretKind::WebhookSecret).value, "acme-hook"_ba);
        QVERIFY(!c.page()->isDraft());
        QCOMPARE(c.sidebar()->currentId(), saved.id);
        QCOMPARE(c.listNames(), c.names());
        QCOMPARE(c.window->statusBarView()->urlText(), u"https://ws-us.apinator.io"_s);
        // Saved: nothing left to save or revert.
        QVERIFY(!c.find<QPushButton>(u"saveButton"_s)->isEnabled());
    }

    void cluster_knownNamesOneKeyAway()
    {
        Console &c = *m_console;
        c.click(u"addProfileButton"_s);
        QLineEdit *cluster = c.c_clusterEdit();
        QCOMPARE(cluster->text(), u"eu"_s);
        cluster->setFocus();
        QTest::keyClick(cluster, Qt::Key_Down, Qt::AltModifier);
        auto *menu = c.find<QMenu>(u"knownClustersMenu"_s);
        QVERIFY(menu);
        QTRY_VERIFY(menu->isVisible());
        QStringList names;
        for (const QAction *action : menu->actions())
            names << action->text();
        QCOMPARE(names, (QStringList{u"eu"_s, u"us"_s}));
        QTest::keyClick(menu, Qt::Key_Down);
        QTest::keyClick(menu, Qt::Key_Down);
        QTest::keyClick(menu, Qt::Key_Return);
        QTRY_VERIFY(!menu->isVisible());
        QCOMPARE(cluster->text(), u"us"_s);
        QVERIFY(c.find<QPushButton>(u"saveButton"_s)->isEnabled());
        // Any other name is typed: the list only suggests.
        Console::typeAndLeave(cluster, u"mt1"_s);
        QCOMPARE(c.form()->profile().cluster, u"mt1"_s);
        QVERIFY(c.form()->shownError(ProfileField::Cluster).isEmpty());
        // With a custom base URL the cluster is off, and so is its list.
        QTest::mouseClick(c.find<QRadioButton>(u"baseUrlRadio"_s), Qt::LeftButton);
        QVERIFY(!cluster->isEnabled());
        QTest::keyClick(cluster, Qt::Key_F4);
        QVERIFY(!menu->isVisible());
    }

    void create_ctrlN_thenRevertDropsTheDraft()
    {
        Console &c = *m_console;
        c.edit(u"nameEdit"_s)->setFocus();
        QTest::keyClick(c.window.get(), Qt::Key_N, Qt::ControlModifier);
        QVERIFY(c.page()->isDraft());
        QCOMPARE(c.edit(u"nameEdit"_s)->text(), u"New profile"_s);
        Console::type(c.edit(u"nameEdit"_s), u"Never saved"_s);
        c.click(u"revertButton"_s);
        QVERIFY(!c.page()->isDraft());
        QCOMPARE(c.names(), QStringList{u"Local sandbox"_s});
        QCOMPARE(c.sidebar()->currentId(), c.store.profiles().constFirst().id);
    }

    void edit_renamesAndChangesLocation()
    {
        Console &c = *m_console;
        const Profile p = addSample(u"Old name"_s);
        Console::type(c.edit(u"nameEdit"_s), u"New name"_s);
        QTest::mouseClick(c.find<QRadioButton>(u"baseUrlRadio"_s), Qt::LeftButton);
        Console::type(c.edit(u"baseUrlEdit"_s), u"https://realtime.example.com:8443"_s);
        Console::type(c.edit(u"secretEdit"_s), u"rotated"_s);
        QTest::keyClick(c.page(), Qt::Key_S, Qt::ControlModifier);
        const Profile saved = *c.store.findById(p.id);
        QCOMPARE(saved.name, u"New name"_s);
        QCOMPARE(saved.baseUrl, u"https://realtime.example.com:8443"_s);
        QVERIFY(saved.cluster.isEmpty());
        QCOMPARE(c.secretOf(p.id).value, "rotated"_ba);
        QCOMPARE(c.sidebar()->list()->currentItem()->text(), u"New name"_s);
        QCOMPARE(c.window->statusBarView()->profileText(), u"New name"_s);
        QCOMPARE(c.window->statusBarView()->urlText(), u"https://realtime.example.com:8443"_s);
    }

    void duplicate_insertsCopyAfterWithSecrets()
    {
        Console &c = *m_console;
        const Profile p = addSample(u"Acme"_s);
        addSample(u"Zeta"_s);
        QVERIFY(c.window->profileActions()->select(p.id));
        c.click(u"duplicateProfileButton"_s);
        QCOMPARE(c.names(), (QStringList{u"Local sandbox"_s, u"Acme"_s, u"Copy of Acme"_s, u"Zeta"_s}));
        const Profile copy = c.store.profiles().at(2);
        QVERIFY(copy.id != p.id);
        QTRY_COMPARE(c.sidebar()->currentId(), copy.id);
        QTRY_COMPARE(c.secretOf(copy.id).value, "secret-of-Acme"_ba);
        QTRY_COMPARE(c.edit(u"secretEdit"_s)->text(), u"secret-of-Acme"_s);
    }

    void delete_thenUndo_restoresAtSamePlaceWithSecrets()
    {
        Console &c = *m_console;
        const Profile a = addSample(u"A"_s);
        addSample(u"B"_s);
        QVERIFY(c.window->profileActions()->select(a.id));
        c.click(u"deleteProfileButton"_s);
        QCOMPARE(c.names(), (QStringList{u"Local sandbox"_s, u"B"_s}));
        MessageBar *messages = c.window->messages();
        QVERIFY(messages->isVisible());
        QCOMPARE(messages->text(), u"Deleted “A”."_s);
        // The neighbour is shown, not an empty page.
        QCOMPARE(c.window->statusBarView()->profileText(), u"B"_s);
        c.click(u"undoDeleteButton"_s);
        QCOMPARE(c.names(), (QStringList{u"Local sandbox"_s, u"A"_s, u"B"_s}));
        QCOMPARE(c.sidebar()->currentId(), a.id);
        QCOMPARE(c.secretOf(a.id).value, "secret-of-A"_ba);
        QVERIFY(!messages->isVisible());
    }

    void delete_ctrlZ_undoes()
    {
        Console &c = *m_console;
        const Profile a = addSample(u"A"_s);
        c.sidebar()->list()->setFocus();
        QTest::keyClick(c.sidebar()->list(), Qt::Key_Delete);
        QCOMPARE(c.names(), QStringList{u"Local sandbox"_s});
        QTest::keyClick(c.window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(c.names(), (QStringList{u"Local sandbox"_s, u"A"_s}));
        QCOMPARE(c.store.findById(a.id)->name, u"A"_s);
    }

    void delete_messageClosed_secretsRemoved()
    {
        Console &c = *m_console;
        const Profile a = addSample(u"A"_s);
        c.click(u"deleteProfileButton"_s);
        QVERIFY(c.window->profileActions()->canUndo());
        QCOMPARE(c.secretOf(a.id).value, "secret-of-A"_ba); // kept while undo is offered
        QTest::mouseClick(c.window->messages()->findChild<QToolButton *>(), Qt::LeftButton);
        QVERIFY(!c.window->profileActions()->canUndo());
        QTRY_VERIFY(!c.secretOf(a.id).found);
    }

    void reorder_moveButtonsAndAltArrows()
    {
        Console &c = *m_console;
        addSample(u"A"_s);
        const Profile b = addSample(u"B"_s);
        QVERIFY(c.window->profileActions()->select(b.id));
        c.click(u"moveUpButton"_s);
        QCOMPARE(c.names(), (QStringList{u"Local sandbox"_s, u"B"_s, u"A"_s}));
        c.click(u"moveUpButton"_s);
        QCOMPARE(c.names(), (QStringList{u"B"_s, u"Local sandbox"_s, u"A"_s}));
        QVERIFY(!c.find<QToolButton>(u"moveUpButton"_s)->isEnabled()); // first already
        c.sidebar()->list()->setFocus();
        QTest::keyClick(c.sidebar()->list(), Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(c.names(), (QStringList{u"Local sandbox"_s, u"B"_s, u"A"_s}));
        QCOMPARE(c.listNames(), c.names());
        QCOMPARE(c.sidebar()->currentId(), b.id);
        // Saved in that order.
        ProfileStore reread(c.store.filePath());
        reread.load();
        QCOMPARE(reread.profiles().at(1).id, b.id);
    }

    void validation_messageNextToTheField_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("expected");
        QTest::addRow("empty name") << u"nameEdit"_s << u""_s << int(ProfileField::Name) << u"name is empty"_s;
        QTest::addRow("name used") << u"nameEdit"_s << u"local SANDBOX"_s << int(ProfileField::Name)
                                   << u"already exists"_s;
        QTest::addRow("empty app id") << u"appIdEdit"_s << u""_s << int(ProfileField::AppId) << u"app id is empty"_s;
        QTest::addRow("app id with space") << u"appIdEdit"_s << u"12 3"_s << int(ProfileField::AppId)
                                           << u"app id contains a space"_s;
        QTest::addRow("empty key") << u"keyEdit"_s << u""_s << int(ProfileField::Key) << u"key is empty"_s;
        QTest::addRow("empty secret") << u"secretEdit"_s << u""_s << int(ProfileField::Secret)
                                      << u"secret is empty"_s;
        QTest::addRow("cluster bad character") << u"cluster"_s << u"eu_west"_s << int(ProfileField::Cluster)
                                               << u"cluster \"eu_west\" contains '_'"_s;
        QTest::addRow("URL without scheme") << u"baseUrlEdit"_s << u"localhost:6001"_s << int(ProfileField::BaseUrl)
                                            << u"has no scheme"_s;
        QTest::addRow("URL not http") << u"baseUrlEdit"_s << u"ftp://example.com"_s << int(ProfileField::BaseUrl)
                                      << u"must start with http:// or https://"_s;
    }

    void validation_messageNextToTheField()
    {
        QFETCH(QString, edit);
        QFETCH(QString, input);
        QFETCH(int, field);
        QFETCH(QString, expected);
        Console &c = *m_console;
        addSample(u"Target"_s);
        ProfileForm *form = c.form();
        QVERIFY(form->shownError(ProfileField(field)).isEmpty());
        QLineEdit *target = nullptr;
        if (edit == u"cluster") {
            target = c.c_clusterEdit();
        } else {
            if (edit == u"baseUrlEdit")
                QTest::mouseClick(c.find<QRadioButton>(u"baseUrlRadio"_s), Qt::LeftButton);
            target = c.edit(edit);
        }
        Console::typeAndLeave(target, input);
        const QString shown = form->shownError(ProfileField(field));
        QVERIFY2(shown.contains(expected), qPrintable(shown));
        // Visible under its field, and told to screen readers on the field itself.
        auto *label = c.find<QLabel>(profileFieldName(ProfileField(field)).remove(u' ') + u"Error"_s);
        QVERIFY(label && label->isVisible());
        QCOMPARE(form->fieldWidget(ProfileField(field))->accessibleDescription(), shown);
        screenshot(c.window.get(), u"validation-"_s + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
        // Save refuses and puts the cursor on the wrong field; nothing is stored.
        const QList<Profile> before = c.store.profiles();
        QTest::keyClick(c.page(), Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(c.store.profiles(), before);
        QCOMPARE(c.page()->isDraft(), false);
        // Fixing it clears the message.
        c.click(u"revertButton"_s);
        QVERIFY(form->shownError(ProfileField(field)).isEmpty());
    }

    void webhookSecret_optional_pageSaysSo()
    {
        Console &c = *m_console;
        addSample(u"Hooks"_s);
        Console::typeAndLeave(c.edit(u"webhookSecretEdit"_s), QString());
        QVERIFY(c.form()->shownError(ProfileField::WebhookSecret).isEmpty());
        QVERIFY(c.find<QLabel>(u"webhookHint"_s)->isVisible());
        QVERIFY(c.find<QLabel>(u"webhookHint"_s)->text().contains(u"the secret is used"_s));
    }

    void production_testConnection_asksNamingTheProfile()
    {
        Console &c = *m_console;
        Profile prod = sampleProfile(u"Acme live"_s, Environment::Production);
        prod.cluster.clear();
        prod.appId = c.sandbox.app().appId;
        prod.key = c.sandbox.app().key;
        prod.baseUrl = c.sandbox.baseUrl();
        QVERIFY(c.store.add(prod).ok());
        QVERIFY(writeAndWait(*c.secrets, prod.id, SecretKind::Secret, c.sandbox.app().secret).isEmpty());
        QVERIFY(c.window->profileActions()->select(prod.id));
        QTRY_VERIFY(c.form()->secretsLoaded());
        QVERIFY(c.find<QCheckBox>(u"confirmCheck"_s)->isVisible());

        // Cancel: nothing is sent.
        c.click(u"testConnectionButton"_s);
        QMessageBox *box = waitForMessageBox(QLatin1StringView(ConfirmSendDialogName));
        QVERIFY(box);
        QVERIFY2(box->text().contains(u"“Acme live”"_s), qPrintable(box->text()));
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY(!waitForMessageBox(QLatin1StringView(ConfirmSendDialogName), 0));
        QCOMPARE(c.page()->connectionView()->state(), ConnectionResultView::State::Idle);

        // Send, and don't ask again: the request goes, the switch is off in the store.
        c.click(u"testConnectionButton"_s);
        box = waitForMessageBox(QLatin1StringView(ConfirmSendDialogName));
        QVERIFY(box);
        box->checkBox()->setChecked(true);
        QTest::mouseClick(box->buttons().constFirst(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(c.page()->connectionView()->state(), ConnectionResultView::State::Succeeded,
                                  10000);
        QCOMPARE(c.store.findById(prod.id)->confirmBeforeSend, false);
        QVERIFY(!c.find<QCheckBox>(u"confirmCheck"_s)->isChecked());

        // Switch off: no question any more.
        c.click(u"testConnectionButton"_s);
        QVERIFY(!waitForMessageBox(QLatin1StringView(ConfirmSendDialogName), 300));
    }

private:
    Profile addSample(const QString &name)
    {
        Console &c = *m_console;
        const Profile p = sampleProfile(name);
        const ProfileStore::Result r = c.store.add(p);
        if (!r.ok())
            qWarning("add failed");
        if (!writeAndWait(*c.secrets, p.id, SecretKind::Secret, "secret-of-" + name.toUtf8()).isEmpty())
            qWarning("secret not written");
        c.window->profileActions()->select(p.id);
        if (!QTest::qWaitFor([&] { return c.form()->secretsLoaded(); }, 5000))
            qWarning("secrets not loaded");
        return p;
    }

    std::optional<QTemporaryDir> m_dir;
    std::optional<Console> m_console;
};

QTEST_MAIN(TestProfileEditor)
#include "tst_profileeditor.moc"
