// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "widgets/jsonspans.h"

namespace Apinator::Ui {

namespace {

// How far past the range a string's end is looked for to tell a member name (followed
// by ':') from a value: a megabyte-long string is simply coloured as a string.
constexpr qsizetype KeyLookahead = 4096;

bool isNumberChar(QChar c)
{
    return c.isDigit() || c == u'.' || c == u'e' || c == u'E' || c == u'+' || c == u'-';
}

// The index just past the string's closing quote, the search starting inside it.
qsizetype stringEnd(QStringView text, qsizetype i, qsizetype limit, bool escaped)
{
    for (; i < limit; ++i) {
        const QChar c = text.at(i);
        if (escaped)
            escaped = false;
        else if (c == u'\\')
            escaped = true;
        else if (c == u'"' || c == u'\n')
            return i + 1;
    }
    return limit;
}

bool followedByColon(QStringView text, qsizetype i)
{
    const qsizetype limit = qMin(text.size(), i + KeyLookahead);
    while (i < limit && (text.at(i) == u' ' || text.at(i) == u'\t' || text.at(i) == u'\r' || text.at(i) == u'\n'))
        ++i;
    return i < limit && text.at(i) == u':';
}

} // namespace

void JsonSpans::advance(State &state, QChar c)
{
    if (c == u'\n') {
        state = {}; // an unclosed string ends with its line
    } else if (state.inString) {
        if (state.escaped)
            state.escaped = false;
        else if (c == u'\\')
            state.escaped = true;
        else if (c == u'"')
            state.inString = false;
    } else if (c == u'"') {
        state.inString = true;
    }
}

JsonSpans::State JsonSpans::stateAt(QStringView text, qsizetype position)
{
    if (m_checkpoints.empty())
        m_checkpoints.push_back({});
    const qsizetype wanted = position / Step;
    while (qsizetype(m_checkpoints.size()) <= wanted) {
        const qsizetype start = (qsizetype(m_checkpoints.size()) - 1) * Step;
        State state = m_checkpoints.back();
        for (qsizetype i = start; i < start + Step && i < text.size(); ++i)
            advance(state, text.at(i));
        m_checkpoints.push_back(state);
    }
    State state = m_checkpoints[size_t(wanted)];
    for (qsizetype i = wanted * Step; i < position; ++i)
        advance(state, text.at(i));
    return state;
}

void JsonSpans::invalidateFrom(qsizetype position)
{
    // The state at k * Step <= position depends only on the text before it.
    const size_t keep = size_t(position / Step) + 1;
    if (m_checkpoints.size() > keep)
        m_checkpoints.resize(keep);
}

QByteArray JsonSpans::classify(QStringView text, qsizetype from, qsizetype to)
{
    from = qBound(qsizetype(0), from, text.size());
    to = qBound(from, to, text.size());
    return lex(text, from, to, stateAt(text, from));
}

QByteArray JsonSpans::classifyLine(QStringView line)
{
    return lex(line, 0, line.size(), {});
}

QByteArray JsonSpans::lex(QStringView text, qsizetype from, qsizetype to, State state)
{
    QByteArray classes(to - from, char(Plain));
    auto mark = [&](qsizetype start, qsizetype end, Class cls) {
        start = qMax(start, from);
        end = qMin(end, to);
        if (end > start)
            std::fill(classes.begin() + (start - from), classes.begin() + (end - from), char(cls));
    };
    qsizetype i = from;
    if (state.inString) {
        // The range starts inside a string: colour up to its end.
        const qsizetype end = stringEnd(text, i, qMin(text.size(), to + KeyLookahead), state.escaped);
        mark(i, end, followedByColon(text, end) ? Key : String);
        i = end;
    }
    while (i < to) {
        const QChar c = text.at(i);
        if (c == u'"') {
            const qsizetype end = stringEnd(text, i + 1, qMin(text.size(), to + KeyLookahead), false);
            mark(i, end, followedByColon(text, end) ? Key : String);
            i = end;
        } else if (c == u'-' || c.isDigit()) {
            const qsizetype start = i++;
            while (i < to && isNumberChar(text.at(i)))
                ++i;
            mark(start, i, Number);
        } else if (c.isLetter()) {
            const qsizetype start = i++;
            while (i < to && text.at(i).isLetter())
                ++i;
            mark(start, i, Literal);
        } else {
            if (c == u'{' || c == u'}' || c == u'[' || c == u']' || c == u',' || c == u':')
                mark(i, i + 1, Punctuation);
            ++i;
        }
    }
    return classes;
}

} // namespace Apinator::Ui
