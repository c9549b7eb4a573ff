/// Exponential backoff with full jitter: the wait before retry n is uniform in
/// [0, min(maxDelay, baseDelay × 2ⁿ)] — spreading retries out so that clients that failed
/// together do not return together. A server's `Retry-After` wins when it gives one.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// A `Retry-After` longer than this is not waited for: the attempt fails instead.
    public var maxRetryAfter: Duration

    public init(maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(250), maxDelay: Duration = .seconds(8),
        maxRetryAfter: Duration = .seconds(60))
    {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    /// The wait before the next attempt after `attempt` (0-based) failed with `error`, or nil
    /// when it should not be retried.
    public func delay(after attempt: Int, error: any Error, using random: inout some RandomNumberGenerator) -> Duration? {
        guard attempt + 1 < maxAttempts, !(error is CancellationError) else { return nil }
        let resilience = error as? any ResilienceError
        guard resilience?.isRetryable ?? false else { return nil }
        if let hint = resilience?.retryAfter {
            return hint <= maxRetryAfter ? hint : nil
        }
        let ceiling = min(maxDelay, baseDelay * Int(1 << min(attempt, 30)))
        let nanoseconds = Int64(ceiling / .nanoseconds(1))
        return .nanoseconds(Int64.random(in: 0...max(0, nanoseconds), using: &random))
    }
}

/// Runs `operation` until it succeeds, the policy gives up, or the task is cancelled (which
/// stops the waiting at once). The operation receives the attempt number, from 0.
public func withRetry<T>(
    _ policy: RetryPolicy, clock: any ResilienceClock = SystemClock(),
    random: some RandomNumberGenerator = SystemRandomNumberGenerator(),
    _ operation: (Int) async throws -> T
) async throws -> T {
    var random = random
    var attempt = 0
    while true {
        do {
            return try await operation(attempt)
        } catch {
            guard let wait = policy.delay(after: attempt, error: error, using: &random) else { throw error }
            try await clock.sleep(for: wait)
            attempt += 1
        }
    }
}
