// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "deferredparts.h"

#include <QCoreApplication>
#include <QString>

namespace Apinator::Ui {

// The console's deferred parts, opened from the module (libapinator-console-parts.so) on
// first use: the console starts its sandbox and asks the keyring right after the first
// frame, so Qt Network, what it pulls in (Kerberos, libproxy), QtKeychain and Qt SQL load
// then, not before the window shows. The module links back against the executable's own symbols (it
// exports them). When the module cannot be opened, each part says why: the sandbox does
// not start (the status bar shows the reason), the keyring banner gives it as the reason
// the keyring is not used, and the two pages show it in place of their contents.
class PartsModule final : public DeferredParts
{
    Q_DECLARE_TR_FUNCTIONS(Apinator::Ui::PartsModule)
public:
    // dir: where the module is; empty: defaultDirectory(), looked up on the first load().
    explicit PartsModule(QString dir = {});
    ~PartsModule() override;

    // $APINATOR_MODULE_DIR when set; else the executable's folder when the module is there
    // (a build tree), else the installed folder relative to the executable
    // (APINATOR_MODULE_RELATIVE_DIR, set by CMake).
    static QString defaultDirectory();
    static QString fileName();

    // Opens the module unless it is open: false with problem() set when it cannot be.
    bool load();
    bool isLoaded() const { return m_parts != nullptr; }
    QString problem() const { return m_problem; }

    std::unique_ptr<SandboxHost> startSandbox(quint16 port, const QList<SandboxApp> &apps, QString *error) override;
    std::unique_ptr<HistoryStore> openHistory(QString *error) override;
    std::unique_ptr<KeyringStore> openKeyring(const QString &service, QString *error) override;
    QWidget *createMonitorPage(const PageContext &context) override;
    QWidget *createWebhooksPage(const PageContext &context) override;

private:
    bool fail(QString problem);
    QWidget *unavailablePage(const QString &page) const;

    QString m_dir;
    DeferredParts *m_parts = nullptr;
    QString m_problem;
};

} // namespace Apinator::Ui
