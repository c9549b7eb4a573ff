import Resilience

/// An error as a provider engine would raise it.
struct TestError: ResilienceError, Equatable {
    var isRetryable = true
    var retryAfter: Duration?
    var isOverload = false
}
