// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QStringView>

#include <vector>

namespace Apinator::Ui {

// The JSON token class of every character in a range of a text, for colouring. One
// lexer for the line-by-line highlighter and the long-line view. For a range deep in a
// long text, the lexer state (inside a string or not) at the range's start comes from
// checkpoints kept every Step characters, so colouring what is on screen costs the
// visible range plus at most one Step, not the text before it.
class JsonSpans final
{
public:
    enum Class : char { Plain, Key, String, Number, Literal, Punctuation };
    static constexpr qsizetype Step = 64 * 1024;

    // One Class per character of text[from, to); `from` is lexed as the start of a token
    // unless a checkpoint says it is inside a string.
    QByteArray classify(QStringView text, qsizetype from, qsizetype to);
    // The text changed at `position`: states after it are stale.
    void invalidateFrom(qsizetype position);
    void clear() { m_checkpoints.clear(); }

    // Colours a whole line on its own (a JSON string never spans lines).
    static QByteArray classifyLine(QStringView line);

private:
    struct State
    {
        bool inString = false;
        bool escaped = false;
    };
    State stateAt(QStringView text, qsizetype position);
    static void advance(State &state, QChar c);
    static QByteArray lex(QStringView text, qsizetype from, qsizetype to, State state);

    std::vector<State> m_checkpoints; // the state at k * Step, valid for every k < size()
};

} // namespace Apinator::Ui
