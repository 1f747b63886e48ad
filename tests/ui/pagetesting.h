// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

// What every page test starts from: a fresh temporary folder per test function and the
// console built in it (by the test, when it needs one). A test file that derives from
// PageTest ends with #include "moc_pagetesting.cpp" so AUTOMOC gives it the meta-object.

#include "consolefixture.h"
#include "session/activeprofile.h"

#include <QStandardPaths>

#include <optional>

namespace UiTest {

// On a first start the active profile may read the sandbox profile's secret before the
// embedded default has stored it: wait for the store, then read again.
inline bool waitForSandboxSecret(Console &console)
{
    ActiveProfile *active = console.window->activeProfile();
    if (!QTest::qWaitFor([&] { return console.secretOf(active->id()).found; }, 5000))
        return false;
    if (!active->credentials() || active->credentials()->secret.isEmpty())
        active->reload();
    return QTest::qWaitFor([&] { return active->credentials() && !active->credentials()->secret.isEmpty(); }, 5000);
}

// The embedded sandbox's app, as an SDK or a second client would be configured for it.
inline Credentials sandboxCredentials(const Console &console)
{
    Credentials c;
    c.appId = console.sandbox.app().appId;
    c.key = console.sandbox.app().key;
    c.secret = console.sandbox.app().secret;
    c.baseUrl = console.sandbox.baseUrl();
    return c;
}

// Opens the console with the embedded sandbox running and its profile's secret read.
inline bool openWithSandbox(Console &console)
{
    console.open();
    if (!console.sandbox.isRunning() && !console.sandbox.start(0))
        return false;
    return waitForSandboxSecret(console);
}

class PageTest : public QObject
{
    Q_OBJECT

protected:
    std::optional<QTemporaryDir> m_dir;
    std::unique_ptr<Console> m_console;

private Q_SLOTS:
    // Private, as Qt Test requires; it finds them through the derived meta-object. A test
    // may declare its own (which then replaces the one here).
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QVERIFY(m_dir.emplace().isValid()); }
    void cleanup()
    {
        m_console.reset();
        m_dir.reset();
    }
};

} // namespace UiTest
