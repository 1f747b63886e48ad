// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#include "allocator.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace Apinator::Ui {

void tuneAllocator()
{
#if defined(__GLIBC__)
    // Setting it at all turns glibc's dynamic adjustment off; 128 KiB is its default start.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
}

} // namespace Apinator::Ui
