// SPDX-FileCopyrightText: Apinator Console contributors
// SPDX-License-Identifier: MIT
#pragma once

namespace Apinator::Ui {

// Settings of the C allocator for a process that keeps a window open all day: called first
// thing in main() by apinator-console and by the benchmarks that stand for it.
//
// glibc raises its mmap threshold each time a large block is freed, up to 32 MiB, after
// which every 256 KiB block of the Monitor's event store and every buffer of a large
// Trigger document comes from the heap, where freed memory stays resident: a full
// 100,000-event buffer cost 71 MB above the idle window instead of 39. A fixed
// threshold keeps blocks of 128 KiB and more in their own mappings, returned on free.
void tuneAllocator();

} // namespace Apinator::Ui
