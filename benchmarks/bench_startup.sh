#!/usr/bin/env bash
# SPDX-FileCopyrightText: Apinator Console contributors
# SPDX-License-Identifier: MIT
#
# Start-up time and resident memory of apinator-console against a bare Qt Widgets window
# built the same way (benchmarks/bare_window.cpp), RUNS times each (default 15), interleaved,
# on the offscreen platform; the medians and the 1.5x budgets:
# - start-up: `--smoke-test` (process start to the first frame painted) and its rss_kb;
# - idle memory: VmRSS after IDLE_SECONDS (default 2) of a normal start, when the console has
#   also started its sandbox and asked the keyring (it does both right after the first frame).
#
#   benchmarks/bench_startup.sh [BUILD_DIR]      (default: build/release)
#   PHASES=1 benchmarks/bench_startup.sh         also the median time of each start-up phase
#                                                (SmokeTest::markPhase), console and bare window
#
# Build first: cmake --build BUILD_DIR --target apinator-console bare_window
# The console starts as on a user's machine that has the Local sandbox profile (one
# discarded warm-up run creates it) in a throwaway APINATOR_CONFIG_DIR: it loads the
# profiles, starts the embedded sandbox and asks the keyring (asynchronously).
# stdout: one JSON line per figure and per budget, like run-all.sh. Exit 1 when a budget
# is missed, 2 on a usage error.
set -euo pipefail

build=${1:-build/release}
[[ $build = /* ]] || build="$PWD/$build"
runs=${RUNS:-15}
idle_seconds=${IDLE_SECONDS:-2}
budget=1.5
console="$build/app/console/apinator-console"
bare="$build/benchmarks/bare_window"

die() { echo "bench_startup.sh: $*" >&2; exit 2; }
command -v jq >/dev/null || die "jq is not installed (apt-get install jq)"
[[ -x $console ]] || die "$console not found: cmake --build $build --target apinator-console bare_window"
[[ -x $bare ]] || die "$bare not found: cmake --build $build --target apinator-console bare_window"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/config" "$work/runtime"
chmod 700 "$work/runtime"
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work/runtime" APINATOR_CONFIG_DIR="$work/config"

phases=${PHASES:-0}
[[ $phases == 1 ]] && export APINATOR_STARTUP_PHASES=1

# One run: the JSON line of --smoke-test, appended to FILE (and its phases to FILE.phases).
measure() { # program, file
    local line
    # The probe counts from this exec() (bash's EPOCHREALTIME, in microseconds), not from
    # /proc's starttime, whose 10 ms ticks are too coarse here.
    line=$(APINATOR_LAUNCH_US=${EPOCHREALTIME/./} "$1" --smoke-test 2>"$work/run.stderr" | tail -n 1)
    cat "$work/run.stderr" >>"$work/stderr.log"
    jq -e 'has("startup_ms") and has("rss_kb")' <<<"$line" >/dev/null \
        || die "$1 --smoke-test printed no figures: '$line' (see $work/stderr.log)"
    echo "$line" >>"$2"
    if [[ $phases == 1 ]]; then
        grep '^{"phases"' "$work/run.stderr" >>"$2.phases" || die "$1 printed no phases (see $work/stderr.log)"
    fi
}
# One idle figure: VmRSS of a normal start after idle_seconds, appended to FILE as JSON.
measure_idle() { # program, file
    local pid kb
    "$1" 2>>"$work/stderr.log" &
    pid=$!
    sleep "$idle_seconds"
    kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    [[ -n $kb ]] || die "$1 exited before $idle_seconds s (see $work/stderr.log)"
    echo "{\"idle_rss_kb\": $kb}" >>"$2"
}
median() { # file, key
    jq -r ".$2" "$1" | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

echo "+ warm-up (page cache, first-run profile): $console --smoke-test; $bare --smoke-test" >&2
measure "$console" "$work/warmup"
measure "$bare" "$work/warmup"
echo "+ $runs interleaved runs of each: QT_QPA_PLATFORM=offscreen PROGRAM --smoke-test" >&2
for ((i = 0; i < runs; i++)); do
    measure "$bare" "$work/bare"
    measure "$console" "$work/console"
done
echo "+ $runs interleaved idle runs of each: QT_QPA_PLATFORM=offscreen PROGRAM & sleep $idle_seconds; VmRSS" >&2
for ((i = 0; i < runs; i++)); do
    measure_idle "$bare" "$work/bare-idle"
    measure_idle "$console" "$work/console-idle"
done

command_of() { echo "QT_QPA_PLATFORM=offscreen APINATOR_CONFIG_DIR=<tmp> $1 --smoke-test (median of $runs)"; }
idle_command_of() { echo "QT_QPA_PLATFORM=offscreen APINATOR_CONFIG_DIR=<tmp> $1 & sleep $idle_seconds; VmRSS (median of $runs)"; }
figure() { # name, value, unit, command
    jq -cn --arg name "$1" --argjson value "$2" --arg unit "$3" --arg command "$4" \
        '{figure: $name, value: $value, unit: $unit, command: $command}'
}
bare_ms=$(median "$work/bare" startup_ms)
bare_kb=$(median "$work/bare" rss_kb)
console_ms=$(median "$work/console" startup_ms)
console_kb=$(median "$work/console" rss_kb)
bare_idle=$(median "$work/bare-idle" idle_rss_kb)
console_idle=$(median "$work/console-idle" idle_rss_kb)
figure "bare window start-up" "$bare_ms" ms "$(command_of "$bare")"
figure "bare window memory at first frame" "$bare_kb" KiB "$(command_of "$bare")"
figure "bare window idle memory" "$bare_idle" KiB "$(idle_command_of "$bare")"
figure "console start-up" "$console_ms" ms "$(command_of "$console")"
figure "console memory at first frame" "$console_kb" KiB "$(command_of "$console")"
figure "console idle memory" "$console_idle" KiB "$(idle_command_of "$console")"

if [[ $phases == 1 ]]; then
    # Each phase's median, in ms since the launch, for both programs (null where a program
    # has no such phase: the bare window loads no profiles).
    phase_median() { # file, phase
        jq -r --arg n "$2" '.phases[$n] // empty' "$1" | sort -n \
            | awk '{v[NR] = $1} END {if (NR) print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; else print "null"}'
    }
    for name in $(jq -r '.phases | keys_unsorted[]' "$work/console.phases" | awk '!seen[$0]++'); do
        jq -cn --arg name "$name" --argjson console "$(phase_median "$work/console.phases" "$name")" \
            --argjson bare "$(phase_median "$work/bare.phases" "$name")" \
            '{phase: $name, console_ms: $console, bare_ms: $bare, unit: "ms since exec, median"}'
    done
fi

missed=0
check() { # name, console value, bare value
    local met ratio
    ratio=$(jq -n "$2 / $3 * 100 | round / 100")
    met=$(jq -n "$2 <= $budget * $3")
    jq -cn --arg name "$1" --argjson met "$met" --argjson ratio "$ratio" \
        --arg rule "console within ${budget}x the bare window (median of $runs)" \
        '{budget: $name, rule: $rule, ratio: $ratio, met: $met}'
    [[ $met == true ]] || missed=$((missed + 1))
}
check "console start-up" "$console_ms" "$bare_ms"
check "console idle memory" "$console_idle" "$bare_idle"
exit $((missed > 0))
