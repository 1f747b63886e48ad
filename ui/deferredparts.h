// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "session/sandboxhost.h"

#include <apinator/historystore.h>
#include <apinator/secretstore.h>

class QWidget;

namespace Apinator::Ui {

struct PageContext;

// The parts of the console that need Qt Network, QtKeychain or Qt SQL: the sandbox's
// servers, the Monitor and Webhooks pages, the system keyring, the history's database. The
// console opens them from a module after its first frame (PartsModule), so that Qt Network,
// Qt WebSockets, Kerberos, libproxy, QtKeychain and Qt SQL are not loaded before it; tests
// link them (LinkedParts). No other code of the console may use those libraries: that is
// what keeps them out of the executable (the test console/deferred-libraries checks).
class DeferredParts
{
public:
    virtual ~DeferredParts() = default;

    // A server for apps on port (0: any free port), or nullptr with *error set.
    virtual std::unique_ptr<SandboxHost> startSandbox(quint16 port, const QList<SandboxApp> &apps,
                                                      QString *error) = 0;
    // A closed SQLite history store (SqlHistoryStore), or nullptr with *error set.
    virtual std::unique_ptr<HistoryStore> openHistory(QString *error) = 0;
    // The system keyring under service, or nullptr with *error set.
    virtual std::unique_ptr<KeyringStore> openKeyring(const QString &service, QString *error) = 0;
    virtual QWidget *createMonitorPage(const PageContext &context) = 0;
    virtual QWidget *createWebhooksPage(const PageContext &context) = 0;
};

// What PartsModule resolves in the module: a function of this type, by the name below,
// returning an object that lives as long as the process.
using DeferredPartsEntry = DeferredParts *(*)();
inline constexpr char DeferredPartsEntryName[] = "apinator_console_parts";

} // namespace Apinator::Ui
