#!/usr/bin/env bash
# SPDX-FileCopyrightText: Apinator Console contributors
# SPDX-License-Identifier: MIT
#
# The instructions apinator-console and the bare window (benchmarks/bare_window.cpp) run
# from exec to their first frame, counted by valgrind's callgrind: a figure that does not
# move with the machine's load, where the wall-clock start-up (bench_startup.sh) moves by
# several milliseconds from one series to the next. It leaves out what the kernel does
# (mapping libraries, page faults), so it is a guide for start-up work, not the budget: the
# budget stays on bench_startup.sh's time.
#
#   benchmarks/bench_startup_instructions.sh [BUILD_DIR]      (default: build/release)
#
# Each program runs RUNS times (default 3) under callgrind, which dumps its counts when
# SmokeTest::reportLine() is entered (the first frame is painted then). Printed per program:
# the median of all instructions to the first frame, and of those run inside ld.so's start
# (dl_main: loading and relocating the libraries); then the console's ratio to the bare
# window. stdout: one JSON line per figure, like bench_startup.sh. Needs valgrind; 2 on a
# usage error.
set -euo pipefail

build=${1:-build/release}
[[ $build = /* ]] || build="$PWD/$build"
runs=${RUNS:-3}
console="$build/app/console/apinator-console"
bare="$build/benchmarks/bare_window"

die() { echo "bench_startup_instructions.sh: $*" >&2; exit 2; }
command -v valgrind >/dev/null || die "valgrind is not installed (apt-get install valgrind)"
command -v callgrind_annotate >/dev/null || die "callgrind_annotate is missing (it comes with valgrind)"
command -v jq >/dev/null || die "jq is not installed (apt-get install jq)"
[[ -x $console && -x $bare ]] || die "build first: cmake --build $build --target apinator-console bare_window"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/config" "$work/runtime"
chmod 700 "$work/runtime"
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work/runtime" APINATOR_CONFIG_DIR="$work/config"

# A user's second start: the first run creates the Local sandbox profile.
"$console" --smoke-test >/dev/null 2>>"$work/stderr.log" || die "$console --smoke-test failed (see $work/stderr.log)"

# One run: "TOTAL DL_MAIN" up to the first frame, appended to FILE.
measure() { # program, file
    local out="$work/callgrind.out"
    rm -f "$out"*
    valgrind --tool=callgrind --callgrind-out-file="$out" --dump-before='Apinator::Ui::SmokeTest::reportLine*' \
        "$1" --smoke-test >/dev/null 2>>"$work/stderr.log" || die "$1 failed under callgrind (see $work/stderr.log)"
    # Part 1 is the dump taken at the first frame; part 2 the rest of the run.
    local part="$out.1"
    [[ -f $part ]] || die "no dump at the first frame from $1 (see $work/stderr.log)"
    local total dl
    total=$(awk '/^summary:/ {print $2}' "$part")
    dl=$(callgrind_annotate --inclusive=yes --threshold=100 "$part" 2>/dev/null \
        | awk '/rtld.c:dl_main/ && !found {gsub(",", "", $1); print $1; found = 1}')
    echo "$total ${dl:-0}" >>"$2"
}
median() { # file, column
    cut -d' ' -f"$2" "$1" | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
figure() { # name, value, program
    jq -cn --arg name "$1" --argjson value "$2" \
        --arg command "valgrind --tool=callgrind --dump-before='Apinator::Ui::SmokeTest::reportLine*' $3 --smoke-test (median of $runs)" \
        '{figure: $name, value: $value, unit: "instructions", command: $command}'
}

echo "+ $runs runs of each under callgrind (about 5 s a run)" >&2
for ((i = 0; i < runs; i++)); do
    measure "$bare" "$work/bare"
    measure "$console" "$work/console"
done
bare_total=$(median "$work/bare" 1)
console_total=$(median "$work/console" 1)
figure "bare window instructions to the first frame" "$bare_total" "$bare"
figure "bare window instructions in ld.so's start (dl_main)" "$(median "$work/bare" 2)" "$bare"
figure "console instructions to the first frame" "$console_total" "$console"
figure "console instructions in ld.so's start (dl_main)" "$(median "$work/console" 2)" "$console"
jq -cn --argjson ratio "$(jq -n "$console_total / $bare_total * 100 | round / 100")" \
    '{figure: "console / bare window, instructions to the first frame", value: $ratio, unit: "ratio"}'
