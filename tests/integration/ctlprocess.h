// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// Runs the built apinatorctl as a real process, for the tst_ctl_*.cpp suites.
#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTimer>

namespace CtlTest {

struct Run
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// The test's environment without any APINATOR_* variable, so a developer's shell
// settings cannot leak into a test.
inline QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = env.keys();
    for (const QString &key : keys)
        if (key.startsWith(QLatin1StringView("APINATOR_")))
            env.remove(key);
    return env;
}

// Spins an event loop while the process runs, so servers living in the test's
// thread keep answering it.
inline Run run(const QStringList &args, const QByteArray &input = {},
               const QProcessEnvironment &env = cleanEnvironment(), int timeoutMs = 60000)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProgram(QStringLiteral(APINATOR_CTL_PATH));
    process.setArguments(args);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    process.start();
    if (!process.waitForStarted())
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (process.state() != QProcess::NotRunning)
        loop.exec();

    Run result;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.finished = process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// The contract's usage errors: exactly one line on stderr, prefixed with the program name.
inline bool isOneErrorLine(const QByteArray &err)
{
    return err.startsWith("apinatorctl: ") && err.endsWith('\n') && err.count('\n') == 1;
}

inline QJsonObject jsonObject(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

// Independent oracles (Qt's own HMAC and MD5), so a test never checks the core against itself.
inline QByteArray hmacHex(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256).toHex();
}

inline QByteArray md5Hex(const QByteArray &data)
{
    return data.isEmpty() ? QByteArray() : QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

// True when the members appear in the output in this order.
inline bool membersInOrder(const QByteArray &json, const QList<QByteArray> &names)
{
    qsizetype from = 0;
    for (const QByteArray &name : names) {
        const qsizetype at = json.indexOf(QByteArray('"' + name + "\":"), from);
        if (at < 0)
            return false;
        from = at + 1;
    }
    return true;
}

} // namespace CtlTest
