import Testing
@testable import Resilience

@Suite struct RetryCancellationTests {
    /// A cancelled call's transfer often ends in a retryable transport error, not a
    /// CancellationError; the retry loop must still stop at once, even when the jittered
    /// wait comes out as zero.
    @Test func stopsAfterCancellationEvenWithoutAWait() async throws {
        let attempts = OrderLog()
        let task = Task {
            try await withRetry(RetryPolicy(maxAttempts: 5, baseDelay: .zero), clock: SystemClock()) { attempt -> Int in
                attempts.append(attempt)
                withUnsafeCurrentTask { $0?.cancel() }
                throw TestError()
            }
        }
        _ = try? await value(of: task)
        #expect(attempts.values == [0])
    }
}
