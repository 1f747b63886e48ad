// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "options.h"

#include "output.h"

#include <QFile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Apinator::Ctl {

UsageError::UsageError(const QString &subject, const QString &message)
    : m_text(subject + u": "_s + message)
{
}

UsageError::UsageError(QString text)
    : m_text(std::move(text))
{
}

Options::Options(QString command, QString usage, QString example)
    : m_command(std::move(command))
    , m_usage(std::move(usage))
    , m_example(std::move(example))
{
}

Options &Options::setDescription(const QString &text)
{
    m_description = text;
    return *this;
}

Options &Options::addSwitch(const QString &name, const QString &help)
{
    addSpec({name, {}, help, false, false});
    return *this;
}

Options &Options::addOption(const QString &name, const QString &valueName, const QString &help)
{
    addSpec({name, valueName, help, false, false});
    return *this;
}

Options &Options::addRepeatable(const QString &name, const QString &valueName, const QString &help)
{
    addSpec({name, valueName, help, true, false});
    return *this;
}

Options &Options::addHidden(const QString &name, const QString &valueName)
{
    addSpec({name, valueName, {}, false, true});
    return *this;
}

Options &Options::addPositional(const QString &name, const QString &help)
{
    m_positionalSpecs.append({name, {}, help, false, false});
    return *this;
}

void Options::addSpec(Spec spec)
{
    Q_ASSERT(spec.name.startsWith(u"--"));
    Q_ASSERT(!find(spec.name));
    m_specs.append(std::move(spec));
}

const Options::Spec *Options::find(const QString &name) const
{
    for (const Spec &spec : m_specs)
        if (spec.name == name)
            return &spec;
    return nullptr;
}

bool Options::parse(const QStringList &args)
{
    // --help wins over every other problem on the line, as users expect.
    for (const QString &arg : args) {
        if (arg == u"--")
            break;
        if (arg == u"--help" || arg == u"-h") {
            writeOut(helpText().toUtf8());
            return false;
        }
    }

    const QString seeHelp = u" (see apinatorctl "_s + m_command + u" --help)"_s;
    bool optionsEnded = false;
    qsizetype positionalIndex = 0;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (!optionsEnded && arg == u"--") {
            optionsEnded = true;
            continue;
        }
        // A lone "-" is a value (stdin); anything else with a leading '-' is a flag, so a
        // forgotten value is reported instead of swallowing the next flag.
        if (!optionsEnded && arg.startsWith(u'-') && arg != u"-") {
            const qsizetype eq = arg.indexOf(u'=');
            const QString name = eq < 0 ? arg : arg.left(eq);
            const Spec *spec = name.startsWith(u"--") ? find(name) : nullptr;
            if (!spec)
                throw UsageError(escapedForMessage(name), u"unknown option"_s + seeHelp);
            QString value;
            if (spec->valueName.isEmpty()) {
                if (eq >= 0)
                    throw UsageError(name, u"takes no value"_s);
            } else if (eq >= 0) {
                value = arg.mid(eq + 1);
            } else if (i + 1 < args.size() && (!args.at(i + 1).startsWith(u'-') || args.at(i + 1) == u"-")) {
                value = args.at(++i);
            } else {
                throw UsageError(name, u"missing value "_s + spec->valueName
                                     + u" (a value starting with '-' goes as "_s + name + u"=VALUE)"_s);
            }
            QStringList &slot = m_values[name];
            if (!slot.isEmpty() && !spec->repeatable)
                throw UsageError(name, u"given more than once"_s);
            slot.append(value);
            continue;
        }
        if (positionalIndex >= m_positionalSpecs.size())
            throw UsageError(m_command, u"unexpected argument "_s + quotedForMessage(arg) + seeHelp);
        m_positionals.insert(m_positionalSpecs.at(positionalIndex++).name, arg);
    }
    if (positionalIndex < m_positionalSpecs.size())
        throw UsageError(m_command, u"missing argument "_s + m_positionalSpecs.at(positionalIndex).name + seeHelp);
    return true;
}

QString Options::helpText() const
{
    QString text = u"Usage: apinatorctl "_s + m_command + u' ' + m_usage + u"\n"_s;
    if (!m_description.isEmpty())
        text += u"\n"_s + m_description + u"\n"_s;

    QList<QPair<QString, QString>> rows;
    for (const Spec &spec : m_positionalSpecs)
        rows.append({spec.name, spec.help});
    for (const Spec &spec : m_specs) {
        if (spec.hidden)
            continue;
        const QString left = spec.valueName.isEmpty() ? spec.name : spec.name + u' ' + spec.valueName;
        rows.append({left, spec.help + (spec.repeatable ? u" (repeatable)"_s : QString())});
    }
    rows.append({u"--help"_s, u"show this help"_s});

    qsizetype width = 0;
    for (const auto &row : rows)
        width = std::max(width, row.first.size());
    text += u"\nOptions:\n"_s;
    for (const auto &row : rows)
        text += u"  "_s + row.first.leftJustified(width) + u"  "_s + row.second + u'\n';
    text += u"\nExample:\n  "_s + m_example + u'\n';
    return text;
}

