"""A Twilio-role client for the peer agent (or any Media Streams socket): it sends what
Twilio sends (`connected`, `start`, 20 ms µ-law `media` frames on a real-time clock, `stop`)
and times what comes back.

One call, checking the two behaviours the benchmark relies on:

    python bench/peer/caller.py --url ws://127.0.0.1:8766/media

  1. turn latency: the caller speaks, goes quiet (silence frames keep flowing, as from a
     phone line), and the time from the end of its speech to the agent's first `media`;
  2. barge-in: the caller talks while the agent answers, and the time from its speech onset
     to the agent's `clear`.

Many calls at once, and the agent process's CPU and memory per call from /proc:

    python bench/peer/caller.py --url ws://127.0.0.1:8766/media --calls 50 --pid PID

Caller speech is espeak-ng piped through sox to 8 kHz µ-law, as the brief asks.
"""

import argparse
import asyncio
import base64
import json
import os
import statistics
import subprocess
import sys
import time
import uuid

import websockets

FRAME = 160  # 20 ms of 8 kHz µ-law
SILENCE = b"\xff" * FRAME  # µ-law's zero
AGENT_QUIET_S = 0.6  # no agent audio for this long: the agent has finished its reply


def speech(text: str) -> bytes:
    """`text` spoken by espeak-ng, as 8 kHz µ-law."""
    wav = subprocess.run(["espeak-ng", "--stdout", text], check=True, capture_output=True).stdout
    return subprocess.run(
        # Leading and trailing silence trimmed, so "the caller stopped" is when speech stops.
        ["sox", "-", "-r", "8000", "-e", "mu-law", "-t", "raw", "-",
         "silence", "1", "0.02", "1%", "reverse", "silence", "1", "0.02", "1%", "reverse"],
        input=wav, check=True, capture_output=True,
    ).stdout


