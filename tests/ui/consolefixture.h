// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

// A whole console for one widget test: real store in a temporary folder, the session-only
// secret store (no keyring needed), the real embedded sandbox and HTTP client, the real
// window on the offscreen platform. Built the way main.cpp builds it.

#include "mainwindow.h"
#include "navigation.h"
#include "profiles/connectionresultview.h"
#include "profiles/profileactions.h"
#include "profiles/profileform.h"
#include "profiles/profilespage.h"
#include "profiles/profilessidebar.h"
#include "session/embeddeddefault.h"
#include "session/embeddedsandbox.h"
#include "session/linkedparts.h"
#include "session/sandboxserverhost.h"
#include "statusbarview.h"
#include "uisettings.h"
#include "widgets/messagebar.h"

#include <apinator/sqlhistorystore.h>
#include <apinator/httpclient.h>
#include <apinator/profilestore.h>
#include <apinator/secretstore.h>

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

namespace UiTest {

using namespace Apinator;
using namespace Apinator::Ui;
using namespace Qt::StringLiterals;

struct Console
{
    explicit Console(const QString &configDir, SecretStore *secretStore = nullptr)
        : store(QDir(configDir).filePath(u"profiles.json"_s))
        , settings(QDir(configDir).filePath(u"console.ini"_s))
        , secrets(secretStore ? secretStore : &memory)
        , sandbox(sandboxServerFactory())
        , embedded(&store, secrets, &sandbox)
        , dataDir(QDir(configDir).filePath(u"data"_s))
    {
    }

    // Loads the profiles, applies the embedded default and opens the window.
    MainWindow *open()
    {
        context.profiles = &store;
        context.secrets = secrets;
        context.sandbox = &sandbox;
        context.parts = &parts;
        context.http = &http;
        context.settings = &settings;
        context.dataDir = dataDir;
        QDir().mkpath(dataDir);
        if (!history.isOpen() && !history.open(QDir(dataDir).filePath(u"history.sqlite"_s)))
            qWarning("history: %s", qPrintable(history.lastError()));
        context.history = &history;
        context.profileLoad = store.load(ProfileStore::LoadMode::Recover);
        const QString created = embedded.apply();
        window = std::make_unique<MainWindow>(context, &embedded);
        window->selectInitialProfile(created);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            qWarning("the window was not exposed");
        return window.get();
    }

    ProfilesPage *page() const { return window->profilesPage(); }
    ProfileForm *form() const { return window->profilesPage()->form(); }
    ProfilesSidebar *sidebar() const { return window->sidebar(); }
    template<typename T = QWidget>
    T *find(const QString &name) const
    {
        return window->findChild<T *>(name);
    }
    QLineEdit *edit(const QString &name) const { return find<QLineEdit>(name); }
    // The cluster's editable combo box types into its line edit.
    QLineEdit *c_clusterEdit() const { return find<QLineEdit>(u"clusterEdit"_s); }

    // Replaces a line edit's text the way a user does: select all, type.
    static void type(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->selectAll();
        if (text.isEmpty())
            QTest::keyClick(edit, Qt::Key_Backspace);
        else
            QTest::keyClicks(edit, text);
    }
    // Types, then leaves the field with Tab (that is when its message shows).
    static void typeAndLeave(QLineEdit *edit, const QString &text)
    {
        type(edit, text);
        QTest::keyClick(edit, Qt::Key_Tab);
    }
    void click(const QString &buttonName) const
    {
        auto *button = find<QAbstractButton>(buttonName);
        QVERIFY2(button, qPrintable(u"no button "_s + buttonName));
        QVERIFY2(button->isEnabled(), qPrintable(buttonName + u" is disabled"_s));
        QTest::mouseClick(button, Qt::LeftButton);
    }
    QStringList names() const
    {
        QStringList out;
        for (const Profile &p : store.profiles())
            out << p.name;
        return out;
    }
    QStringList listNames() const
    {
        QStringList out;
        for (int i = 0; i < sidebar()->list()->count(); ++i)
            out << sidebar()->list()->item(i)->text();
        return out;
    }
    SecretRead secretOf(const QString &id, SecretKind kind = SecretKind::Secret)
    {
        return readAndWait(*secrets, id, kind, 5000);
    }

    ProfileStore store;
    UiSettings settings;
    MemorySecretStore memory;
    SecretStore *secrets;
    EmbeddedSandbox sandbox;
    LinkedParts parts;
    HttpClient http;
    SqlHistoryStore history;
    EmbeddedDefault embedded;
    QString dataDir; // <configDir>/data: the history database and webhook captures
    AppContext context;
    std::unique_ptr<MainWindow> window;
};

// With APINATOR_UI_SCREENSHOTS=DIR set, saves the window as DIR/NAME.png to look at.
inline void screenshot(QWidget *window, const QString &name)
{
    const QString dir = qEnvironmentVariable("APINATOR_UI_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QCoreApplication::processEvents();
    if (!window->grab().save(QDir(dir).filePath(name + u".png"_s)))
        qWarning("could not save the screenshot %s", qPrintable(name));
}

// A profile with everything valid, for tests that need some to start with.
inline Profile sampleProfile(const QString &name, Environment environment = Environment::Development)
{
    Profile p = Profile::create();
    p.name = name;
    p.appId = u"123"_s;
    p.key = u"app_key_1"_s;
    p.cluster = u"eu"_s;
    p.environment = environment;
    return p;
}

// The message box the code under test opened (window-modal, asynchronous), once it shows.
inline QMessageBox *waitForMessageBox(const QString &objectName = {}, int timeoutMs = 5000)
{
    QMessageBox *found = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                auto *box = qobject_cast<QMessageBox *>(w);
                if (box && box->isVisible() && (objectName.isEmpty() || box->objectName() == objectName)) {
                    found = box;
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return shown ? found : nullptr;
}

} // namespace UiTest
