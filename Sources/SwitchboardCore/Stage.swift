/// One stage of a call: consumes frames, sends frames.
///
/// The same value runs behind stdin/stdout (`StdioBinding`) or in-process inside the supervisor,
/// so a stage must not touch file descriptors itself. The contract every stage honours
/// (DESIGN §1): frames it does not understand are sent on unchanged, in order; bad input
/// becomes an `error` event, never a crash.
public protocol Stage: Sendable {
    /// The name that appears in `error` and `trace` events, e.g. "mulaw-decode".
    var name: String { get }

    /// Runs until `input` ends. Throwing means the stage gave up (exit status 70 unless the
    /// error is a `StageFailure` with its own status).
    func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws
}

/// A failure that carries the exit status a tool should end with.
public struct StageFailure: Error, CustomStringConvertible {
    public let status: ExitStatus
    public let message: String

    public init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { message }
}
