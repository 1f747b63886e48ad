// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "widgets/jsonspans.h"

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <array>

namespace Apinator::Ui {

// The colour (and weight) of a JSON token class, readable on light and dark bases.
QTextCharFormat jsonFormat(JsonSpans::Class cls);

// Colours JSON by token: member names, strings, numbers, true/false/null, punctuation.
// Each line is coloured on its own (a JSON string never spans lines), so typing
// re-colours one block only.
class JsonHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonHighlighter)
public:
    explicit JsonHighlighter(QTextDocument *document = nullptr);

protected:
    void highlightBlock(const QString &text) override;

private:
    std::array<QTextCharFormat, 6> m_formats;
};

} // namespace Apinator::Ui
