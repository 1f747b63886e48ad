#!/usr/bin/env bash
# SPDX-FileCopyrightText: Apinator Console contributors
# SPDX-License-Identifier: MIT
#
# Runs every benchmark of the project, one after the other, on this machine: signing
# (bench_signing), the sandbox under wrk, apinatorctl bench trigger, the Python SDK's loop
# re-implemented (python_loop.py), and the console's start-up (bench_startup.sh).
#
#   benchmarks/run-all.sh [BUILD_DIR]        (default: build/release)
#
# Build first:  cmake --preset release && cmake --build build/release --target benchmarks
# Needs: wrk, jq, python3 (Debian packages). stdout: one JSON line per figure, each
# with the command that produced it; stderr: every command as it runs ("+ ...").
# Knobs (environment): WRK_SECONDS (10), WRK_CONNECTIONS (64), BENCH_COUNT (120000),
# BENCH_CONCURRENCY (16), PYTHON_SECONDS (5); RUNS and IDLE_SECONDS go to bench_startup.sh.
# BENCH_COUNT is sized for about 10 s of bench trigger on this 2-core machine.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${1:-build/release}
[[ $build = /* ]] || build="$PWD/$build"
ctl="$build/app/ctl/apinatorctl"
signing="$build/benchmarks/bench_signing"
wrk_seconds=${WRK_SECONDS:-10}
wrk_connections=${WRK_CONNECTIONS:-64}
bench_count=${BENCH_COUNT:-120000}
bench_concurrency=${BENCH_CONCURRENCY:-16}
python_seconds=${PYTHON_SECONDS:-5}

die() { echo "run-all.sh: $*" >&2; exit 2; }
for tool in wrk jq python3; do
    command -v "$tool" >/dev/null || die "$tool is not installed (apt-get install $tool)"
done
[[ -x $ctl ]] || die "$ctl not found: build the 'benchmarks' target in $build first"
[[ -x $signing ]] || die "$signing not found: build the 'benchmarks' target in $build first"

work=$(mktemp -d)
sandbox_pids=()
cleanup() {
    for pid in "${sandbox_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# One figure per line, shaped like bench_signing's: name, value, unit, then the budget
# when there is one ("min" or "max" says which way it binds), and the command.
figure() { # name value unit command [budget min|max]
    local within=null
    if [[ $# -ge 6 ]]; then
        within=$(jq -n --argjson v "$2" --argjson b "$5" "if \"$6\" == \"min\" then \$v >= \$b else \$v <= \$b end")
        [[ $within == true ]] || budgets_missed=$((budgets_missed + 1))
    fi
    jq -cn --arg name "$1" --argjson value "$2" --arg unit "$3" --arg command "$4" \
        --argjson budget "${5:-null}" --argjson within "$within" \
        '{benchmark: $name, value: $value, unit: $unit}
         + (if $budget == null then {} else {budget: $budget, within_budget: $within} end)
         + {command: $command}'
}
say() { echo "+ $*" >&2; }
budgets_missed=0

# Starts `apinatorctl sandbox --port 0 --print-config`; sets sandbox_pid and sandbox_config.
start_sandbox() {
    local name=$1 out="$work/$1.out"
    say "$ctl sandbox --port 0 --print-config 2>$work/$name.log"
    "$ctl" sandbox --port 0 --print-config >"$out" 2>"$work/$name.log" &
    sandbox_pid=$!
    sandbox_pids+=("$sandbox_pid")
    for _ in $(seq 100); do
        [[ -s $out ]] && break
        kill -0 "$sandbox_pid" 2>/dev/null || die "sandbox exited: $(cat "$work/$name.log")"
        sleep 0.1
    done
    sandbox_config=$(head -n1 "$out")
    jq -e .base_url <<<"$sandbox_config" >/dev/null || die "sandbox printed no config: $sandbox_config"
}
stop_sandbox() {
    kill -TERM "$sandbox_pid"
    wait "$sandbox_pid" || die "sandbox $sandbox_pid exited with $? after SIGTERM"
}
peak_rss_kib() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }
cfg() { jq -r ".$1" <<<"$sandbox_config"; }
# The sandbox's own credentials, as every apinatorctl command reads them.
sandbox_env() {
    export APINATOR_BASE_URL APINATOR_APP_ID APINATOR_KEY APINATOR_SECRET
    APINATOR_BASE_URL=$(cfg base_url) APINATOR_APP_ID=$(cfg app_id)
    APINATOR_KEY=$(cfg key) APINATOR_SECRET=$(cfg secret)
}

jq -cn --arg date "$(date -u +%FT%TZ)" --arg cpu "$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)" \
    --argjson cores "$(nproc)" --arg build "$build" --arg kernel "$(uname -r)" \
    '{run: $date, cpu: $cpu, cores: $cores, kernel: $kernel, build: $build}'

# 1. Signing, in process (the lead's bench_signing prints its own JSON lines).
say "$signing"
"$signing" | tee "$work/signing.jsonl"
budgets_missed=$((budgets_missed + $(grep -c '"within_budget":false' "$work/signing.jsonl" || true)))

# 2. The sandbox alone under wrk: one signed 1 KiB trigger, pre-signed at the
#    start of the run (valid within the sandbox's 300 s timestamp window).
start_sandbox wrk
sandbox_env
body="$work/body.json"
python3 -c '
import json, sys
sys.path.insert(0, sys.argv[1])
from python_loop import bench_data
body = json.dumps({"name": "bench-event", "data": bench_data(0, 1024), "channel": "bench"}, separators=(",", ":"))
open(sys.argv[2], "w").write(body)
' "$here" "$body"
timestamp=$(date +%s)
sign_cmd="apinatorctl sign request --method POST --path /apps/$APINATOR_APP_ID/events --body-file $body --timestamp $timestamp --json"
say "$sign_cmd"
signed=$("$ctl" sign request --method POST --path "/apps/$APINATOR_APP_ID/events" --body-file "$body" \
    --timestamp "$timestamp" --json)
request="$work/request.txt"
{
    echo "Content-Type: application/json"
    jq -r '.headers | to_entries[] | "\(.key): \(.value)"' <<<"$signed"
    echo
    cat "$body"
} >"$request"
wrk_cmd="wrk -t2 -c$wrk_connections -d${wrk_seconds}s -s benchmarks/wrk-trigger.lua $APINATOR_BASE_URL/apps/$APINATOR_APP_ID/events -- REQUEST_FILE"
say "$wrk_cmd"
wrk -t2 -c"$wrk_connections" -d"${wrk_seconds}s" -s "$here/wrk-trigger.lua" \
    "$APINATOR_BASE_URL/apps/$APINATOR_APP_ID/events" -- "$request" >"$work/wrk.txt"
cat "$work/wrk.txt" >&2
wrk_json=$(sed -n 's/^WRK_JSON //p' "$work/wrk.txt")
wrk_rss=$(peak_rss_kib "$sandbox_pid")
stop_sandbox
wrk_rps=$(jq .requests_per_second <<<"$wrk_json")
wrk_errors=$(jq '.non2xx + .socket_errors.connect + .socket_errors.read + .socket_errors.write + .socket_errors.timeout' <<<"$wrk_json")
figure sandbox_wrk_requests_per_second "$wrk_rps" "req/s" "$wrk_cmd" 25000 min
figure sandbox_wrk_errors "$wrk_errors" "requests" "$wrk_cmd (non-2xx + socket errors)" 0 max
figure sandbox_wrk_latency_p99 "$(jq .latency_ms.p99 <<<"$wrk_json")" "ms" "$wrk_cmd"
figure sandbox_wrk_peak_rss "$wrk_rss" "KiB" "VmHWM of apinatorctl sandbox after: $wrk_cmd"

# 3. apinatorctl bench trigger: K in flight through one libcurl client, a subscriber counting.
start_sandbox bench
sandbox_env
bench_cmd="apinatorctl bench trigger --count $bench_count --concurrency $bench_concurrency --size 1024 --json"
say "APINATOR_BASE_URL=$APINATOR_BASE_URL APINATOR_APP_ID=$APINATOR_APP_ID APINATOR_KEY=$APINATOR_KEY APINATOR_SECRET=... $bench_cmd"
# Exit 1/3/4 means lost or failed events: still a figure to report, not a reason to stop.
bench_rc=0
bench_json=$("$ctl" bench trigger --count "$bench_count" --concurrency "$bench_concurrency" --size 1024 --json) ||
    bench_rc=$?
echo "$bench_json (exit $bench_rc)" >&2
jq -e .sent <<<"$bench_json" >/dev/null || die "bench trigger printed no result (exit $bench_rc)"
bench_rss=$(peak_rss_kib "$sandbox_pid")
stop_sandbox
bench_eps=$(jq .events_per_second <<<"$bench_json")
bench_lost=$(jq --argjson n "$bench_count" '[$n - .ok, $n - .received] | max' <<<"$bench_json")
figure bench_trigger_events_per_second "$bench_eps" "events/s" "$bench_cmd" 20000 min
figure bench_trigger_lost "$bench_lost" "events" "$bench_cmd (max of N - ok, N - received)" 0 max
figure bench_trigger_latency_p99 "$(jq .latency_ms.p99 <<<"$bench_json")" "ms" "$bench_cmd"
figure bench_trigger_sandbox_peak_rss "$bench_rss" "KiB" "VmHWM of apinatorctl sandbox after: $bench_cmd"
figure bench_trigger_ratio_to_wrk "$(jq -n "$bench_eps / $wrk_rps * 1000 | round / 1000")" "ratio" \
    "bench_trigger_events_per_second / sandbox_wrk_requests_per_second" 0.8 min

# 4. The official Python SDK's loop, re-implemented (the SDK is not installable here).
start_sandbox python
sandbox_env
declare -A python_eps
for transport in keepalive urllib; do
    py_cmd="python3 benchmarks/python_loop.py --transport $transport --duration $python_seconds --size 1024"
    say "APINATOR_BASE_URL=$APINATOR_BASE_URL ... $py_cmd"
    py_json=$(python3 "$here/python_loop.py" --transport "$transport" --duration "$python_seconds" --size 1024) ||
        true # it exits 1 when some failed: the figures say so
    echo "$py_json" >&2
    python_eps[$transport]=$(jq .events_per_second <<<"$py_json")
    figure "python_sdk_loop_reimplemented_${transport}_events_per_second" "${python_eps[$transport]}" "events/s" "$py_cmd"
    figure "python_sdk_loop_reimplemented_${transport}_failed" "$(jq .failed <<<"$py_json")" "events" "$py_cmd"
done
stop_sandbox
ratio_python=$(jq -n "$bench_eps / ${python_eps[keepalive]} * 100 | round / 100")
figure bench_trigger_ratio_to_python_loop "$ratio_python" "ratio" \
    "bench_trigger_events_per_second / python_sdk_loop_reimplemented_keepalive_events_per_second" 5 min

# 5. Start-up and memory of the console against a bare Qt window (its own script).
if [[ -x $build/app/console/apinator-console && -x $build/benchmarks/bare_window ]]; then
    say "$here/bench_startup.sh $build"
    "$here/bench_startup.sh" "$build" | tee "$work/startup.jsonl" || true # exit 1: a missed budget, counted below
    budgets_missed=$((budgets_missed + $(grep -c '"met":false' "$work/startup.jsonl" || true)))
else
    jq -cn --arg build "$build" '{benchmark: "startup", skipped: "apinator-console or bare_window not built in \($build)"}'
fi

jq -cn --argjson missed "$budgets_missed" '{budgets_missed: $missed}'
