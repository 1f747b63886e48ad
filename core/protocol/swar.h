// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// Private: eight bytes at a time over text (SIMD within a register). Event data and
// bodies are mostly plain runs, so the JSON and UTF-8 loops skip them a word at a time.
#pragma once

#include <QtGlobal>

#include <cstring>

namespace Apinator::Swar {

inline constexpr quint64 Ones = 0x0101010101010101ULL;
inline constexpr quint64 Highs = 0x8080808080808080ULL;

inline quint64 load8(const char *p)
{
    quint64 w;
    std::memcpy(&w, p, 8);
    return w;
}

inline bool hasZeroByte(quint64 v)
{
    return ((v - Ones) & ~v & Highs) != 0;
}

// A '"', a '\\' or a control character in the word: a byte a JSON string scan must
// look at. Bytes >= 0x80 (UTF-8) never are.
inline bool needsJsonLook(quint64 w)
{
    return ((w - 0x20 * Ones) & ~w & Highs) != 0 || hasZeroByte(w ^ ('"' * Ones)) || hasZeroByte(w ^ ('\\' * Ones));
}

inline bool isAsciiWord(quint64 w)
{
    return (w & Highs) == 0;
}

} // namespace Apinator::Swar