class Call:
    """One Media Streams connection: a real-time sender and a receiver that timestamps."""

    def __init__(self, url: str):
        self.url = url
        self.stream = "MZ" + uuid.uuid4().hex
        self.call = "CA" + uuid.uuid4().hex
        self.sequence = 0
        self.sent = 0
        self.media_times: list[float] = []  # arrival of each agent media frame
        self.clear_times: list[float] = []
        self.other: list[str] = []
        self.next_frame_at = 0.0

    def message(self, event: str, body: dict) -> str:
        self.sequence += 1
        return json.dumps({"event": event, "sequenceNumber": str(self.sequence),
                           "streamSid": self.stream, **body})

    async def open(self):
        self.ws = await websockets.connect(self.url, max_size=1 << 20)
        await self.ws.send(json.dumps({"event": "connected", "protocol": "Call", "version": "1.0.0"}))
        await self.ws.send(self.message("start", {"start": {
            "accountSid": "AC" + uuid.uuid4().hex, "streamSid": self.stream, "callSid": self.call,
            "tracks": ["inbound"], "customParameters": {},
            "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1}}}))
        self.next_frame_at = time.monotonic()
        self.receiver = asyncio.create_task(self.receive())

    async def receive(self):
        try:
            async for text in self.ws:
                now = time.monotonic()
                event = json.loads(text).get("event")
                if event == "media":
                    self.media_times.append(now)
                elif event == "clear":
                    self.clear_times.append(now)
                else:
                    self.other.append(event)
        except websockets.ConnectionClosed:
            pass

    async def send_audio(self, audio: bytes):
        """Sends `audio` as 20 ms frames, each on its real-time slot (a late loop catches up
        rather than stretching the call, as a phone line does)."""
        for offset in range(0, len(audio), FRAME):
            chunk = audio[offset:offset + FRAME].ljust(FRAME, b"\xff")
            delay = self.next_frame_at - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            self.sent += 1
            await self.ws.send(self.message("media", {"media": {
                "track": "inbound", "chunk": str(self.sent), "timestamp": str(self.sent * 20),
                "payload": base64.b64encode(chunk).decode()}}))
            self.next_frame_at += 0.02

    async def silence_until(self, done, timeout_s: float) -> bool:
        """Line silence until `done()` or the timeout; True when `done()` became true."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if done():
                return True
            await self.send_audio(SILENCE)
        return done()

    def agent_quiet_since(self, t: float) -> bool:
        """The agent sent audio after `t` and then nothing for AGENT_QUIET_S."""
        after = [m for m in self.media_times if m > t]
        return bool(after) and time.monotonic() - after[-1] > AGENT_QUIET_S

    async def close(self):
        try:
            await self.ws.send(self.message("stop", {"stop": {"callSid": self.call}}))
            await self.ws.close()
        except websockets.ConnectionClosed:
            pass
        await self.receiver


async def conversation(url: str, question: bytes, interruption: bytes, timeout_s: float,
                       greeting_s: float) -> dict:
    """Greeting (if any) → question → timed answer → barge-in over the next answer → timed clear."""
    call = Call(url)
    result: dict = {"error": None}
    try:
        await call.open()
        t0 = time.monotonic()
        # Let a greeting play out; an agent that waits for the caller gets `greeting_s` of
        # line silence.
        await call.silence_until(lambda: call.agent_quiet_since(t0)
                                 or (not call.media_times and time.monotonic() - t0 > greeting_s), timeout_s)
        if call.media_times:
            result["greeting_ms"] = (call.media_times[0] - t0) * 1000
        result["greeting_frames"] = len(call.media_times)

        await call.send_audio(question)
        speech_end = call.next_frame_at  # the instant the last speech frame's slot ends
        answered = await call.silence_until(lambda: any(m > speech_end for m in call.media_times), timeout_s)
        if not answered:
            result["error"] = "no agent media after the caller stopped"
            return result
        result["turn_ms"] = (min(m for m in call.media_times if m > speech_end) - speech_end) * 1000
        await call.silence_until(lambda: call.agent_quiet_since(speech_end), timeout_s)

        # The next question, then talk over the answer 300 ms into it.
        await call.send_audio(question)
        speech_end = call.next_frame_at
        await call.silence_until(lambda: any(m > speech_end for m in call.media_times), timeout_s)
        await call.silence_until(lambda: False, 0.3)
        onset = call.next_frame_at
        clears_before = len(call.clear_times)
        await call.send_audio(interruption)
        cleared = await call.silence_until(lambda: len(call.clear_times) > clears_before, timeout_s)
        if cleared:
            result["clear_ms"] = (call.clear_times[clears_before] - onset) * 1000
        else:
            result["error"] = "no clear when the caller talked over the agent"
    except Exception as error:  # a refused or dropped socket is this call's result, not a crash
        result["error"] = f"{type(error).__name__}: {error}"
    finally:
        result["agent_frames"] = len(call.media_times)
        if hasattr(call, "ws"):
            await call.close()
    return result


def process_usage(pid: int) -> tuple[float, int]:
    """CPU seconds (user + system) and resident bytes of `pid` and its children (uvicorn's
    workers), from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    page = os.sysconf("SC_PAGE_SIZE")
    pids = [pid]
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            pids += [int(p) for p in f.read().split()]
    except OSError:
        pass
    cpu, rss = 0.0, 0
    for p in pids:
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            cpu += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
            with open(f"/proc/{p}/statm") as f:
                rss += int(f.read().split()[1]) * page
        except OSError:
            pass
    return cpu, rss


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def run(args) -> int:
    question = speech(args.say)
    interruption = speech(args.interrupt)
    if args.calls == 1 and not args.pid:
        result = await conversation(args.url, question, interruption, args.timeout_s, args.greeting_s)
        print(json.dumps(result))
        if result["error"]:
            print(f"FAIL: {result['error']}", file=sys.stderr)
            return 1
        print(f"turn latency {result['turn_ms']:.0f} ms (caller speech end → first agent media); "
              f"barge-in {result['clear_ms']:.0f} ms (caller onset → clear)")
        return 0

    cpu0, rss0 = process_usage(args.pid) if args.pid else (0.0, 0)
    peak_rss = rss0
    started = time.monotonic()

    async def one(i: int) -> dict:
        await asyncio.sleep(args.ramp_s * i / args.calls)
        return await conversation(args.url, question, interruption, args.timeout_s, args.greeting_s)

    tasks = [asyncio.create_task(one(i)) for i in range(args.calls)]
    while not all(t.done() for t in tasks):
        await asyncio.sleep(0.5)
        if args.pid:
            peak_rss = max(peak_rss, process_usage(args.pid)[1])
    results = [t.result() for t in tasks]
    if args.verbose:
        for r in results:
            print(json.dumps(r), file=sys.stderr)
    wall = time.monotonic() - started
    cpu1, _ = process_usage(args.pid) if args.pid else (0.0, 0)

    failed = [r for r in results if r["error"]]
    turns = [r["turn_ms"] for r in results if "turn_ms" in r]
    greetings = [r["greeting_ms"] for r in results if "greeting_ms" in r]
    clears = [r["clear_ms"] for r in results if "clear_ms" in r]
    summary = {"calls": args.calls, "failed": len(failed), "wall_s": round(wall, 1),
               "errors": sorted({r["error"] for r in failed})[:5]}
    if turns:
        summary["turn_ms"] = {q: round(percentile(turns, p)) for q, p in
                              (("p50", 0.5), ("p95", 0.95), ("p99", 0.99), ("max", 1.0))}
    if greetings:
        summary["greeting_ms"] = {q: round(percentile(greetings, p)) for q, p in
                                  (("p50", 0.5), ("p95", 0.95), ("max", 1.0))}
    if clears:
        summary["clear_ms"] = {q: round(percentile(clears, p)) for q, p in
                               (("p50", 0.5), ("p95", 0.95), ("max", 1.0))}
    if args.pid:
        summary["agent_cpu_cores"] = round((cpu1 - cpu0) / wall, 3)
        summary["agent_cpu_ms_per_call_s"] = round((cpu1 - cpu0) * 1000 / wall / args.calls, 2)
        summary["agent_rss_idle_mb"] = round(rss0 / 2**20, 1)
        summary["agent_rss_peak_mb"] = round(peak_rss / 2**20, 1)
        summary["agent_rss_mb_per_call"] = round((peak_rss - rss0) / 2**20 / args.calls, 2)
    print(json.dumps(summary))
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description="Twilio-role client for a Media Streams agent")
    parser.add_argument("--url", default="ws://127.0.0.1:8766/media")
    parser.add_argument("--calls", type=int, default=1, help="concurrent calls")
    parser.add_argument("--ramp-s", type=float, default=0.0, help="spread call starts over this")
    parser.add_argument("--pid", type=int, help="the agent's process, for CPU and memory")
    parser.add_argument("--verbose", action="store_true", help="print each call's result")
    parser.add_argument("--greeting-s", type=float, default=10.0,
                        help="how long to wait for the agent's greeting before speaking")
    parser.add_argument("--timeout-s", type=float, default=15.0)
    parser.add_argument("--say", default="Hi, I would like to book an appointment.")
    parser.add_argument("--interrupt", default="No wait, actually make it Friday afternoon please.")
    return asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
