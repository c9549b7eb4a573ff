import ResilienceTesting
import Testing
@testable import Resilience
import ResilienceTesting

/// `maxWait`: a request that cannot get a place in time gives up, and failover moves on.
@Suite struct LimiterDeadlineTests {
    let clock = ManualClock()

    /// Returns once a request waits in `limiter`'s queue with its deadline timer running.
    func queued(on limiter: AIMDLimiter) async throws {
        try await eventually { limiter.waiting == 1 }
        try await clock.waitForSleepers()
    }

    /// An `acquire` that has joined the queue of a full `limiter`.
    func queuedAcquire(_ limiter: AIMDLimiter) async throws -> Task<AIMDLimiter.Permit, any Error> {
        let waiter = Task { try await limiter.acquire() }
        try await queued(on: limiter)
        return waiter
    }

    @Test func aWaiterPastItsDeadlineFailsAndTakesNoPlace() async throws {
        let limiter = AIMDLimiter(initialLimit: 1, maxLimit: 1, maxWait: .seconds(2), clock: clock)
        let held = try await limiter.acquire()
        let waiter = try await queuedAcquire(limiter)
        clock.advance(by: .milliseconds(1999))
        #expect(limiter.waiting == 1)
        clock.advance(by: .milliseconds(1))
        await #expect(throws: LimiterQueueTimeout(waited: .seconds(2), limit: 1)) { _ = try await value(of: waiter) }
        #expect(limiter.waiting == 0)
        #expect(limiter.inFlight == 1)
        limiter.release(held, outcome: .neutral)
        #expect(limiter.inFlight == 0)
        // The timed-out waiter's place was never granted: the next acquire gets it at once.
        let again = try await limiter.acquire()
        #expect(limiter.inFlight == 1)
        limiter.release(again, outcome: .neutral)
    }

    @Test func aWaiterServedBeforeItsDeadlineIsNotFailed() async throws {
        let limiter = AIMDLimiter(initialLimit: 1, maxLimit: 1, maxWait: .seconds(2), clock: clock)
        let held = try await limiter.acquire()
        let waiter = try await queuedAcquire(limiter)
        clock.advance(by: .seconds(1))
        limiter.release(held, outcome: .neutral)
        let permit = try await value(of: waiter)
        // Its deadline timer was stopped: moving past the deadline changes nothing.
        try await eventually { clock.sleeping == 0 }
        clock.advance(by: .seconds(5))
        #expect(limiter.inFlight == 1)
        limiter.release(permit, outcome: .neutral)
        #expect(limiter.inFlight == 0)
    }

    /// Successes add one each, never past `maxLimit`.
    @Test func successesStopAtTheMaximum() async throws {
        let limiter = AIMDLimiter(initialLimit: 3, maxLimit: 3)
        for _ in 0..<5 {
            let permit = try await limiter.acquire()
            limiter.release(permit, outcome: .success)
        }
        #expect(limiter.limit == 3)
        let permits = [try await limiter.acquire(), try await limiter.acquire(), try await limiter.acquire()]
        let fourth = Task { try await limiter.acquire() }
        try await eventually { limiter.waiting == 1 }
        for permit in permits { limiter.release(permit, outcome: .success) }
        limiter.release(try await value(of: fourth), outcome: .success)
        #expect(limiter.limit == 3)
    }

    /// An engine whose limiter is full past the deadline is passed over for the next, and
    /// its breaker is not charged: the engine itself was never asked.
    @Test func failoverMovesOnWhenTheLimiterQueueTimesOut() async throws {
        let a = ScriptedEngine("a", .answer(["a"]))
        let b = ScriptedEngine("b", .answer(["b"]))
        let limiter = AIMDLimiter(initialLimit: 1, maxLimit: 1, maxWait: .seconds(2), clock: clock)
        let breaker = CircuitBreaker(name: "a", configuration: .init(failureThreshold: 1), clock: clock)
        let failover = Failover(engines: [a.engine(breaker: breaker, limiter: limiter), b.engine()], clock: clock)
        let busy = try await limiter.acquire()
        let answer = Task { try await collect(failover.stream("q")) }
        try await queued(on: limiter)
        clock.advance(by: .seconds(2))
        #expect(try await value(of: answer) == ["b:b"])
        #expect(a.starts == 0)
        #expect(breaker.state == .closed)
        limiter.release(busy, outcome: .neutral)
        #expect(try await collect(failover.stream("q")) == ["a:a"])
    }
}
