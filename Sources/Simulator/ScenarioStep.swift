/// One thing the virtual caller does, and the line it is written on (for reports and for the
/// error when a step cannot be carried out, such as an agent that never answers).
public struct ScenarioStep: Sendable, Equatable {
    public var action: ScenarioAction
    /// 1-based line of the step in its file.
    public var line: Int

    public init(_ action: ScenarioAction, line: Int) {
        self.action = action
        self.line = line
    }
}

public enum ScenarioAction: Sendable, Equatable {
    /// Wait until the agent has finished a turn: all its audio played and its end mark echoed.
    /// Past `timeout` seconds without that, the call fails.
    case waitForAgent(timeout: Double)
    /// Speak, then go on once the last frame has been sent.
    case say(ScenarioUtterance)
    /// Send line silence for this many seconds.
    case pause(seconds: Double)
    /// Speak `afterMilliseconds` after the agent's audio of the current (or next) turn began
    /// playing, expecting the agent to stop (a `clear`).
    case bargeIn(ScenarioCue)
    /// The same timing, but the agent is expected to carry on: "mm-hm" is not a turn.
    case backchannel(ScenarioCue)
    /// Keypad digits, one Twilio `dtmf` message each, in order.
    case dtmf(String)
    /// The caller ends the call: the stream stops, as when a person puts the phone down.
    case hangUp
}

/// What the caller says: text for the scenario's voice, or a recording.
public enum ScenarioUtterance: Sendable, Equatable {
    case text(String)
    /// An absolute path (relative ones are resolved against the scenario's folder on loading).
    case file(String)
}

/// Speech timed against the agent's audio.
public struct ScenarioCue: Sendable, Equatable {
    /// Milliseconds after the first agent audio of the turn was played.
    public var afterMilliseconds: Int
    public var utterance: ScenarioUtterance
    /// Seconds to wait for agent audio to begin before the call fails.
    public var timeout: Double

    public init(afterMilliseconds: Int, utterance: ScenarioUtterance, timeout: Double = ScenarioCue.defaultTimeout) {
        self.afterMilliseconds = afterMilliseconds
        self.utterance = utterance
        self.timeout = timeout
    }

    public static let defaultTimeout = 10.0
}
