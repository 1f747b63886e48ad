// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Apinator::Env {

struct Entry
{
    int line = 0; // 1-based
    QString name;
    QString value;
};

struct Parsed
{
    QList<Entry> entries;
    QString error; // "line N: ...", with a secret's value hidden
};

// True for the variables whose values must never be shown.
bool isSecretName(const QString &name);
// The line as an error message may show it: the value of a secret variable as <hidden>.
QString displayLine(const QString &line, const QString &name);

// The dotenv dialect most tools agree on: NAME=value, `export ` prefix, '...' literal,
// "..." with \n \r \t \" \\ \$ escapes, unquoted values cut at " #", blank and # lines.
Parsed parse(const QByteArray &text);

} // namespace Apinator::Env
