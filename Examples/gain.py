#!/usr/bin/env python3
"""A Switchboard stage in a dozen lines of Python: scales pcm16 audio, passes every other frame on."""
import array, base64, json, sys
gain, inp, out = float(sys.argv[1]) if len(sys.argv) > 1 else 0.5, sys.stdin.buffer, sys.stdout.buffer
for line in iter(inp.readline, b""):
    if not line.strip():
        continue  # blank lines carry nothing
    h = json.loads(line) if line.lstrip().startswith(b"{") else {"type": "text", "text": line.decode().strip(" \t\r\n")}
    body = inp.read(h.pop("len")) if "len" in h else base64.b64decode(h.pop("b64")) if "b64" in h else None
    if h["type"] == "audio" and h.get("codec") == "pcm16":  # little-endian, like x86 and ARM
        body = array.array("h", (max(-32768, min(32767, round(s * gain))) for s in array.array("h", body))).tobytes()
    out.write(json.dumps(h if body is None else {**h, "len": len(body)}, ensure_ascii=False).encode() + b"\n" + (body or b""))
    out.flush()  # a live call must not wait on a buffer
