#!/bin/sh
# The load benchmark (issue 17 §Load): one release `switchboard serve` whose providers are all
# `switchboard mock-providers` (Deepgram live, OpenAI chat; espeak-ng voices each answer once,
# then it comes from the TTS cache), driven by `switchboard simulate --calls N --concurrency C`
# from one process, at each concurrency in $LEVELS. Prints the simulator's summary per level
# (turn latency, barge-in, jitter, the server's CPU and memory per call) and writes
# out/bench-simulate/load-C.json. MOCK_LATENCY=1 gives the mock a realistic TTFT (150–300 ms).
# Then the peer: a Pipecat Twilio agent (bench/peer, installed into a venv from PyPI by
# scripts/pipecat-peer.sh) on the same mock, driven by the same scenario at $PEER_LEVELS
# (PEER=0 skips it), measured the same way (--server-pid is its process).
set -eu
bin=${BIN:-.build/release}
out=${OUT:-out/bench-simulate}
levels=${LEVELS:-"8 50 100 200 500"}
peer_levels=${PEER_LEVELS:-"1 4 8"}
ramp=${RAMP_S:-20}
mkdir -p "$out"
rm -rf "$out/tts" "$out/traces"
mkdir -p "$out/tts" "$out/traces"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
mock_port=$(free_port)
port=$(free_port)
pids=""
cleanup() { for pid in $pids; do kill -TERM "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

latency=""
[ "${MOCK_LATENCY:-0}" = 1 ] && latency="--fault chat.ttfb_ms=150 --fault chat.jitter_ms=150"
# shellcheck disable=SC2086
"$bin/switchboard" mock-providers --port "$mock_port" --transcripts Examples/transcripts.txt \
    --replies Examples/replies.txt $latency 2> "$out/mock.log" &
pids="$pids $!"

cat > "$out/serve.yaml" <<YAML
# Written by scripts/bench-simulate.sh.
listen: 127.0.0.1:$port
graph: >-
  mulaw-decode --rate 8000 | vad
  | stt-stream --engine deepgram --endpoint http://127.0.0.1:$mock_port
  | llm-stream --engine openai --base-url http://127.0.0.1:$mock_port/v1
  | sentence-split | tts-cache --engine espeak --cache-dir $PWD/$out/tts | mulaw-encode
limits:
  max_calls: 2000
  idle_prompt_s: never
  idle_hangup_s: never
trace_dir: $PWD/$out/traces
YAML
DEEPGRAM_API_KEY=bench OPENAI_API_KEY=bench "$bin/switchboard" serve --config "$out/serve.yaml" 2> "$out/serve.log" &
server=$!
pids="$pids $server"
tries=0
until curl -sf "http://127.0.0.1:$port/healthz" > /dev/null; do
    tries=$((tries + 1)); [ "$tries" -gt 100 ] && { cat "$out/serve.log" >&2; exit 69; }
    sleep 0.2
done

# One call first, so that every answer is in the TTS cache before the load is measured.
"$bin/switchboard" simulate --scenario Examples/load.scenario.yaml --server "http://127.0.0.1:$port" --quiet || true
for level in $levels; do
    echo "== $level calls at once (ramp ${ramp} s), server pid $server"
    "$bin/switchboard" simulate --scenario Examples/load.scenario.yaml --server "http://127.0.0.1:$port" \
        --trace-dir "$out/traces" --calls "$level" --concurrency "$level" --ramp-s "$ramp" \
        --server-pid "$server" --report "$out/load-$level.json" || true
    echo
done

[ "${PEER:-1}" = 1 ] || exit 0
peer_port=$(free_port)
scripts/pipecat-peer.sh --port "$peer_port" --mock "http://127.0.0.1:$mock_port" 2> "$out/peer.log" &
peer=$!
pids="$pids $peer"
tries=0
until curl -sf "http://127.0.0.1:$peer_port/healthz" > /dev/null; do
    tries=$((tries + 1)); [ "$tries" -gt 600 ] && { tail -20 "$out/peer.log" >&2; exit 69; }
    sleep 0.5
done
for level in $peer_levels; do
    echo "== peer (Pipecat): $level calls at once (ramp ${ramp} s), pid $peer"
    "$bin/switchboard" simulate --scenario Examples/load.scenario.yaml --media "ws://127.0.0.1:$peer_port/media" \
        --calls "$level" --concurrency "$level" --ramp-s "$ramp" \
        --server-pid "$peer" --report "$out/peer-$level.json" || true
    echo
done
