// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "session/partsmodule.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLibrary>

using namespace Qt::StringLiterals;

#ifndef APINATOR_MODULE_RELATIVE_DIR
#define APINATOR_MODULE_RELATIVE_DIR "../lib/apinator-console"
#endif

namespace Apinator::Ui {

PartsModule::PartsModule(QString dir)
    : m_dir(std::move(dir))
{
}

// The module stays loaded until the process ends: its objects (servers, pages) may live
// until then, and unloading code that Qt's meta-objects still point into is never safe.
PartsModule::~PartsModule() = default;

QString PartsModule::fileName()
{
    return u"libapinator-console-parts.so"_s;
}

QString PartsModule::defaultDirectory()
{
    const QString fromEnvironment = qEnvironmentVariable("APINATOR_MODULE_DIR");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QDir executable(QCoreApplication::applicationDirPath());
    if (QFileInfo::exists(executable.filePath(fileName())))
        return executable.path();
    return QDir::cleanPath(executable.filePath(QStringLiteral(APINATOR_MODULE_RELATIVE_DIR)));
}

bool PartsModule::load()
{
    if (m_parts)
        return true;
    // Found on first use, like the rest: a start-up that never opens the module looks for nothing.
    if (m_dir.isEmpty())
        m_dir = defaultDirectory();
    const QString path = QDir(m_dir).filePath(fileName());
    if (!QFileInfo::exists(path))
        return fail(tr("the console's parts module is missing (%1)").arg(QDir::toNativeSeparators(path)));
    QLibrary library(path);
    // Every symbol now: a missing one is a message here, not a crash on its first call.
    library.setLoadHints(QLibrary::ResolveAllSymbolsHint);
    if (!library.load())
        return fail(tr("the console's parts module could not be loaded: %1").arg(library.errorString()));
    const auto entry = reinterpret_cast<DeferredPartsEntry>(library.resolve(DeferredPartsEntryName));
    if (!entry)
        return fail(tr("%1 is not the console's parts module: %2")
                        .arg(QDir::toNativeSeparators(library.fileName()), library.errorString()));
    m_parts = entry();
    m_problem.clear();
    return true;
}

bool PartsModule::fail(QString problem)
{
    // Said once on stderr too: a packaging mistake shows in a terminal, not only in the window.
    if (problem != m_problem)
        qWarning("%s", qPrintable(problem));
    m_problem = std::move(problem);
    return false;
}

namespace {

// What make() opens from the module, or nullptr with *error set to why the module is not there.
template<typename Make>
auto openOrSayWhy(bool loaded, const QString &problem, QString *error, Make make) -> decltype(make())
{
    if (!loaded) {
        if (error)
            *error = problem;
        return nullptr;
    }
    return make();
}

} // namespace

std::unique_ptr<SandboxHost> PartsModule::startSandbox(quint16 port, const QList<SandboxApp> &apps, QString *error)
{
    return openOrSayWhy(load(), m_problem, error, [&] { return m_parts->startSandbox(port, apps, error); });
}

std::unique_ptr<HistoryStore> PartsModule::openHistory(QString *error)
{
    return openOrSayWhy(load(), m_problem, error, [&] { return m_parts->openHistory(error); });
}

std::unique_ptr<KeyringStore> PartsModule::openKeyring(const QString &service, QString *error)
{
    return openOrSayWhy(load(), m_problem, error, [&] { return m_parts->openKeyring(service, error); });
}

QWidget *PartsModule::createMonitorPage(const PageContext &context)
{
    return load() ? m_parts->createMonitorPage(context) : unavailablePage(tr("Monitor"));
}

QWidget *PartsModule::createWebhooksPage(const PageContext &context)
{
    return load() ? m_parts->createWebhooksPage(context) : unavailablePage(tr("Webhooks"));
}

QWidget *PartsModule::unavailablePage(const QString &page) const
{
    auto *label = new QLabel(tr("The %1 page is not available: %2.").arg(page, m_problem));
    label->setObjectName(u"partsModuleProblem"_s);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace Apinator::Ui
