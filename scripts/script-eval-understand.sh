#!/usr/bin/env bash
# The protocol path of LLM-guided scripts (`llm-stream eval --understand`) against
# `switchboard mock-providers`: no model, so the mock answers (1) the reading each utterance
# case expects, which measures the schema, request, parsing and checks end to end and the
# script's answers given a perfect reading; (2) nothing within the deadline (ttfb 900 ms against
# --understand-deadline-ms 600), which measures the fallback to the rules and what it costs.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release}
PORT=${PORT:-8793}
CASES=(Examples/cases/receptionist-eval-*.yaml)
work=$(mktemp -d)
trap 'kill "$mock" 2>/dev/null || true; rm -rf "$work"' EXIT

python3 scripts/understand-oracle.py name,date,time,confirm "${CASES[@]}" > "$work/replies.txt"
args=(--script Examples/receptionist.yaml --understand openai --base-url "http://127.0.0.1:$PORT/v1")
for f in "${CASES[@]}"; do args+=(--cases "$f"); done

run() {
  "$BIN/switchboard" mock-providers --port "$PORT" --log-level error "$@" &
  mock=$!
  for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.1; done
  OPENAI_API_KEY=mock "$BIN/llm-stream" eval "${args[@]}" --breaker-failures 1000
  kill "$mock"; wait "$mock" 2>/dev/null || true
}

echo "== mock answers the expected reading of each utterance case (calls: no reading, rules decide)"
run --replies "$work/replies.txt"
echo
echo "== mock answers after 900 ms, deadline 600 ms: every turn falls back to the rules"
echo '{"chat": {"ttfb_ms": 900}}' > "$work/faults.json"
run --faults "$work/faults.json"
