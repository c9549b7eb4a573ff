#!/bin/sh
# The demo: a phone call to Sunrise Clinic's receptionist, made by the virtual caller.
# `switchboard serve` answers on 127.0.0.1 with the embedded engines only (Examples/demo.yaml:
# pocketsphinx listening with the script's per-step grammar, the receptionist script, espeak-ng,
# a directory cache); `switchboard simulate` calls it as Twilio would and plays
# Examples/booking.scenario.yaml: it interrupts the greeting, says "mm-hm" while the booking is
# read back, and must be booked. Prints the conversation and each turn's latency; writes the
# stereo recording, the JSON and HTML reports under out/. Exit status: the simulator's.
set -eu
bin=${BIN:-.build/debug}
out=${OUT:-out}
port=8089
mkdir -p "$out/traces" "$out/calls"

"$bin/switchboard" serve --config Examples/demo.yaml --log-level warning 2> "$out/serve.log" &
server=$!
stop() { kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null || true; }
trap stop EXIT INT TERM

# The server builds the call graph (grammars, voices) before it listens.
tries=0
until curl -sf "http://127.0.0.1:$port/healthz" > /dev/null; do
    tries=$((tries + 1))
    if [ "$tries" -gt 100 ] || ! kill -0 "$server" 2>/dev/null; then
        echo "demo: switchboard serve did not come up; its log:" >&2
        cat "$out/serve.log" >&2
        exit 69
    fi
    sleep 0.2
done

echo "== switchboard serve --config Examples/demo.yaml   (pid $server, http://127.0.0.1:$port)"
echo "== switchboard simulate --scenario Examples/booking.scenario.yaml"
echo
status=0
"$bin/switchboard" simulate --scenario Examples/booking.scenario.yaml --server "http://127.0.0.1:$port" \
    --trace-dir "$out/traces" --record "$out/booking.wav" --report "$out/booking.json" --html "$out/booking.html" || status=$?
echo
echo "   recording (caller left, agent right): $out/booking.wav   play it with: play $out/booking.wav"
echo "   reports: $out/booking.json, $out/booking.html   the server's own files: $out/calls, $out/traces"
exit $status
