import Foundation
import ResilienceTesting
import Testing
@testable import Resilience

/// Engines whose behaviour a test scripts, and which record whether they were cancelled.
final class ScriptedEngine: @unchecked Sendable {
    enum Behaviour {
        case answer([String]), failBeforeOutput(TestError), failAfter([String], TestError), stall
        /// Answers in parts, each once its gate opens: a stream the test holds in progress.
        case answerInParts([(gate: Gate, words: [String])])
    }
    let name: String
    private let lock = NSLock()
    private var behaviour: Behaviour
    private var _starts = 0
    private var _cancelled = 0

    init(_ name: String, _ behaviour: Behaviour) {
        self.name = name
        self.behaviour = behaviour
    }

    var starts: Int { lock.withLock { _starts } }
    var cancelled: Int { lock.withLock { _cancelled } }
    func become(_ behaviour: Behaviour) { lock.withLock { self.behaviour = behaviour } }

    func engine(breaker: CircuitBreaker? = nil, limiter: AIMDLimiter? = nil) -> FailoverEngine<String, String> {
        FailoverEngine(name: name, breaker: breaker, limiter: limiter) { [self] _ in
            let behaviour = lock.withLock { () -> Behaviour in
                _starts += 1
                return self.behaviour
            }
            if case .failBeforeOutput(let error) = behaviour { throw error }
            return AsyncThrowingStream { continuation in
                let producer = Task {
                    switch behaviour {
                    case .answer(let words):
                        for word in words { continuation.yield(word) }
                        continuation.finish()
                    case .failAfter(let words, let error):
                        for word in words { continuation.yield(word) }
                        continuation.finish(throwing: error)
                    case .answerInParts(let parts):
                        for part in parts {
                            await part.gate.pass()
                            for word in part.words { continuation.yield(word) }
                        }
                        continuation.finish()
                    case .stall:
                        while !Task.isCancelled { try? await Task.sleep(for: .milliseconds(5)) }
                    case .failBeforeOutput:
                        break
                    }
                }
                continuation.onTermination = { [self] reason in
                    if case .cancelled = reason { lock.withLock { _cancelled += 1 } }
                    producer.cancel()
                }
            }
        }
    }
}

func collect(_ stream: AsyncThrowingStream<Served<String>, any Error>) async throws -> [String] {
    var out: [String] = []
    for try await served in stream { out.append("\(served.engine):\(served.element)") }
    return out
}

@Suite struct FailoverTests {
    let clock = ManualClock()

    @Test func firstEngineAnswers() async throws {
        let a = ScriptedEngine("a", .answer(["hi", "there"]))
        let b = ScriptedEngine("b", .answer(["no"]))
        let failover = Failover(engines: [a.engine(), b.engine()], clock: clock)
        #expect(try await collect(failover.stream("q")) == ["a:hi", "a:there"])
        #expect(b.starts == 0)
    }

    /// 500s from A open its breaker; requests then go straight to B; after the open interval a
    /// half-open probe to A succeeds and closes it again.
    @Test func failuresOpenTheBreakerAndTheProbeClosesIt() async throws {
        let a = ScriptedEngine("a", .failBeforeOutput(TestError()))
        let b = ScriptedEngine("b", .answer(["b"]))
        let breaker = CircuitBreaker(name: "a", configuration: .init(failureThreshold: 2, openInterval: .seconds(30)), clock: clock)
        let failover = Failover(engines: [a.engine(breaker: breaker), b.engine()], clock: clock)
        for _ in 0..<2 { #expect(try await collect(failover.stream("q")) == ["b:b"]) }
        #expect(breaker.state == .open)
        #expect(a.starts == 2)
        #expect(try await collect(failover.stream("q")) == ["b:b"])
        #expect(a.starts == 2)  // skipped while open
        a.become(.answer(["a"]))
        clock.advance(by: .seconds(30))
        #expect(try await collect(failover.stream("q")) == ["a:a"])  // the probe
        #expect(breaker.state == .closed)
    }

    @Test func errorAfterFirstOutputGoesToTheCaller() async throws {
        let a = ScriptedEngine("a", .failAfter(["half"], TestError()))
        let b = ScriptedEngine("b", .answer(["b"]))
        let breaker = CircuitBreaker(name: "a", configuration: .init(failureThreshold: 1), clock: clock)
        let failover = Failover(engines: [a.engine(breaker: breaker), b.engine()], clock: clock)
        var received: [String] = []
        await #expect(throws: TestError()) {
            for try await served in failover.stream("q") { received.append(served.element) }
        }
        #expect(received == ["half"])
        #expect(b.starts == 0)
        #expect(breaker.state == .open)
    }

