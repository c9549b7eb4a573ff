#!/bin/bash
# Benchmarks (not tests): Switchboard's codecs against sox doing the same conversion, on one
# hour of 8 kHz speech, and the frame reader+writer on one core. Run with `make bench`.
set -euo pipefail
bin=${BIN:-.build/release}
data=${DATA:-bench-data}
runs=${RUNS:-3}
mkdir -p "$data"

hour="$data/hour.ul"
if [ ! -s "$hour" ]; then
    echo "making one hour of 8 kHz µ-law speech in $hour ..." >&2
    # The 8.3 s sample call 434 times over, cut to exactly 3600 s.
    sox Examples/call.wav -t ul "$hour" repeat 433 trim 0 3600
fi
[ -s "$data/hour.s16" ] || sox -t ul -r 8000 -c 1 "$hour" -t s16 "$data/hour.s16"
[ -s "$data/hour8k.frames" ] || "$bin/mulaw-decode" --format raw --rate 8000 < "$hour" > "$data/hour8k.frames"
[ -s "$data/hour16k.frames" ] || "$bin/mulaw-decode" --format raw --rate 16000 < "$hour" > "$data/hour16k.frames"
[ -s "$data/hour16k.s16" ] || sox -t ul -r 8000 -c 1 "$hour" -t s16 -r 16000 "$data/hour16k.s16"

# Best wall-clock seconds of $runs runs of a command line.
best() {
    local best=""
    for _ in $(seq "$runs"); do
        local start end t
        start=$(date +%s.%N)
        bash -c "$1" > /dev/null
        end=$(date +%s.%N)
        t=$(echo "$end - $start" | bc -l)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
    done
    echo "$best"
}

compare() {  # name, switchboard command, sox command
    local ours theirs
    ours=$(best "$2")
    theirs=$(best "$3")
    printf '%-34s switchboard %6.2fs (%5.0fx real time)   sox %6.2fs (%5.0fx)   ratio %4.1fx\n' \
        "$1" "$ours" "$(echo "3600 / $ours" | bc -l)" "$theirs" "$(echo "3600 / $theirs" | bc -l)" \
        "$(echo "$theirs / $ours" | bc -l)"
}

echo "== µ-law codecs, 1 hour of 8 kHz audio, best of $runs (ratio > 1: faster than sox)"
compare "decode raw µ-law → pcm16 8 kHz" \
    "$bin/mulaw-decode --format raw --rate 8000 < $hour" \
    "sox -t ul -r 8000 -c 1 $hour -t s16 -"
compare "encode pcm16 8 kHz → raw µ-law" \
    "$bin/mulaw-encode --format raw < $data/hour8k.frames" \
    "sox -t s16 -r 8000 -c 1 $data/hour.s16 -t ul -"
compare "decode raw µ-law → pcm16 16 kHz" \
    "$bin/mulaw-decode --format raw --rate 16000 < $hour" \
    "sox -t ul -r 8000 -c 1 $hour -t s16 -r 16000 -"
compare "encode pcm16 16 kHz → raw µ-law" \
    "$bin/mulaw-encode --format raw < $data/hour16k.frames" \
    "sox -t s16 -r 16000 -c 1 $data/hour16k.s16 -t ul -r 8000 -"

echo
echo "== frame reader + writer, in process, one core"
"$bin/bench" frames --rate 16000 --runs "$runs"
"$bin/bench" mulaw

echo
echo "== vad: the detector's cost per hop, one core (make vad-compare compares it with webrtcvad and Silero)"
"$bin/bench" vad --runs "$runs"

echo
echo "== HTTP client: concurrent Server-Sent-Event streams in one process"
port_file=$(mktemp)
python3 scripts/sse-server.py --events 40 --interval-ms 50 > "$port_file" &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$port_file"' EXIT
for _ in $(seq 50); do [ -s "$port_file" ] && break; sleep 0.1; done
"$bin/bench" sse --port "$(cat "$port_file")" --streams 1000
python3 scripts/sse-client-peer.py --port "$(cat "$port_file")" --streams 1000
"$bin/bench" sse --port "$(cat "$port_file")" --streams 100

echo
echo "== sentence-split: agent answers as BPE-like tokens (English, Hindi, mixed), one core"
"$bin/bench" sentences --runs "$runs" --write-corpus "$data/answers.jsonl"
DATA="$data" python3 scripts/sentence-split-peer.py "$data/answers.jsonl"
# Accuracy on the tests' own tables (tuning and evaluation sets), the same cases for both, and
# the cost of streaming them token by token.
"$bin/bench" sentences --runs "$runs" --write-cases "$data/split-cases.jsonl"
DATA="$data" python3 scripts/sentence-split-accuracy.py "$data/split-cases.jsonl" --boundaries
# The tool over a pipe: parsing and writing the JSON frames included.
[ -s "$data/answers.tokens.jsonl" ] || python3 -c '
import json, sys
for turn, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    print(json.dumps({"type": "response.start", "turn": turn}))
    for token in json.loads(line): print(json.dumps({"type": "token", "turn": turn, "text": token}, ensure_ascii=False))
    print(json.dumps({"type": "response.end", "turn": turn, "reason": "done"}))
' "$data/answers.jsonl" > "$data/answers.tokens.jsonl"
tokens=$(grep -c '"token"' "$data/answers.tokens.jsonl")
t=$(best "$bin/sentence-split < $data/answers.tokens.jsonl")
printf 'sentence-split tool %10.0f tokens/s   (%d token events as JSON lines through a pipe, best of %d)\n' "$(echo "$tokens / $t" | bc -l)" "$tokens" "$runs"

echo
echo "== tts-cache: cache hits (directory; Redis on loopback against redis-cli GET), espeak-ng, first audio on a miss"
redis_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
redis_dir=$(mktemp -d)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$redis_dir" --logfile "$redis_dir/log" &
redis=$!
trap 'kill $server $redis 2>/dev/null; rm -rf "$port_file" "$redis_dir"' EXIT
for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
"$bin/bench" tts --redis-url "redis://127.0.0.1:$redis_port" --redis-port "$redis_port"
kill "$redis"

echo
echo "== calls: N concurrent calls in one process through the call graph (each N in its own process)"
"$bin/bench" calls --calls "${CALLS:-100,250,500,1000}" --peer-calls 20
