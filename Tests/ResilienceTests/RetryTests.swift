import Foundation
import ResilienceTesting
import Testing
@testable import Resilience

@Suite struct RetryTests {
    @Test func fullJitterStaysWithinTheExponentialCeiling() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: .milliseconds(100), maxDelay: .seconds(2))
        var random = SplitMix(seed: 7)
        for attempt in 0..<8 {
            let ceiling = min(Duration.seconds(2), .milliseconds(100) * (1 << attempt))
            var seen: [Duration] = []
            for _ in 0..<200 {
                let delay = try! #require(policy.delay(after: attempt, error: TestError(), using: &random))
                #expect(delay >= .zero && delay <= ceiling)
                seen.append(delay)
            }
            // Full jitter: spread over the whole range, not bunched at the top.
            #expect(seen.min()! < ceiling / 4)
            #expect(seen.max()! > ceiling * 3 / 4)
        }
    }

    @Test func retryAfterIsHonouredAndCapped() {
        let policy = RetryPolicy(maxAttempts: 3, maxRetryAfter: .seconds(60))
        var random = SplitMix(seed: 1)
        #expect(policy.delay(after: 0, error: TestError(retryAfter: .seconds(7)), using: &random) == .seconds(7))
        #expect(policy.delay(after: 0, error: TestError(retryAfter: .seconds(61)), using: &random) == nil)
        #expect(policy.delay(after: 0, error: TestError(isRetryable: false), using: &random) == nil)
        #expect(policy.delay(after: 2, error: TestError(), using: &random) == nil)  // out of attempts
        #expect(policy.delay(after: 0, error: CancellationError(), using: &random) == nil)
    }

    @Test func withRetryRetriesThenSucceeds() async throws {
        let clock = ManualClock()
        let attempts = OrderLog()
        let task = Task {
            try await withRetry(RetryPolicy(maxAttempts: 3), clock: clock, random: SplitMix(seed: 3)) { attempt -> String in
                attempts.append(attempt)
                if attempt < 2 { throw TestError(retryAfter: .seconds(1)) }
                return "ok"
            }
        }
        try await clock.waitForSleepers()
        clock.advance(by: .seconds(1))
        try await eventually { attempts.values.count == 2 }
        try await clock.waitForSleepers()
        clock.advance(by: .seconds(1))
        #expect(try await task.value == "ok")
        #expect(attempts.values == [0, 1, 2])
    }

    @Test func givesUpOnNonRetryableAndStopsWhenCancelled() async throws {
        let attempts = OrderLog()
        await #expect(throws: TestError(isRetryable: false)) {
            try await withRetry(RetryPolicy(maxAttempts: 5), clock: ManualClock()) { attempt in
                attempts.append(attempt)
                throw TestError(isRetryable: false)
            }
        }
        #expect(attempts.values == [0])

        let clock = ManualClock()
        let task = Task {
            try await withRetry(RetryPolicy(maxAttempts: 5), clock: clock) { _ in throw TestError(retryAfter: .seconds(30)) }
        }
        try await clock.waitForSleepers()
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}