    @Test func allEnginesFailingListsEveryOne() async throws {
        let a = ScriptedEngine("a", .failBeforeOutput(TestError()))
        let b = ScriptedEngine("b", .failBeforeOutput(TestError(isOverload: true)))
        let openBreaker = CircuitBreaker(name: "c", configuration: .init(failureThreshold: 1), clock: clock)
        openBreaker.recordFailure()
        let c = ScriptedEngine("c", .answer(["never"]))
        let failover = Failover(engines: [a.engine(), b.engine(), c.engine(breaker: openBreaker)], clock: clock)
        do {
            _ = try await collect(failover.stream("q"))
            Issue.record("no error")
        } catch let error as FailoverError {
            #expect(error.attempts.map(\.engine) == ["a", "b", "c"])
            #expect(error.attempts[2].error is CircuitOpenError)
        }
        #expect(c.starts == 0)
    }

    /// The primary stalls past the budget: the secondary starts, wins, and the primary is
    /// cancelled (its stream terminated, as an HTTP transfer would be aborted).
    @Test func hedgeWinsWhenThePrimaryStalls() async throws {
        let a = ScriptedEngine("a", .stall)
        let b = ScriptedEngine("b", .answer(["fast"]))
        let failover = Failover(engines: [a.engine(), b.engine()], hedgeAfter: .milliseconds(300), clock: clock)
        let result = Task { try await collect(failover.stream("q")) }
        try await clock.waitForSleepers()
        #expect(b.starts == 0)
        clock.advance(by: .milliseconds(300))
        #expect(try await value(of: result) == ["b:fast"])
        try await eventually { a.cancelled == 1 }
    }

    /// The primary's first element came within the budget: the budget running out while it is
    /// still streaming starts no hedge (its timer stops at the first element).
    @Test func noHedgeWhenThePrimaryAnswersInTime() async throws {
        let (first, rest) = (Gate(), Gate())
        let a = ScriptedEngine("a", .answerInParts([(first, ["quick"]), (rest, ["and", "more"])]))
        let b = ScriptedEngine("b", .answer(["spare"]))
        let failover = Failover(engines: [a.engine(), b.engine()], hedgeAfter: .milliseconds(300), clock: clock)
        let result = Task { try await collect(failover.stream("q")) }
        try await clock.waitForSleepers()  // the hedge timer is set
        first.open()
        try await eventually { rest.arrived == 1 }  // "quick" is out; the primary is mid-stream
        try await eventually { clock.sleeping == 0 }  // the first element stopped the timer
        clock.advance(by: .seconds(1))
        rest.open()
        #expect(try await value(of: result) == ["a:quick", "a:and", "a:more"])
        #expect(b.starts == 0)
    }

    @Test func overloadFromAnEngineShrinksItsLimiter() async throws {
        let limiter = AIMDLimiter(initialLimit: 8, maxLimit: 8)
        let a = ScriptedEngine("a", .failBeforeOutput(TestError(isOverload: true)))
        let b = ScriptedEngine("b", .answer(["b"]))
        let failover = Failover(engines: [a.engine(limiter: limiter), b.engine()], clock: clock)
        #expect(try await collect(failover.stream("q")) == ["b:b"])
        #expect(limiter.limit == 4)
        #expect(limiter.inFlight == 0)
    }

    @Test func stoppingEarlyCancelsTheAttempt() async throws {
        let a = ScriptedEngine("a", .stall)
        let failover = Failover(engines: [a.engine()], clock: clock)
        let task = Task { try await collect(failover.stream("q")) }
        try await eventually { a.starts == 1 }
        task.cancel()
        _ = try? await task.value
        try await eventually { a.cancelled == 1 }
    }

    /// A consumer that stops reading holds the engine back: the winner pulls from its engine no
    /// more than the output's few elements ahead (an HTTP transfer would pause).
    @Test func aSlowConsumerHoldsTheEngineBack() async throws {
        let pulled = Counter()
        let engine = FailoverEngine<String, Int>(name: "a") { _ in
            AsyncThrowingStream {
                let next = pulled.add()
                return next < 1000 ? next : nil
            }
        }
        let stream = Failover(engines: [engine], clock: clock).stream("q")
        var iterator = stream.makeAsyncIterator()
        #expect(try await iterator.next()?.element == 0)
        let ahead = FailoverOutput<Int>.capacity + 2
        try await eventually { pulled.value >= ahead }
        try await Task.sleep(for: .milliseconds(100))  // time to read on, if it did
        #expect(pulled.value <= ahead, "read \(pulled.value) elements for a consumer that took one")
        var count = 1
        while try await iterator.next() != nil { count += 1 }
        #expect(count == 1000)
    }

    /// Dropping the stream unread calls the attempt off, as stopping early does.
    @Test func droppingTheStreamCancelsTheAttempt() async throws {
        let a = ScriptedEngine("a", .stall)
        let failover = Failover(engines: [a.engine()], clock: clock)
        var stream: AsyncThrowingStream<Served<String>, any Error>? = failover.stream("q")
        try await eventually { a.starts == 1 }
        withExtendedLifetime(stream) {}
        stream = nil
        try await eventually { a.cancelled == 1 }
    }
}

/// Counts from any task.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    /// Adds one; returns the count before.
    @discardableResult
    func add() -> Int {
        lock.withLock {
            defer { count += 1 }
            return count
        }
    }
}
