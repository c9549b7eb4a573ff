#!/usr/bin/env python3
"""A stand-in speech synthesiser: each sentence becomes 50 ms of silent 8 kHz µ-law per character
and a `spoken` event; every other frame is passed on. For trying a ring without a TTS engine."""
import base64, json, sys
for line in sys.stdin:
    if not line.strip():
        continue
    h = json.loads(line) if line.lstrip().startswith("{") else {"type": "text", "text": line.strip()}
    body = base64.b64decode(h.pop("b64")) if "b64" in h else sys.stdin.buffer.read(h.pop("len")) if "len" in h else None
    out = [h if body is None else {**h, "b64": base64.b64encode(body).decode()}]
    if h["type"] == "sentence":
        audio = base64.b64encode(b"\xff" * (400 * len(h["text"]))).decode()
        out += [{"type": "audio", "codec": "mulaw", "rate": 8000, "ts": 0, "turn": h["turn"], "b64": audio},
                {"type": "spoken", "turn": h["turn"], "index": h["index"], "text": h["text"]}]
    for frame in out:
        print(json.dumps(frame, ensure_ascii=False), flush=True)
