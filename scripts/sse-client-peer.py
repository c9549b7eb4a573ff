#!/usr/bin/env python3
"""Benchmark peer for `bench sse`: the same streams read by a plain asyncio client, to show
how much of the measured delay belongs to the machine and the server, not the client."""
import argparse, asyncio, time


async def stream(port, n, delays):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"GET /stream/%d HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" % n)
    await writer.drain()
    while (await reader.readline()) not in (b"\r\n", b""):
        pass
    while True:
        size = int((await reader.readline()).strip() or b"0", 16)
        if size == 0:
            break
        chunk = await reader.readexactly(size + 2)
        now = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
        sent = int(chunk.split()[-1])
        delays.append((now - sent) / 1e6)
    writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--streams", type=int, default=1000)
    args = parser.parse_args()
    delays = []
    await asyncio.gather(*(stream(args.port, n, delays) for n in range(args.streams)))
    delays.sort()
    p = lambda q: delays[min(len(delays) - 1, int(len(delays) * q))]
    print("peer   python asyncio client, %d streams, %d events: delivery delay p50 %.2f ms, p99 %.2f ms, max %.2f ms"
          % (args.streams, len(delays), p(0.5), p(0.99), delays[-1]))


asyncio.run(main())
