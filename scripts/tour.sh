#!/bin/sh
# The demo: a sample call (Maria Lopez asking for an appointment) decoded as Twilio would deliver
# it, inspected, re-encoded, her speech found by vad; a synthesized caller recognized by stt-stream
# and answered by the receptionist script, a typed conversation, its answers cut into sentences and spoken by tts-cache into a WAV
# (the second time from its cache), and the same stages as a ring in one process.
set -eu
bin=${BIN:-.build/debug}
out=${OUT:-out}
mkdir -p "$out"
call=Examples/call.wav

echo "== 1. mulaw-decode -i $call | switchboard dump   (first frames)"
"$bin/mulaw-decode" -i "$call" | "$bin/switchboard" dump | head -4
echo "   ..."
"$bin/mulaw-decode" -i "$call" | "$bin/switchboard" dump | tail -2

echo
echo "== 2. the same call as Twilio Media Streams messages, and back"
"$bin/mulaw-decode" -i "$call" --rate 8000 | "$bin/mulaw-encode" --format twilio --stream-sid MZdemo > "$out/call.twilio.jsonl"
echo "   $(wc -l < "$out/call.twilio.jsonl") Twilio media messages in $out/call.twilio.jsonl; the first:"
head -c 160 "$out/call.twilio.jsonl"; echo " ..."

echo
echo "== 3. Twilio messages -> pcm16 16 kHz -> 8 kHz µ-law WAV"
"$bin/mulaw-decode" --format twilio < "$out/call.twilio.jsonl" | "$bin/mulaw-encode" -o "$out/call-roundtrip.wav"
frames=$("$bin/mulaw-decode" -i "$out/call-roundtrip.wav" | "$bin/switchboard" dump | grep -c '"type":"audio"')
echo "   wrote $out/call-roundtrip.wav: $frames audio frames of 20 ms, as many as the $(wc -l < "$out/call.twilio.jsonl") messages;"
echo "   listen with: play $out/call-roundtrip.wav"

echo
echo "== 4. mulaw-decode -i $call | vad | switchboard dump --no-audio   (where Maria speaks)"
"$bin/mulaw-decode" -i "$call" | "$bin/vad" | "$bin/switchboard" dump --no-audio

echo
echo "== 5. a caller's three turns (espeak-ng, through the 8 kHz telephone chain), in real time (10 s),"
echo "      recognized by stt-stream (pocketsphinx) and answered by the receptionist, as a ring:"
echo "      llm-stream's listen events come back to stt-stream, which hears each answer with the grammar"
echo "      rule of the question just asked (switchboard run --loop-marks 'vad | stt-stream | llm-stream')"
turns=$(mktemp -d)
i=0
for line in "i need an appointment tomorrow at ten" "my name is asha" "yes please"; do
    i=$((i + 1))
    espeak-ng -v en-us+m3 -s 150 -w "$turns/$i.wav" "$line"
done
sox -n -r 22050 -c 1 -b 16 "$turns/quiet.wav" trim 0 1.2
sox "$turns/quiet.wav" "$turns/1.wav" "$turns/quiet.wav" "$turns/2.wav" "$turns/quiet.wav" "$turns/3.wav" "$turns/quiet.wav" \
    -r 8000 "$out/caller.wav"
rm -r "$turns"
"$bin/mulaw-decode" -i "$out/caller.wav" --rate 8000 --realtime |
    "$bin/switchboard" run --loop-marks --text 'vad | stt-stream --grammar-from-script Examples/receptionist.yaml |
        llm-stream --script Examples/receptionist.yaml --words-per-second 0' |
    python3 -c '
import json, sys
reply = ""
for line in sys.stdin:
    event = json.loads(line)
    if event["type"] == "response.start" and event["text"]: print("   heard:   ", event["text"])
    elif event["type"] == "listen": print("              (listening with <%s>)" % event.get("grammar"))
    elif event["type"] == "token": reply += event["text"]
    elif event["type"] == "response.end": print("   agent:   ", reply); reply = ""
'

echo
echo "== 5b. a typed conversation with the same script (llm-stream --text)"
printf 'Hello\nI need an appointment tomorrow at ten\nMy name is Asha\nyes please\n' |
    "$bin/llm-stream" --script Examples/receptionist.yaml --words-per-second 0 --text |
    python3 -c '
import json, sys
reply = ""
for line in sys.stdin:
    event = json.loads(line)
    if event["type"] == "response.start" and event["text"]: print("   caller:", event["text"])
    elif event["type"] == "token": reply += event["text"]
    elif event["type"] == "response.end": print("   agent: ", reply); reply = ""
'

echo
echo "== 6. the same answers cut into sentences for speech synthesis (llm-stream | sentence-split)"
printf 'Hello\nI need an appointment tomorrow at ten\nMy name is Asha\nyes please\n' |
    "$bin/llm-stream" --script Examples/receptionist.yaml --words-per-second 0 |
    "$bin/sentence-split" --text |
    python3 -c '
import json, sys
for line in sys.stdin:
    event = json.loads(line)
    if event["type"] == "sentence": print("   t%d.s%d  %s" % (event["turn"], event["index"], event["text"]))
'

echo
echo "== 7. the receptionist's answers spoken into $out/answers.wav (... | sentence-split | tts-cache | mulaw-encode -o)"
rm -rf "$out/tts"
for pass in first second; do
    printf 'Hello\nI need an appointment tomorrow at ten\nMy name is Asha\nyes please\n' |
        "$bin/llm-stream" --script Examples/receptionist.yaml --words-per-second 0 |
        "$bin/sentence-split" | "$bin/tts-cache" --cache-dir "$out/tts" --text |
        tee "$out/answers.frames.jsonl" | "$bin/mulaw-encode" -o "$out/answers.wav"
    echo "   $pass time:"
    python3 -c '
import json, sys
for line in open(sys.argv[1]):
    event = json.loads(line)
    if event["type"] == "spoken":
        print("   t%d.s%d  %-5s %5d ms  %s" % (event["turn"], event["index"], event["cache"], event["ms"], event["text"]))
    elif event["type"] == "trace" and event["name"] == "tts.first_byte" and event["turn"] == 1:
        print("          its first audio frame %.1f ms after the sentence came in" % event["ms"])
' "$out/answers.frames.jsonl"
done
"$bin/tts-cache" stats --cache-dir "$out/tts" | sed 's/^/   /'

echo
echo "== 8. one process, as a ring (switchboard run --loop-marks): the answers are 'played' in real"
echo "      time by the looped telephone side; a turn typed meanwhile waits until the last mark echoes"
printf '{"type":"start","call":"CAdemo","stream":"MZdemo"}\nI need an appointment tomorrow at ten\nMy name is Asha\n' |
    "$bin/switchboard" run --loop-marks --text \
        "llm-stream --script Examples/receptionist.yaml --words-per-second 0 --greeting '' | sentence-split | tts-cache --cache-dir $out/tts | mulaw-encode" |
    python3 -c '
import json, sys, time
start = time.monotonic()
for line in sys.stdin:
    event = json.loads(line)
    at = "%5.2f s" % (time.monotonic() - start)
    if event["type"] == "response.start": print("  ", at, "caller:", event["text"])
    elif event["type"] == "spoken": print("  ", at, "agent:  t%d.s%d  %s (%d ms, %s)" % (event["turn"], event["index"], event["text"], event["ms"], event["cache"]))
    elif event["type"] == "mark": print("  ", at, "        mark", event["name"], "sent with the audio (echoed once played)")
'
