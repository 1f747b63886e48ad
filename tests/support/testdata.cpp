// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "testdata.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace TestData {

QString path(const QString &relative)
{
    return QStringLiteral(APINATOR_TEST_DATA_DIR "/") + relative;
}

QJsonArray conformanceCases(const QString &fileName)
{
    QFile file(path(QStringLiteral("conformance/") + fileName));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open conformance vector %s", qPrintable(file.fileName()));
    const QJsonArray cases = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("cases")).toArray();
    if (cases.isEmpty())
        qFatal("conformance vector %s has no cases", qPrintable(file.fileName()));
    return cases;
}

} // namespace TestData
