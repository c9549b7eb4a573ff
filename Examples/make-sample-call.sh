#!/bin/sh
# Regenerates Examples/call.wav: a short caller turn as Twilio would send it
# (8 kHz µ-law WAV), synthesized with espeak-ng and converted with sox.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
espeak-ng -v en-us -s 150 -w "$tmp/caller.wav" -f call.txt
# 300 ms of silence before and 700 ms after, band-limited like a phone line.
sox "$tmp/caller.wav" -r 8000 -c 1 -e u-law call.wav sinc 300-3400 pad 0.3 0.7
