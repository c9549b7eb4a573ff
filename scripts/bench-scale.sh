#!/bin/bash
# Scale-out (issue 17): two `switchboard serve` behind nginx sharing one Redis TTS cache, driven
# by `switchboard simulate` through nginx. Shows that (1) calls spread over both servers, (2) a
# clip synthesized by one server is a cache hit on the other, (3) SIGTERM to one server in the
# middle of a load run drains its live calls while new calls go to the other, and no call is
# lost. Run with `make bench-scale` (which builds release first). Everything runs on 127.0.0.1
# on free ports, in a temporary directory, and is stopped on exit, failure included.
#
#   CALLS=16 CONCURRENCY=8 RAMP_S=16 STOP_AT_S=10 make bench-scale
#   SCENARIO=Examples/scale/plain-booking.scenario.yaml make bench-scale   # the load run's calls
#   KEEP=1 make bench-scale        # keep the directory (logs, configs, reports)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
bin=${BIN:-.build/release}
calls=${CALLS:-16}
concurrency=${CONCURRENCY:-8}
ramp=${RAMP_S:-16}
stop_at=${STOP_AT_S:-10}
scenario=${SCENARIO:-Examples/booking.scenario.yaml}

fail() { echo "bench-scale: $*" >&2; exit 1; }

PATH=$PATH:/usr/sbin
for tool in nginx redis-server redis-cli curl python3; do
    command -v "$tool" > /dev/null || {
        echo "bench-scale: $tool is missing; install it with: sudo apt-get install nginx-light redis-server curl" >&2
        exit 69
    }
done
[ "${1:-}" = --check ] && exit 0  # only whether the tools are here (make checks before building)
[ -x "$bin/switchboard" ] || fail "$bin/switchboard is not built (make bench-scale builds it)"
"$bin/switchboard" simulate --help > /dev/null 2>&1 || fail "this switchboard has no simulate command yet"

