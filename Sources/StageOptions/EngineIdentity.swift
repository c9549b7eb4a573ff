/// What makes two engine entries the same engine for its breaker and limiter: its name and
/// where it is reached. `groq` in every call of the process is one engine, and its 429s and
/// failures are every call's business.
struct EngineIdentity: Hashable, Sendable {
    var name: String
    var baseURL: String
}
