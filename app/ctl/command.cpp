// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "command.h"

#include "options.h"
#include "output.h"

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

namespace {

QString joined(const QString &path, QLatin1StringView name)
{
    return path.isEmpty() ? QString(name) : path + u' ' + name;
}

// Groups are flattened ("sign request") so the top-level help shows every runnable command.
void collect(const QString &path, std::span<const Command> table, QList<QPair<QString, QString>> &rows)
{
    for (const Command &c : table) {
        if (c.subcommands)
            collect(joined(path, c.name), c.subcommands(), rows);
        else
            rows.append({joined(path, c.name), QString(c.summary)});
    }
}

QString groupHelp(const QString &path, std::span<const Command> table)
{
    return u"Usage: apinatorctl "_s + path + u" COMMAND [OPTIONS]\n\nCommands:\n"_s + commandList(path, table)
        + u"\nRun \"apinatorctl "_s + path + u" COMMAND --help\" for the options and an example of one.\n"_s;
}

} // namespace

QString commandList(const QString &path, std::span<const Command> table)
{
    QList<QPair<QString, QString>> rows;
    collect(path, table, rows);
    qsizetype width = 0;
    for (const auto &row : rows)
        width = std::max(width, row.first.size());
    QString text;
    for (const auto &row : rows)
        text += u"  "_s + row.first.leftJustified(width) + u"  "_s + row.second + u'\n';
    return text;
}

int dispatch(const QString &path, std::span<const Command> table, const QStringList &args)
{
    QStringList names;
    for (const Command &c : table)
        names.append(QString(c.name));
    const QString prefix = path.isEmpty() ? QString() : path + u": "_s;
    const QString seeHelp = u" (see apinatorctl "_s + joined(path, "--help"_L1) + u')';

    if (args.isEmpty())
        throw UsageError(prefix + u"missing command, one of: "_s + names.join(u", "_s) + seeHelp);
    const QString &name = args.first();
    if (!path.isEmpty() && (name == u"--help" || name == u"-h")) {
        writeOut(groupHelp(path, table).toUtf8());
        return ExitOk;
    }
    if (name.startsWith(u'-'))
        throw UsageError(escapedForMessage(name), u"unknown option"_s + seeHelp);
    for (const Command &c : table) {
        if (name != c.name)
            continue;
        if (c.subcommands)
            return dispatch(joined(path, c.name), c.subcommands(), args.mid(1));
        return c.run(args.mid(1));
    }
    throw UsageError(prefix + u"unknown command "_s + quotedForMessage(name) + u", expected one of: "_s
                     + names.join(u", "_s) + seeHelp);
}

} // namespace Apinator::Ctl
