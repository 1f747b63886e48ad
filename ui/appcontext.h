// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/profilestore.h>

#include <QString>

namespace Apinator {
class HistoryStore;
class HttpClient;
class SecretStore;
}

namespace Apinator::Ui {

class EmbeddedSandbox;
class DeferredParts;
class UiSettings;

// What the window works with, built by main.cpp (or a test) and passed in: no widget
// reaches for a global. None of it is owned by the window; all must outlive it.
struct AppContext
{
    ProfileStore *profiles = nullptr;
    // A SecretVault in the console (the window then shows its keyring banner);
    // a MemorySecretStore in tests.
    SecretStore *secrets = nullptr;
    EmbeddedSandbox *sandbox = nullptr;
    // What needs Qt Network, QtKeychain or Qt SQL (the Monitor and Webhooks pages among
    // them): a PartsModule in the console, opened after the first frame; LinkedParts in tests.
    DeferredParts *parts = nullptr;
    HttpClient *http = nullptr;
    UiSettings *settings = nullptr;
    // Where the console keeps its databases (history of sends, webhook captures):
    // $APINATOR_DATA_DIR, else QStandardPaths::AppDataLocation; a temporary folder in tests.
    QString dataDir;
    // Every send (table "sends" of <dataDir>/history.sqlite), opened by main.cpp or the test.
    HistoryStore *history = nullptr;
    // What ProfileStore::load() said at start-up: a recovered file is told in the window.
    ProfileStore::LoadResult profileLoad;
};

} // namespace Apinator::Ui