work=$(mktemp -d "${TMPDIR:-/tmp}/bench-scale.XXXXXX")
pids=()
cleanup() {
    local status=$?
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2> /dev/null || true; done
    # A server with live calls drains for up to drain_s: give everything 5 s, then KILL.
    for _ in $(seq 50); do
        local alive=0
        for pid in "${pids[@]}"; do kill -0 "$pid" 2> /dev/null && alive=1; done
        [ "$alive" = 0 ] && break
        sleep 0.1
    done
    for pid in "${pids[@]}"; do kill -KILL "$pid" 2> /dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
    if [ -n "${KEEP:-}" ] || [ "$status" != 0 ]; then echo "bench-scale: logs and reports kept in $work" >&2; else rm -rf "$work"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits until a command succeeds (every 0.1 s, at most $1 s).
wait_for() {
    local limit=$1; shift
    for _ in $(seq $((limit * 10))); do "$@" > /dev/null 2>&1 && return 0; sleep 0.1; done
    return 1
}

# A counter of a server's /metrics (0 when absent), e.g. metric A 'switchboard_calls_started_total'.
metric() {
    curl -fsS "http://127.0.0.1:$1/metrics" | awk -v name="$2" '$1 == name { print $2; found = 1 } END { if (!found) print 0 }'
}

redis_port=$(free_port); port_a=$(free_port); port_b=$(free_port); port_nginx=$(free_port)

# Redis: its own directory, nothing written to disk.
mkdir -p "$work/redis"
redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$work/redis" --save '' --appendonly no \
    --daemonize no > "$work/redis.log" 2>&1 &
pids+=($!)
wait_for 10 redis-cli -p "$redis_port" ping || fail "redis-server did not start: $(cat "$work/redis.log")"
redis() { redis-cli -p "$redis_port" "$@"; }

# The servers: the example configurations on this run's ports, paths made absolute.
render() {
    sed -e "s#127\.0\.0\.1:8080#127.0.0.1:$port_nginx#g" -e "s#127\.0\.0\.1:8081#127.0.0.1:$port_a#g" \
        -e "s#127\.0\.0\.1:8082#127.0.0.1:$port_b#g" -e "s#redis://127\.0\.0\.1:6379#redis://127.0.0.1:$redis_port#g" \
        -e "s#\.\./receptionist\.yaml#$repo/Examples/receptionist.yaml#g" -e "s#\.\./\.\./out/scale-traces#$work/traces#g" "$1"
}
declare -A server_pid port_of=([a]=$port_a [b]=$port_b)
for name in a b; do
    render "Examples/scale/serve-$name.yaml" > "$work/serve-$name.yaml"
    "$bin/switchboard" serve --config "$work/serve-$name.yaml" --log-level notice > /dev/null 2> "$work/serve-$name.log" &
    server_pid[$name]=$!
    pids+=($!)
done
for name in a b; do
    wait_for 30 curl -fsS "http://127.0.0.1:${port_of[$name]}/healthz" ||
        fail "server $name did not start: $(tail -5 "$work/serve-$name.log")"
done

# nginx, as this user, from its own prefix directory.
mkdir -p "$work/nginx"
render Examples/scale/nginx.conf > "$work/nginx/nginx.conf"
nginx -p "$work/nginx/" -e stderr -c "$work/nginx/nginx.conf" 2> "$work/nginx.log" &
pids+=($!)
wait_for 10 curl -sS -o /dev/null "http://127.0.0.1:$port_nginx/" || fail "nginx did not start: $(cat "$work/nginx.log")"

echo "== bench-scale: redis :$redis_port, servers a :$port_a and b :$port_b, nginx :$port_nginx"

# (2) The shared cache: one call straight to server a's socket, then the same call to b's.
# `tts-cache stats` adds up what every tts-cache using this Redis counted (each call's stage
# adds its counts when the call ends).
cache_stats() {
    "$bin/tts-cache" stats --cache redis --redis-url "redis://127.0.0.1:$redis_port" --json |
        python3 -c 'import json, sys; s = json.load(sys.stdin); print(s["entries"], s["hits"], s["misses"])'
}
direct_call() {
    "$bin/switchboard" simulate --media "ws://127.0.0.1:${port_of[$1]}/media" --scenario Examples/scale/plain-booking.scenario.yaml \
        --trace-dir "$work/traces" --report "$work/direct-$1.json" > "$work/direct-$1.out" 2>&1 ||
        fail "the call straight to server $1 failed: $(tail -20 "$work/direct-$1.out")"
}
direct_call a
read -r entries_a hits_a misses_a <<< "$(cache_stats)"
direct_call b
read -r entries_b hits_b misses_b <<< "$(cache_stats)"
echo "(2) one TTS cache for both servers (tts-cache stats --cache redis):"
echo "    after a call to a:             $entries_a clips, $hits_a hits, $misses_a misses (synthesized by a)"
echo "    after the same call to b:      $entries_b clips, $hits_b hits, $misses_b misses"
cache_ok=$([ "$entries_a" -gt 0 ] && [ "$entries_b" = "$entries_a" ] && [ "$misses_b" = "$misses_a" ] && [ "$hits_b" -gt "$hits_a" ] && echo yes || echo NO)
echo "    every clip b spoke was a hit on what a had synthesized: $cache_ok"

# (1) and (3): a load run through nginx; server a gets SIGTERM $stop_at s into it.
started_a0=$(metric "$port_a" switchboard_calls_started_total)
started_b0=$(metric "$port_b" switchboard_calls_started_total)
"$bin/switchboard" simulate --server "http://127.0.0.1:$port_nginx" --scenario "$scenario" \
    --calls "$calls" --concurrency "$concurrency" --ramp-s "$ramp" --report "$work/load.json" --trace-dir "$work/traces" \
    > "$work/load.out" 2>&1 &
simulator=$!
pids+=($simulator)
sleep "$stop_at"
live_a=$(curl -fsS "http://127.0.0.1:$port_a/calls" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')
started_a_stop=$(metric "$port_a" switchboard_calls_started_total)
kill -TERM "${server_pid[a]}"
stopped_at=$(date +%s.%N)
# Server a's counters until it has drained and exited (the last reading stands).
started_a=$started_a_stop refused_a=0
while kill -0 "${server_pid[a]}" 2> /dev/null; do
    if reading=$(metric "$port_a" switchboard_calls_started_total 2> /dev/null); then
        started_a=$reading
        refused_a=$(curl -fsS "http://127.0.0.1:$port_a/metrics" 2> /dev/null |
            awk '/^switchboard_calls_refused_total\{reason="draining"\}/ { print $2 }' || echo "$refused_a")
    fi
    sleep 0.5
done
drain_seconds=$(echo "$(date +%s.%N) - $stopped_at" | bc -l)
set +e
wait "${server_pid[a]}"; exit_a=$?
wait "$simulator"; simulate_status=$?
set -e
started_b=$(metric "$port_b" switchboard_calls_started_total)

echo "(1) calls spread across both servers (switchboard_calls_started_total, load run only):"
echo "    a: $((started_a - started_a0))   b: $((started_b - started_b0))   of $calls"
echo "(3) SIGTERM to a ${stop_at} s into the run, with $live_a calls live on it (its /calls):"
echo "    a took $((started_a - started_a_stop)) calls after it, refused ${refused_a:-0} with 503, drained in $(printf '%.1f' "$drain_seconds") s, exit status $exit_a"
echo "    nginx retried on the other server: $(grep -c '503, ' "$work/nginx/access.log" || true) requests (twiml: $(grep '503, ' "$work/nginx/access.log" | grep -c '/twiml' || true), media: $(grep '503, ' "$work/nginx/access.log" | grep -c '/media' || true))"
grep -q 'draining:' "$work/serve-a.log" && echo "    a's log: $(grep -o 'draining: .*' "$work/serve-a.log" | head -1)"
python3 - "$work/load.json" <<'EOF'
import json, sys
try:
    report = json.load(open(sys.argv[1]))
except (OSError, ValueError) as error:
    print(f"    no load report: {error}")
    sys.exit(0)
load = report.get("load") or {}
latency = load.get("latency") or {}
print(f"    simulate: {load.get('calls')} calls, {load.get('passed')} passed, {load.get('failed')} failed, "
      f"peak {load.get('peakConcurrency')} at once, turn latency p50 {latency.get('p50', 0):.0f} ms "
      f"p95 {latency.get('p95', 0):.0f} ms, false interruptions {load.get('falseInterruptions')}")
for error, count in (load.get("errors") or {}).items():
    print(f"      {count} x {error}")
EOF
echo "    simulate exit status: $simulate_status (0: every call passed)"
[ "$simulate_status" = 0 ] || tail -20 "$work/load.out" >&2
[ "$simulate_status" = 0 ] && [ "$exit_a" = 0 ] && [ "$cache_ok" = yes ] && [ $((started_a - started_a0)) -gt 0 ] && [ $((started_b - started_b0)) -gt 0 ] ||
    fail "a check failed (see above)"
echo "bench-scale: all three shown"
