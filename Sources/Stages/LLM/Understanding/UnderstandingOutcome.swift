import Dialogue

/// How one request to understand a caller turn ended, and how long it took: what the script
/// engine acts on and what `llm-stream eval` counts.
public struct UnderstandingOutcome: Sendable, Equatable {
    public enum Result: Sendable, Equatable {
        /// A valid answer: the script checks it against the state and replies.
        case understood(Understanding)
        /// No answer within the deadline; the request was cancelled.
        case timedOut
        /// The server failed (an error status, a broken connection, a malformed response).
        case failed(String)
        /// The server answered, but not in the schema (the reason says how).
        case rejected(String)
        /// The breaker is open after recent failures: no request was made.
        case breakerOpen
        /// The turn itself was cancelled (the caller barged in); the request was aborted.
        case cancelled
    }

    public var result: Result
    /// From the call of `understand` to its return.
    public var elapsed: Duration

    public init(_ result: Result, elapsed: Duration) {
        self.result = result
        self.elapsed = elapsed
    }

    /// What the script should use; nil means its own rules decide.
    public var understanding: Understanding? {
        if case .understood(let understanding) = result { understanding } else { nil }
    }

    /// `understood`, `timed_out`, `failed`, `rejected`, `breaker_open` or `cancelled`: a key
    /// to count outcomes by.
    public var label: String {
        switch result {
        case .understood: "understood"
        case .timedOut: "timed_out"
        case .failed: "failed"
        case .rejected: "rejected"
        case .breakerOpen: "breaker_open"
        case .cancelled: "cancelled"
        }
    }
}
