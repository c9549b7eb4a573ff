import Resilience

extension ProviderError: ResilienceError {
    public var isOverload: Bool { kind == .overloaded }
}

/// Transport failures are worth another try (or another engine); a malformed request is not.
extension HTTPClientError: ResilienceError {
    public var isRetryable: Bool {
        if case .invalidRequest = self { return false }
        return true
    }
    public var retryAfter: Duration? { nil }
    public var isOverload: Bool { false }
}
