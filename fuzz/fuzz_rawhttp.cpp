// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
// Any bytes as a pasted raw HTTP request: parse, never crash or hang.
#include <apinator/rawhttp.h>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const Apinator::RawHttpRequest request = Apinator::parseRawHttpRequest(text);
    // The body is kept byte for byte: it is a suffix of the input.
    if (request.error.isEmpty() && !text.endsWith(request.body))
        __builtin_trap();
    QByteArray name, value;
    Apinator::parseHeaderLine(text.left(200), &name, &value);
    return 0;
}