bool Options::isSet(const QString &name) const
{
    Q_ASSERT(find(name));
    return m_values.contains(name);
}

std::optional<QString> Options::value(const QString &name) const
{
    Q_ASSERT(find(name) && !find(name)->repeatable);
    const auto it = m_values.constFind(name);
    if (it == m_values.cend())
        return std::nullopt;
    return it->constLast();
}

QStringList Options::values(const QString &name) const
{
    Q_ASSERT(find(name));
    return m_values.value(name);
}

QString Options::required(const QString &name) const
{
    const std::optional<QString> v = value(name);
    if (!v)
        throw UsageError(name, u"required"_s);
    return *v;
}

QString Options::positional(const QString &name) const
{
    return m_positionals.value(name);
}

void Options::requireExclusive(const QString &a, const QString &b) const
{
    if (isSet(a) && isSet(b))
        throw UsageError(b, u"cannot be combined with "_s + a);
}

std::optional<QByteArray> Options::textOrFile(const QString &textFlag, const QString &fileFlag) const
{
    requireExclusive(textFlag, fileFlag);
    if (const auto text = value(textFlag))
        return text->toUtf8();
    if (const auto path = value(fileFlag))
        return readInputFile(fileFlag, *path);
    return std::nullopt;
}

QByteArray Options::requiredTextOrFile(const QString &textFlag, const QString &fileFlag) const
{
    const std::optional<QByteArray> bytes = textOrFile(textFlag, fileFlag);
    if (!bytes)
        throw UsageError(textFlag, u"required (or "_s + fileFlag + u')');
    return *bytes;
}

qint64 parseWholeSeconds(const QString &flag, const QString &text)
{
    // Digits only: a sign, spaces or a fraction would sign a different string than typed.
    bool digitsOnly = !text.isEmpty();
    for (QChar c : text)
        digitsOnly = digitsOnly && c >= u'0' && c <= u'9';
    bool ok = false;
    const qint64 seconds = digitsOnly ? text.toLongLong(&ok) : 0;
    if (!ok)
        throw UsageError(flag, u"not a whole number of seconds: "_s + quotedForMessage(text));
    return seconds;
}

int parsePositiveMilliseconds(const QString &flag, const QString &text)
{
    bool digitsOnly = !text.isEmpty();
    for (QChar c : text)
        digitsOnly = digitsOnly && c >= u'0' && c <= u'9';
    bool ok = false;
    const int ms = digitsOnly ? text.toInt(&ok) : 0;
    if (!ok || ms <= 0)
        throw UsageError(flag, u"not a positive whole number of milliseconds: "_s + quotedForMessage(text));
    return ms;
}

QByteArray readInputFile(const QString &flag, const QString &path)
{
    QFile file(path);
    const bool opened = path == u"-" ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
    if (!opened)
        throw UsageError(flag, u"cannot read "_s + quotedForMessage(path) + u": "_s + file.errorString());
    // Byte for byte: no newline or encoding conversion, signatures cover the exact bytes.
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        throw UsageError(flag, u"cannot read "_s + quotedForMessage(path) + u": "_s + file.errorString());
    return bytes;
}

QString escapedForMessage(const QString &value)
{
    // Error messages must stay one line, whatever a value holds.
    constexpr qsizetype MaxShown = 80;
    QString shown;
    for (QChar c : value.left(MaxShown)) {
        if (c == u'"' || c == u'\\')
            shown += u'\\' + QString(c);
        else if (c == u'\n')
            shown += u"\\n"_s;
        else if (c == u'\r')
            shown += u"\\r"_s;
        else if (c == u'\t')
            shown += u"\\t"_s;
        else if (c.unicode() < 0x20)
            shown += u"\\x"_s + QString::number(c.unicode(), 16).rightJustified(2, u'0');
        else
            shown += c;
    }
    if (value.size() > MaxShown)
        shown += u"..."_s;
    return shown;
}

QString quotedForMessage(const QString &value)
{
    return u'"' + escapedForMessage(value) + u'"';
}

} // namespace Apinator::Ctl
