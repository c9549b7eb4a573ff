/// The time the resilience kit runs on: monotonic "now" and sleeping. Tests substitute a
/// clock they move by hand. (Swift's `Clock` would do, but its associated `Instant` type makes
/// it awkward to store in the types below; they need nothing more than these two calls.)
public protocol ResilienceClock: Sendable {
    /// Monotonic time since an arbitrary origin.
    func now() -> Duration
    func sleep(for duration: Duration) async throws
}

public struct SystemClock: ResilienceClock {
    private static let origin = ContinuousClock.now
    public init() {}
    public func now() -> Duration { ContinuousClock.now - Self.origin }
    public func sleep(for duration: Duration) async throws { try await Task.sleep(for: duration) }
}

/// What the kit needs to know about an error, without knowing any provider.
public protocol ResilienceError: Error {
    /// Worth trying again (the same engine after a pause, or another engine).
    var isRetryable: Bool { get }
    /// The server asked for this pause before the next attempt.
    var retryAfter: Duration? { get }
    /// A "slow down" signal (HTTP 429): the concurrency limit should shrink.
    var isOverload: Bool { get }
}
