// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Apinator::Ui::JsonText {

// The first thing wrong with a JSON text, with where it is (1-based line and column,
// the column counted in characters).
struct Check
{
    bool valid = false;
    qsizetype offset = -1; // byte offset of the error
    int line = 0;
    int column = 0;
    QString message; // "expected ',' or '}' after an object member"

    // "line 3, column 14: expected ..."; empty when valid.
    QString text() const;
};

// Validates RFC 8259 JSON (any value at the top level) in one pass, without building
// a document: fast enough for megabytes, and safe for deep nesting (no recursion).
Check check(QByteArrayView utf8);

// The same text re-laid out, keeping member order and every string byte as it is:
// indented by two spaces, or with all insignificant whitespace removed. The input
// must be valid (check() first); invalid input gives an empty result.
QByteArray format(QByteArrayView utf8);
QByteArray minify(QByteArrayView utf8);

} // namespace Apinator::Ui::JsonText
