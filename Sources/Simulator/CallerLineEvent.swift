/// One thing the virtual caller observed on the line, at `ms` milliseconds since the call
/// started (the `start` message), on the monotonic clock.
public struct CallerLineEvent: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Agent audio reached an empty playout buffer: a turn's first frame (or the first
        /// after the buffer ran dry). Turn latency is measured to this.
        case agentAudioArrived
        /// Agent audio began to play after silence (what the caller starts to hear).
        case agentAudioStarted
        /// The agent audio ran out (stamped with the 20 ms tick in which it did), or was cut
        /// by a `clear`.
        case agentAudioEnded
        /// A mark went back to the server: its audio has played (or was cleared).
        case markEchoed(String)
        /// The server asked to drop the unplayed agent audio (a barge-in).
        case clearReceived
        /// The caller's queued speech began to go out.
        case callerSpeechStarted
        /// The caller's queued speech has all gone out.
        case callerSpeechEnded
        case dtmfSent(String)
        /// The caller hung up (`stop` sent).
        case hungUp
        /// The socket closed; the code and reason the server gave, if any.
        case closed(code: Int?, reason: String)
    }

    public var ms: Double
    public var kind: Kind

    public init(ms: Double, kind: Kind) {
        self.ms = ms
        self.kind = kind
    }

    /// A mark whose name ends in `.end`: the agent's whole turn has played.
    public var isAgentTurnEnd: Bool {
        if case .markEchoed(let name) = kind { return name.hasSuffix(".end") }
        return false
    }
}
