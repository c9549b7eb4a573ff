import Foundation
import Testing
@testable import Resilience

@Suite struct AIMDLimiterTests {
    /// A storm of 429s from requests sent under the same limit halves it once; the next
    /// generation's 429 halves it again; successes add one each.
    @Test func overloadHalvesOncePerGenerationAndSuccessAddsOne() async throws {
        let limiter = AIMDLimiter(initialLimit: 16, minLimit: 2, maxLimit: 32)
        var permits: [AIMDLimiter.Permit] = []
        for _ in 0..<16 { permits.append(try await limiter.acquire()) }
        #expect(limiter.inFlight == 16)
        for permit in permits { limiter.release(permit, outcome: .overload) }
        #expect(limiter.limit == 8)
        let next = try await limiter.acquire()
        limiter.release(next, outcome: .overload)
        #expect(limiter.limit == 4)
        for _ in 0..<3 {
            let permit = try await limiter.acquire()
            limiter.release(permit, outcome: .overload)
        }
        #expect(limiter.limit == 2)  // not below the minimum
        for _ in 0..<5 {
            let permit = try await limiter.acquire()
            limiter.release(permit, outcome: .success)
        }
        #expect(limiter.limit == 7)
        #expect(limiter.inFlight == 0)
    }

    @Test func waitersAreServedInOrderAndNeverExceedTheLimit() async throws {
        let limiter = AIMDLimiter(initialLimit: 2, maxLimit: 2)
        let first = try await limiter.acquire()
        let second = try await limiter.acquire()
        let order = OrderLog()
        var waiters: [Task<AIMDLimiter.Permit, any Error>] = []
        for n in 0..<3 {
            waiters.append(Task {
                let permit = try await limiter.acquire()
                order.append(n)
                return permit
            })
            try await eventually { limiter.waiting == n + 1 }
        }
        #expect(limiter.inFlight == 2)
        limiter.release(first, outcome: .neutral)
        limiter.release(second, outcome: .neutral)
        let a = try await waiters[0].value
        let b = try await waiters[1].value
        #expect(limiter.inFlight == 2)
        #expect(limiter.waiting == 1)
        limiter.release(a, outcome: .neutral)
        let c = try await waiters[2].value
        #expect(order.values == [0, 1, 2])
        limiter.release(b, outcome: .neutral)
        limiter.release(c, outcome: .neutral)
        #expect(limiter.inFlight == 0)
    }

    @Test func cancellingAWaiterLeaksNothing() async throws {
        let limiter = AIMDLimiter(initialLimit: 1, maxLimit: 1)
        let held = try await limiter.acquire()
        let waiter = Task { try await limiter.acquire() }
        try await eventually { limiter.waiting == 1 }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { _ = try await waiter.value }
        #expect(limiter.waiting == 0)
        limiter.release(held, outcome: .neutral)
        #expect(limiter.inFlight == 0)
        let again = try await limiter.acquire()  // the place is free, not held by the cancelled waiter
        limiter.release(again, outcome: .neutral)
    }

    @Test func runShrinksOnOverloadErrors() async throws {
        let limiter = AIMDLimiter(initialLimit: 8, maxLimit: 8)
        await #expect(throws: TestError(isOverload: true)) { try await limiter.run { throw TestError(isOverload: true) } }
        #expect(limiter.limit == 4)
        await #expect(throws: TestError()) { try await limiter.run { throw TestError() } }
        #expect(limiter.limit == 4)
    }
}

final class OrderLog: @unchecked Sendable {
    private let lock = NSLock()
    private var log: [Int] = []
    var values: [Int] { lock.withLock { log } }
    func append(_ value: Int) { lock.withLock { log.append(value) } }
}
