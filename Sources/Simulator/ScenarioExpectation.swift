import Foundation

/// Something the finished call must show; a call that misses one fails, and its report says
/// which, quoting the line it was written on.
public struct ScenarioExpectation: Sendable, Equatable {
    public var check: ScenarioCheck
    /// 1-based line of the expectation in its file.
    public var line: Int

    public init(_ check: ScenarioCheck, line: Int) {
        self.check = check
        self.line = line
    }
}

public enum ScenarioCheck: Sendable, Equatable {
    /// Some agent turn's text contains this, ignoring case and how spaces are run together.
    case replyContains(String)
    /// How the call ended.
    case endsWith(ScenarioEnding)
    /// The agent transferred the call to exactly this destination.
    case transferTo(String)
}

/// Who ended the call, and how.
public enum ScenarioEnding: String, Sendable, CaseIterable {
    /// The agent hung up (a `hangup` event).
    case hangup
    /// The agent handed the caller on (a `transfer` event).
    case transfer
    /// The caller hung up: a `hang_up` step, or the steps ran out and the agent had not ended
    /// the call within `Scenario.lingerSeconds`.
    case callerHangup = "caller_hangup"
}

extension ScenarioCheck {
    /// Whether an agent turn's text satisfies `reply_contains: expected`: case, runs of spaces
    /// and the apostrophe a TTS-friendly script may write as `’` do not matter, because a
    /// scenario's author writes what the agent says, not how its script spells it.
    public static func reply(_ reply: String, contains expected: String) -> Bool {
        let wanted = comparable(expected)
        return !wanted.isEmpty && comparable(reply).contains(wanted)
    }

    private static func comparable(_ text: String) -> String {
        text.lowercased()
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }
}
