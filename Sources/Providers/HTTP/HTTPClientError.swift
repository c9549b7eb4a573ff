/// Why an HTTP exchange failed (a response with an error status is not a failure here: the
/// caller reads the status and decides).
public enum HTTPClientError: Error, Equatable, CustomStringConvertible {
    case invalidRequest(String)
    case connectionFailed(String)
    case timedOut(String)
    /// Nothing arrived for longer than the stall timeout.
    case stalled(Duration)
    /// The connection broke (reset, closed early, malformed response).
    case transport(code: Int, message: String)

    public var description: String {
        switch self {
        case .invalidRequest(let message): "invalid request: \(message)"
        case .connectionFailed(let message): "connection failed: \(message)"
        case .timedOut(let message): "timed out: \(message)"
        case .stalled(let limit): "stalled: nothing received for \(limit)"
        case .transport(let code, let message): "transfer failed (curl \(code)): \(message)"
        }
    }
}
