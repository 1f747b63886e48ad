// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QString>

namespace TestData {

// Absolute path of a file under tests/data.
QString path(const QString &relative);
// The "cases" array of a conformance vector file (tests/data/conformance/NAME).
QJsonArray conformanceCases(const QString &fileName);

} // namespace TestData
