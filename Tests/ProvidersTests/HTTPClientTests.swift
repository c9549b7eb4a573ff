import Foundation
import Testing
@testable import Providers

@Suite(.serialized) struct HTTPClientTests {
    let client = HTTPClient()

    @Test func postsBodyAndHeadersAndReadsTheResponse() async throws {
        let server = try TestHTTPServer { request, connection in
            let echo = "\(request.method) \(request.path) auth=\(request.headers["authorization"] ?? "-") expect=\(request.headers["expect"] ?? "-") body=\(String(decoding: request.body, as: UTF8.self))"
            connection.head(status: 201, headers: ["X-Reply": "yes", "Content-Length": "\(echo.utf8.count)"], chunked: false)
            connection.send(echo)
        }
        defer { server.shutdown() }
        let response = try await client.execute(HTTPRequest(
            method: "POST", url: server.url + "/v1/things?x=1", headers: [("Authorization", "Bearer k")], body: Array("{\"a\":1}".utf8)))
        #expect(response.status == 201)
        #expect(response.header("x-reply") == "yes")
        let text = String(decoding: try await response.body.collect(), as: UTF8.self)
        #expect(text == "POST /v1/things?x=1 auth=Bearer k expect=- body={\"a\":1}")
    }

    @Test func chunkedBodyArrivesWholeAndInOrder() async throws {
        let pieces = (0..<50).map { i in [UInt8](repeating: UInt8(i), count: i * 37 + 1) }
        let server = try TestHTTPServer { _, connection in
            connection.head()
            for piece in pieces { connection.chunk(piece) }
            connection.end()
        }
        defer { server.shutdown() }
        let response = try await client.execute(HTTPRequest(url: server.url))
        #expect(try await response.body.collect() == pieces.flatMap { $0 })
    }

    /// A slow drip is delivered as it comes: each chunk is readable before the next is sent.
    @Test func slowDripStreamsChunkByChunk() async throws {
        // Lockstep: the server sends the next chunk only once the test has read the last one,
        // so a client that buffered until the end would leave the server waiting (and the wait
        // would time out), whatever the load on the machine.
        let read = DispatchSemaphore(value: 0)
        let waits = WaitCount()
        let server = try TestHTTPServer { _, connection in
            connection.head(headers: ["Content-Type": "text/event-stream"])
            for i in 0..<5 {
                connection.chunk("data: \(i)\n\n")
                if i < 4, read.wait(timeout: .now() + 5) == .timedOut { waits.timedOut() }
            }
            connection.end()
        }
        defer { server.shutdown() }
        let response = try await client.execute(HTTPRequest(url: server.url))
        var events: [String] = []
        for try await event in SSEStream(response.body) {
            events.append(event.data)
            read.signal()
        }
        #expect(events == ["0", "1", "2", "3", "4"])
        #expect(waits.timeouts == 0, "a chunk was not readable until later ones were sent")
    }

