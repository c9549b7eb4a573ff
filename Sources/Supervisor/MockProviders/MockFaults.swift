/// What can go wrong on a route, on purpose. Probabilities are per request; the random source
/// is seeded, so a test sees the same sequence every run.
public struct MockFaults: Sendable, Equatable, Codable {
    /// Milliseconds before the first byte of a successful response.
    public var ttfbMs: Int = 0
    /// Streaming pace; nil sends every chunk at once.
    public var tokensPerSecond: Double?
    /// Up to this many milliseconds added at random to each gap between chunks.
    public var jitterMs: Int = 0
    /// Probability of answering 429 with `Retry-After: retryAfterSeconds`.
    public var rateLimit: Double = 0
    public var retryAfterSeconds: Int = 1
    /// Probability of answering 500.
    public var serverError: Double = 0
    /// Stop sending (but keep the connection open) after this many body chunks.
    public var stallAfter: Int?
    /// Drop the connection after this many body chunks.
    public var disconnectAfter: Int?
    /// Only the route's first this many requests draw a fault; later ones succeed (a storm
    /// that passes, a connection that drops once). nil: every request draws.
    public var faultyRequests: Int?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case ttfbMs = "ttfb_ms", tokensPerSecond = "tokens_per_second", jitterMs = "jitter_ms", rateLimit = "rate_limit"
        case retryAfterSeconds = "retry_after", serverError = "server_error", stallAfter = "stall_after"
        case disconnectAfter = "disconnect_after", faultyRequests = "faulty_requests"
    }

    public func encode(to encoder: any Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(ttfbMs, forKey: .ttfbMs)
        try values.encodeIfPresent(tokensPerSecond, forKey: .tokensPerSecond)
        try values.encode(jitterMs, forKey: .jitterMs)
        try values.encode(rateLimit, forKey: .rateLimit)
        try values.encode(retryAfterSeconds, forKey: .retryAfterSeconds)
        try values.encode(serverError, forKey: .serverError)
        try values.encodeIfPresent(stallAfter, forKey: .stallAfter)
        try values.encodeIfPresent(disconnectAfter, forKey: .disconnectAfter)
        try values.encodeIfPresent(faultyRequests, forKey: .faultyRequests)
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        ttfbMs = try values.decodeIfPresent(Int.self, forKey: .ttfbMs) ?? 0
        tokensPerSecond = try values.decodeIfPresent(Double.self, forKey: .tokensPerSecond)
        jitterMs = try values.decodeIfPresent(Int.self, forKey: .jitterMs) ?? 0
        rateLimit = try values.decodeIfPresent(Double.self, forKey: .rateLimit) ?? 0
        retryAfterSeconds = try values.decodeIfPresent(Int.self, forKey: .retryAfterSeconds) ?? 1
        serverError = try values.decodeIfPresent(Double.self, forKey: .serverError) ?? 0
        stallAfter = try values.decodeIfPresent(Int.self, forKey: .stallAfter)
        disconnectAfter = try values.decodeIfPresent(Int.self, forKey: .disconnectAfter)
        faultyRequests = try values.decodeIfPresent(Int.self, forKey: .faultyRequests)
    }
}

/// The fate of one request, drawn when it arrives.
enum MockOutcome: String, Sendable {
    case ok
    case rateLimited = "rate_limited"
    case serverError = "server_error"
    case stall
    case disconnect
}
