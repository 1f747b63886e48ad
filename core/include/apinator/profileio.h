// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <apinator/profile.h>

#include <QByteArray>
#include <QList>
#include <QString>

namespace Apinator {

// A profile read from a file, with the secrets the file carried (a .env may; an export never does).
struct ProfileDraft
{
    Profile profile;
    QByteArray secret;
    QByteArray webhookSecret;
};

// The result of an import: all drafts, or an error and no draft at all.
struct ProfileImport
{
    QList<ProfileDraft> drafts;
    // "line 4: ..." for syntax, "profile 2 (\"Staging\"): ..." for content. Never contains a secret.
    QString error;
    bool ok() const { return error.isEmpty(); }
};

namespace ProfileIo {

inline constexpr auto ExportFormat = "apinator-console-profiles";
inline constexpr int ExportVersion = 1;

// A .env file: APINATOR_APP_ID, APINATOR_KEY, APINATOR_SECRET, APINATOR_WEBHOOK_SECRET, APINATOR_CLUSTER,
// APINATOR_BASE_URL. Handles `export ` prefixes, 'single' and "double" quotes (with \n \" \\ escapes),
// # comments, blank lines, CRLF and a BOM; other keys are ignored. A line that does not parse, or a
// present value that is invalid (a cluster with a bad character), is an error naming the line number
// and its content (a secret's value shown as <hidden>). No APINATOR_ variable at all is an error too.
// Missing fields are left empty for the form to flag. One draft, named `name`, environment Development.
ProfileImport parseEnv(const QByteArray &text, const QString &name);
// Reads the file; the draft is named after the folder holding a ".env*" file ("myapp" for
// myapp/.env), else after the file ("staging" for staging.env).
ProfileImport readEnvFile(const QString &path);

// The console's own export. Strict: unknown members, a secret member, wrong types, a bad field, an
// unknown format or a newer version are errors. JSON syntax errors name the line and column.
ProfileImport parseExport(const QByteArray &json);
ProfileImport readExportFile(const QString &path);
// An export when the first non-space byte is '{', else a .env file.
ProfileImport readFile(const QString &path);

// {"format":"apinator-console-profiles","version":1,"exportedAt":"<ISO 8601 UTC>","profiles":[...]}
// Profile::toJson() members only: no secret can be in it.
QByteArray exportJson(const QList<Profile> &profiles);
// Writes exportJson atomically. Empty on success, else a sentence with the path.
QString writeExportFile(const QString &path, const QList<Profile> &profiles);

} // namespace ProfileIo
} // namespace Apinator
