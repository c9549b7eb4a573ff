#!/bin/bash
# The benchmark's peer: installs Pipecat 1.14.0 (pinned, from PyPI) in a venv outside git,
# .build-peer/venv, then runs the Pipecat Twilio agent (bench/peer/agent.py) with the options
# given, e.g.
#
#   .build/debug/switchboard mock-providers --port 8787 \
#       --transcripts Examples/transcripts.txt --replies Examples/replies.txt &
#   scripts/pipecat-peer.sh --port 8766 --mock http://127.0.0.1:8787
#
# `scripts/pipecat-peer.sh --install-only` only prepares the venv; `--caller ARGS…` runs the
# Twilio-role test client (bench/peer/caller.py) with the venv's Python instead of the agent.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${PEER_VENV:-.build-peer/venv}
requirements=bench/peer/requirements.txt
constraints=bench/peer/constraints.txt
stamp="$venv/.installed"

# Reinstall only when the pins changed since the last install.
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$stamp" <(cat "$requirements" "$constraints"); then
    echo "pipecat-peer: installing Pipecat into $venv ..." >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check \
        -r "$requirements" -c "$constraints" >&2
    cat "$requirements" "$constraints" > "$stamp"
fi

case "${1:-}" in
    --install-only) exit 0 ;;
    --caller) shift; exec "$venv/bin/python" bench/peer/caller.py "$@" ;;
    *) exec "$venv/bin/python" bench/peer/agent.py "$@" ;;
esac
