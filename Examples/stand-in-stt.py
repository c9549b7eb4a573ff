#!/usr/bin/env python3
"""A stand-in for speech recognition until stt-stream exists: caller audio is consumed, and the
caller's words (a transcript file, one turn per line) go out as the final `transcript` an STT
would send once the caller has finished speaking: after the last `vad` end, when the input ends
or the call stops (a stand-in cannot know which pause ends a turn). Every other frame is passed
on. Frames as text (--text) on stdin and stdout:

    mulaw-decode -i Examples/call.wav --rate 8000 --text | vad --text |
        python3 Examples/stand-in-stt.py Examples/call.txt | llm-stream --script ..."""
import json, sys

lines = [l.strip() for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
last_end = None


def say_the_words():
    for text in lines:
        print(json.dumps({"type": "transcript", "text": text, "final": True, "endpoint": True,
                          "ts": last_end, "engine": "stand-in"}), flush=True)
    lines.clear()


for line in sys.stdin:
    if not line.strip():
        continue
    h = json.loads(line) if line.lstrip().startswith("{") else {"type": "text", "text": line.strip()}
    if h["type"] == "audio" and "turn" not in h:
        continue
    if h["type"] == "vad" and h.get("event") == "end":
        last_end = h.get("ts")
    if h["type"] == "stop":
        say_the_words()
    print(json.dumps(h, ensure_ascii=False), flush=True)
say_the_words()
