import Testing
@testable import Resilience

@Suite struct LimiterGenerationTests {
    /// One 429 among sixteen requests sent under a limit of 16 halves it to 8. The other
    /// fifteen, sent under the old limit, then succeed: that says nothing about the new limit,
    /// and must not undo the decrease (16 → 8 → 23 would make a 429 grow the limit).
    @Test func successesFromBeforeADecreaseDoNotUndoIt() async throws {
        let limiter = AIMDLimiter(initialLimit: 16, minLimit: 1, maxLimit: 32)
        var permits: [AIMDLimiter.Permit] = []
        for _ in 0..<16 { permits.append(try await limiter.acquire()) }
        limiter.release(permits.removeFirst(), outcome: .overload)
        #expect(limiter.limit == 8)
        for permit in permits { limiter.release(permit, outcome: .success) }
        #expect(limiter.limit == 8)
        #expect(limiter.inFlight == 0)
        // Requests sent under the new limit grow it again, one per success.
        for _ in 0..<3 {
            let permit = try await limiter.acquire()
            limiter.release(permit, outcome: .success)
        }
        #expect(limiter.limit == 11)
    }

    /// Releasing the same permit twice (a bug in a caller) must not free a second place.
    @Test func releasingAPermitTwiceFreesOnePlace() async throws {
        let limiter = AIMDLimiter(initialLimit: 1, maxLimit: 1)
        let permit = try await limiter.acquire()
        limiter.release(permit, outcome: .neutral)
        limiter.release(permit, outcome: .neutral)
        #expect(limiter.inFlight == 0)
        let first = try await limiter.acquire()
        let second = Task { try await limiter.acquire() }
        try await eventually { limiter.waiting == 1 }
        #expect(limiter.inFlight == 1)
        limiter.release(first, outcome: .neutral)
        limiter.release(try await value(of: second), outcome: .neutral)
        #expect(limiter.inFlight == 0)
    }
}
