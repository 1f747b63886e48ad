// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// One `apinatorctl sandbox --port 0 --print-config` process for the tst_ctl_*.cpp suites.
#pragma once

#include "ctlprocess.h"

#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <memory>

namespace CtlTest {

// Its stderr goes to a file, so that it never blocks on a full pipe.
struct SandboxProcess
{
    std::unique_ptr<QProcess> process;
    QString logPath;
    QJsonObject config;
    QByteArray firstLine;

    // Starts it and reads the config line; false (with a warning) when it did not come.
    bool start(const QString &logFile, const QStringList &extraArgs = {}, int timeoutMs = 15000)
    {
        logPath = logFile;
        process = std::make_unique<QProcess>();
        process->setProcessEnvironment(cleanEnvironment());
        process->setStandardErrorFile(logPath);
        process->start(QStringLiteral(APINATOR_CTL_PATH),
                       QStringList{QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0"),
                                   QStringLiteral("--print-config")}
                           + extraArgs);
        if (!process->waitForStarted(timeoutMs))
            return false;
        const bool gotLine = QTest::qWaitFor(
            [this] { return process->canReadLine() || process->state() == QProcess::NotRunning; }, timeoutMs);
        if (!gotLine || !process->canReadLine()) {
            qWarning("sandbox did not print its config; stderr: %s", log().constData());
            return false;
        }
        firstLine = process->readLine();
        config = jsonObject(firstLine);
        return !config.isEmpty();
    }

    QByteArray log() const
    {
        QFile file(logPath);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // The environment apinatorctl reads its credentials from, with this secret.
    QProcessEnvironment environment(const QString &secret) const
    {
        QProcessEnvironment env = cleanEnvironment();
        env.insert(QStringLiteral("APINATOR_BASE_URL"), config.value(QLatin1StringView("base_url")).toString());
        env.insert(QStringLiteral("APINATOR_APP_ID"), config.value(QLatin1StringView("app_id")).toString());
        env.insert(QStringLiteral("APINATOR_KEY"), config.value(QLatin1StringView("key")).toString());
        env.insert(QStringLiteral("APINATOR_SECRET"), secret);
        return env;
    }
};

} // namespace CtlTest