    @Test func stallTimesOut() async throws {
        let server = try TestHTTPServer { _, connection in
            connection.head()
            connection.chunk("data: first\n\n")
            for _ in 0..<100 where !connection.peerClosed { usleep(100_000) }  // say nothing more
        }
        defer { server.shutdown() }
        let response = try await client.execute(HTTPRequest(url: server.url, timeouts: .init(stall: .milliseconds(300))))
        var received: [UInt8] = []
        await #expect(throws: HTTPClientError.stalled(.milliseconds(300))) {
            for try await chunk in response.body { received += chunk }
        }
        #expect(String(decoding: received, as: UTF8.self) == "data: first\n\n")
    }

    @Test func totalTimeoutAndRefusedConnection() async throws {
        let server = try TestHTTPServer { _, connection in
            for _ in 0..<50 where !connection.peerClosed { usleep(100_000) }
        }
        defer { server.shutdown() }
        await #expect {
            _ = try await client.execute(HTTPRequest(url: server.url, timeouts: .init(total: .milliseconds(200))))
        } throws: { error in
            if case .timedOut = error as? HTTPClientError { return true }
            return false
        }
        // A port nobody listens on.
        let closed = try TestHTTPServer { _, _ in }
        let deadURL = closed.url
        closed.shutdown()
        await #expect {
            _ = try await client.execute(HTTPRequest(url: deadURL))
        } throws: { error in
            if case .connectionFailed = error as? HTTPClientError { return true }
            return false
        }
    }

    /// Cancelling the reader aborts the transfer: the server sees the connection close long
    /// before its 10-second stream would have ended.
    @Test func cancellingTheReaderClosesTheConnection() async throws {
        let server = try dripForTenSeconds()
        defer { server.shutdown() }
        let (events, eventSink) = AsyncStream.makeStream(of: Void.self)
        let reading = Task {
            let response = try await client.execute(HTTPRequest(url: server.url))
            var count = 0
            for try await _ in SSEStream(response.body) {
                count += 1
                eventSink.yield()
            }
            return count
        }
        // Cancelled mid-stream: once the first event is in (a fixed sleep could end before a
        // loaded machine has even connected, and then there is no connection to close).
        var iterator = events.makeAsyncIterator()
        await iterator.next()
        reading.cancel()
        await #expect(throws: CancellationError.self) { try await reading.value }
        let deadline = ContinuousClock.now + .seconds(5)
        while server.closedByPeer == 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(server.closedByPeer == 1)
    }

    /// A response dropped without reading its body does not keep the transfer alive.
    @Test func droppingTheBodyAbortsTheTransfer() async throws {
        let server = try dripForTenSeconds()
        defer { server.shutdown() }
        do {
            let response = try await client.execute(HTTPRequest(url: server.url))
            #expect(response.status == 200)
        }
        let deadline = ContinuousClock.now + .seconds(5)
        while server.closedByPeer == 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(server.closedByPeer == 1)
    }

    /// A reader slower than the server: the transfer pauses rather than buffering without
    /// bound, and every byte still arrives in order.
    @Test func slowReaderGetsEverything() async throws {
        let block = (0..<65536).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let server = try TestHTTPServer { _, connection in
            connection.head()
            for _ in 0..<64 { connection.chunk(block) }  // 4 MiB, four times the high-water mark
            connection.end()
        }
        defer { server.shutdown() }
        let response = try await client.execute(HTTPRequest(url: server.url))
        var total = 0
        var mismatch = false
        var expectedOffset = 0
        for try await chunk in response.body {
            for (i, byte) in chunk.enumerated() where byte != block[(expectedOffset + i) % block.count] { mismatch = true }
            expectedOffset += chunk.count
            total += chunk.count
            if total < 1_500_000 { try await Task.sleep(for: .milliseconds(2)) }
        }
        #expect(total == 64 * 65536)
        #expect(!mismatch)
    }

    @Test func thousandConcurrentStreams() async throws {
        raiseOpenFileLimit()
        let server = try TestHTTPServer { request, connection in
            connection.head()
            for i in 0..<5 {
                connection.chunk("data: \(request.path) \(i)\n\n")
                usleep(50_000)
            }
            connection.end()
        }
        defer { server.shutdown() }
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for n in 0..<1000 {
                group.addTask {
                    let response = try await client.execute(HTTPRequest(url: server.url + "/s\(n)", timeouts: .init(connect: .seconds(30))))
                    var data: [String] = []
                    for try await event in SSEStream(response.body) { data.append(event.data) }
                    return data == (0..<5).map { "/s\(n) \($0)" }
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.count == 1000)
        #expect(results.allSatisfy { $0 })
    }

    /// A server sending an event every 20 ms for ten seconds, that stops when the client hangs up.
    func dripForTenSeconds() throws -> TestHTTPServer {
        try TestHTTPServer { _, connection in
            connection.head()
            for i in 0..<500 {
                guard connection.chunk("data: \(i)\n\n") else { return }
                usleep(20_000)
            }
            connection.end()
        }
    }

    @Test func badURLIsRefused() async {
        await #expect(throws: HTTPClientError.self) { _ = try await client.execute(HTTPRequest(url: "")) }
        await #expect(throws: HTTPClientError.self) { _ = try await client.execute(HTTPRequest(url: "gopher-x://nowhere")) }
    }
}

/// How often the server gave up waiting for the client to read a chunk.
final class WaitCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func timedOut() { lock.withLock { count += 1 } }
    var timeouts: Int { lock.withLock { count } }
}
