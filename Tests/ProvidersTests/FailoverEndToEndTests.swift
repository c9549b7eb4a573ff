import Foundation
import Resilience
import Testing
@testable import Providers

/// Failover, breaker, limiter and hedging over real HTTP: chat engines on the libcurl client
/// against OpenAI-compatible servers on 127.0.0.1 that inject faults.
@Suite(.serialized) struct FailoverEndToEndTests {
    let http = HTTPClient()

    /// A chat server whose behaviour the test switches while it runs.
    final class FaultyChatServer: @unchecked Sendable {
        /// `rateLimited(together:)` holds its 429s until that many requests have arrived, so
        /// they form one storm from requests sent under the same limit.
        enum Mode { case answer(String), rateLimited(together: Int), serverError, stall }
        private let lock = NSLock()
        private var mode: Mode
        private var _requests = 0
        var server: TestHTTPServer!

        init(_ mode: Mode) throws {
            self.mode = mode
            server = try TestHTTPServer { [unowned self] _, connection in
                let mode = lock.withLock { () -> Mode in
                    _requests += 1
                    return self.mode
                }
                switch mode {
                case .answer(let text):
                    connection.head(headers: ["Content-Type": "text/event-stream"])
                    for word in text.split(separator: " ") {
                        connection.chunk(#"data: {"choices":[{"index":0,"delta":{"content":"\#(word) "},"finish_reason":null}]}"# + "\n\n")
                    }
                    connection.chunk(#"data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"# + "\n\ndata: [DONE]\n\n")
                    connection.end()
                case .rateLimited, .serverError:
                    if case .rateLimited(let together) = mode {
                        for _ in 0..<500 where self.requests < together { usleep(10_000) }
                    }
                    let (status, body) = if case .rateLimited = mode {
                        (429, #"{"error":{"message":"slow down","code":"rate_limit_exceeded"}}"#)
                    } else {
                        (500, #"{"error":{"message":"boom","type":"server_error"}}"#)
                    }
                    connection.head(status: status, headers: ["Content-Length": "\(body.utf8.count)", "Retry-After": "1"], chunked: false)
                    connection.send(body)
                case .stall:
                    connection.head(headers: ["Content-Type": "text/event-stream"])
                    for _ in 0..<100 where !connection.peerClosed { usleep(50_000) }
                }
            }
        }

        var requests: Int { lock.withLock { _requests } }
        func become(_ mode: Mode) { lock.withLock { self.mode = mode } }
        var url: String { server.url + "/v1" }
    }

    func engine(_ name: String, _ server: FaultyChatServer, breaker: CircuitBreaker? = nil, limiter: AIMDLimiter? = nil)
        -> FailoverEngine<ChatRequest, String>
    {
        let client = ChatCompletionsClient(baseURL: server.url, apiKey: "k", http: http)
        return FailoverEngine(name: name, breaker: breaker, limiter: limiter) { try await client.textStream($0) }
    }

    func answer(_ failover: Failover<ChatRequest, String>) async throws -> (engine: String, text: String) {
        var engine = ""
        var text = ""
        for try await served in failover.stream(ChatRequest(model: "m", messages: [ChatMessage(role: "user", content: "hi")])) {
            engine = served.engine
            text += served.element
        }
        return (engine, text)
    }

    /// A 429 storm from the primary: every request is served by the backup, and the primary's
    /// shared limit is halved once for the storm, not once per 429.
    @Test func rateLimitStormHalvesTheLimiterAndFailsOver() async throws {
        let primary = try FaultyChatServer(.rateLimited(together: 8))
        let backup = try FaultyChatServer(.answer("from backup"))
        defer { primary.server.shutdown(); backup.server.shutdown() }
        let limiter = AIMDLimiter(initialLimit: 8, maxLimit: 8)
        let failover = Failover(engines: [engine("primary", primary, limiter: limiter), engine("backup", backup)])
        let answers = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { try await answer(failover).engine } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(answers == Array(repeating: "backup", count: 8))
        #expect(primary.requests == 8)
        #expect(limiter.limit == 4)
        #expect(limiter.inFlight == 0)
    }

    /// 500s open the primary's breaker; while open the primary is not contacted at all; after
    /// the interval one probe goes through and, answered, closes the breaker.
    @Test func serverErrorsOpenTheBreakerAndAProbeClosesIt() async throws {
        let primary = try FaultyChatServer(.serverError)
        let backup = try FaultyChatServer(.answer("backup here"))
        defer { primary.server.shutdown(); backup.server.shutdown() }
        // The open interval ends when the test moves the clock, not when a loaded machine gets
        // round to the next request.
        let clock = SteppedClock()
        let breaker = CircuitBreaker(name: "primary", configuration: .init(failureThreshold: 3, openInterval: .milliseconds(300)), clock: clock)
        let failover = Failover(engines: [engine("primary", primary, breaker: breaker), engine("backup", backup)])
        for _ in 0..<3 { #expect(try await answer(failover) == ("backup", "backup here ")) }
        #expect(breaker.state == .open)
        #expect(try await answer(failover).engine == "backup")
        #expect(primary.requests == 3)
        primary.become(.answer("primary again"))
        clock.advance(by: .milliseconds(400))
        #expect(try await answer(failover) == ("primary", "primary again "))
        #expect(breaker.state == .closed)
        #expect(primary.requests == 4)
    }

    /// The primary accepts the request and then says nothing: past the hedge budget the backup
    /// starts and wins, and the primary's HTTP transfer is aborted (its server sees the hang-up).
    @Test func stalledPrimaryIsHedgedAndItsTransferAborted() async throws {
        let primary = try FaultyChatServer(.stall)
        let backup = try FaultyChatServer(.answer("hedged answer"))
        defer { primary.server.shutdown(); backup.server.shutdown() }
        let failover = Failover(engines: [engine("primary", primary), engine("backup", backup)], hedgeAfter: .milliseconds(200))
        #expect(try await answer(failover) == ("backup", "hedged answer "))
        let deadline = ContinuousClock.now + .seconds(5)
        while primary.server.closedByPeer == 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(primary.server.closedByPeer == 1)
    }
}

/// A clock for a breaker that only moves when told to.
final class SteppedClock: ResilienceClock, @unchecked Sendable {
    private let lock = NSLock()
    private var elapsed: Duration = .zero

    func now() -> Duration { lock.withLock { elapsed } }
    func advance(by duration: Duration) { lock.withLock { elapsed += duration } }
    func sleep(for duration: Duration) async throws { try await Task.sleep(for: duration) }
}
