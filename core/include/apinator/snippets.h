// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

#include <apinator/restclient.h>

namespace Apinator {

enum class SnippetLanguage { Curl, Python, Node, Go, Php, Http };

// Every language, in the order a selector lists them.
QList<SnippetLanguage> snippetLanguages();
// "curl", "python", "node", "go", "php", "http": the CLI spelling.
QString snippetLanguageName(SnippetLanguage language);
// "curl (bash)", "Python (apinator-server)", ...: for a selector.
QString snippetLanguageTitle(SnippetLanguage language);
std::optional<SnippetLanguage> snippetLanguageFromName(QStringView name);

// What a snippet reproduces: the event as on screen and where it goes. Credentials are
// never part of it: the code reads APINATOR_APP_ID, APINATOR_KEY and APINATOR_SECRET
// (and APINATOR_CLUSTER / APINATOR_BASE_URL) from the environment.
struct SnippetInput
{
    TriggerRequest request;
    QString baseUrl; // custom base URL (a sandbox), empty for the cluster
    QString cluster; // the default of APINATOR_CLUSTER when no base URL is set
};

// The same POST /apps/{app_id}/events call as code: curl (signature computed in shell
// with openssl dgst, runs as pasted), the official SDKs (Python apinator-server, Node
// @apinator/server, Go, PHP) and the raw HTTP message. A custom base URL reaches the
// code where the SDK allows it (Python's `host` attribute) and is a comment elsewhere.
QString generateSnippet(SnippetLanguage language, const SnippetInput &input);

} // namespace Apinator
