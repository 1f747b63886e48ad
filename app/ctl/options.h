// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <exception>
#include <optional>

namespace Apinator::Ctl {

// The exit codes of the CLI contract (DESIGN.md, "The CLI contract").
enum ExitCode : int {
    ExitOk = 0,          // success, or checked and valid
    ExitInvalid = 1,     // checked and invalid
    ExitUsage = 2,       // usage or input error
    ExitServerError = 3, // the server answered with an error
    ExitNetworkError = 4 // no answer at all
};

// A usage or input error. main() prints "apinatorctl: <text>" as ONE line on stderr
// and exits 2, so the text names the flag or input and never holds a newline.
class UsageError final : public std::exception
{
public:
    UsageError(const QString &subject, const QString &message);
    explicit UsageError(QString text);
    const QString &text() const { return m_text; }
    const char *what() const noexcept override { return "usage error"; }

private:
    QString m_text;
};

// The options of one command: declared up front so that help, unknown-flag errors
// and value checks come out the same for every command.
//
// Grammar: --flag value, --flag=value, switches as --flag. A value that starts with
// '-' needs --flag=value (a lone "-" is a value: stdin). "--" ends the options.
class Options final
{
public:
    // command: "sign request"; usage: what follows "apinatorctl sign request".
    Options(QString command, QString usage, QString example);

    Options &setDescription(const QString &text);
    Options &addSwitch(const QString &name, const QString &help);
    Options &addOption(const QString &name, const QString &valueName, const QString &help);
    Options &addRepeatable(const QString &name, const QString &valueName, const QString &help);
    // Accepted but left out of the help: flags a command takes only so that every
    // command accepts the same credential flags.
    Options &addHidden(const QString &name, const QString &valueName);
    // Positionals are required, in the order added.
    Options &addPositional(const QString &name, const QString &help);

    // Throws UsageError. Returns false when --help was asked for: the help is then
    // already on stdout and the command returns ExitOk.
    [[nodiscard]] bool parse(const QStringList &args);
    QString helpText() const;
    const QString &command() const { return m_command; }

    bool isSet(const QString &name) const;
    // The value of a non-repeatable option, nullopt when not given.
    std::optional<QString> value(const QString &name) const;
    QStringList values(const QString &name) const;
    // Throws "--name: required" when not given.
    QString required(const QString &name) const;
    QString positional(const QString &name) const;

    // Throws when both were given.
    void requireExclusive(const QString &a, const QString &b) const;
    // The bytes of --text (UTF-8) or of the file named by --file ('-': stdin);
    // nullopt when neither was given. Throws when both were.
    std::optional<QByteArray> textOrFile(const QString &textFlag, const QString &fileFlag) const;
    QByteArray requiredTextOrFile(const QString &textFlag, const QString &fileFlag) const;

private:
    struct Spec
    {
        QString name;
        QString valueName; // empty: a switch
        QString help;
        bool repeatable = false;
        bool hidden = false;
    };
    const Spec *find(const QString &name) const;
    void addSpec(Spec spec);

    QString m_command;
    QString m_usage;
    QString m_example;
    QString m_description;
    QList<Spec> m_specs;
    QList<Spec> m_positionalSpecs;
    QHash<QString, QStringList> m_values;
    QHash<QString, QString> m_positionals;
};

// Value checks shared by commands; each throws UsageError naming the flag.
qint64 parseWholeSeconds(const QString &flag, const QString &text);
int parsePositiveMilliseconds(const QString &flag, const QString &text);
// The whole file, or stdin for "-".
QByteArray readInputFile(const QString &flag, const QString &path);
// "value" in quotes, control characters escaped and long values cut, for one-line messages.
QString quotedForMessage(const QString &value);
// The same without the quotes.
QString escapedForMessage(const QString &value);

} // namespace Apinator::Ctl
