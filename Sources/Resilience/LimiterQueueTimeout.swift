/// An `AIMDLimiter` had no free place within its `maxWait`: the engine is saturated by other
/// calls. Retryable, so `Failover` goes on to the next engine; the engine was never asked, so it
/// says nothing about the engine's health (its breaker is not charged) nor about overload.
public struct LimiterQueueTimeout: ResilienceError, CustomStringConvertible, Equatable {
    public let waited: Duration
    /// The concurrency limit when the wait ended.
    public let limit: Int

    public init(waited: Duration, limit: Int) {
        self.waited = waited
        self.limit = limit
    }

    public var isRetryable: Bool { true }
    public var retryAfter: Duration? { nil }
    public var isOverload: Bool { false }

    public var description: String {
        "no free place among \(limit) concurrent requests within \(Int(waited / .milliseconds(1))) ms"
    }
}
