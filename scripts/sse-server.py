#!/usr/bin/env python3
"""Benchmark peer for `bench sse`: an HTTP/1.1 server on 127.0.0.1 streaming Server-Sent Events.

Every connection gets `--events` events, one each `--interval-ms`, each carrying the
CLOCK_MONOTONIC time (ns) at which it was written, so the client can tell how long the event
took to reach its reader. Prints the port on stdout, then serves until killed.
"""
import argparse, asyncio, random, sys, time


async def serve(reader, writer, events, interval):
    try:
        while (await reader.readline()) not in (b"\r\n", b"\n", b""):
            pass  # request head: any request gets the stream
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
        # Streams start out of phase, as real ones do: 1,000 events at the same instant would
        # measure a queue, not what the client adds to each event.
        await asyncio.sleep(random.uniform(0, interval))
        for i in range(events):
            await asyncio.sleep(interval)
            data = b"data: %d %d\n\n" % (i, time.clock_gettime_ns(time.CLOCK_MONOTONIC))
            writer.write(b"%x\r\n%s\r\n" % (len(data), data))
            await writer.drain()
        writer.write(b"0\r\n\r\n")
        await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


async def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=40)
    parser.add_argument("--interval-ms", type=float, default=50)
    args = parser.parse_args()
    server = await asyncio.start_server(
        lambda r, w: serve(r, w, args.events, args.interval_ms / 1000), "127.0.0.1", 0, backlog=4096)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
