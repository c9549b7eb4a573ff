/// Caller utterances with what a script should make of them: the data of `llm-stream eval`.
///
/// Two kinds, because they fail differently: an `Utterance` case is one turn said in a given
/// state (was the intent right, were the slots read?); a `Call` is a whole conversation from the
/// greeting (did the booking come out right?) where one misread turn can still be recovered.
public struct DialogueCases: Sendable {
    public struct Location: Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var description: String { line.map { "\(file):\($0)" } ?? file }
    }

    public struct UtteranceCase: Sendable {
        public var say: String
        /// The state it is said in; nil for the script's start.
        public var state: String?
        /// Slots filled before the turn (so the question for the first missing one was just asked).
        public var given: [String: String]
        /// The intent expected, nil when the turn only answers (no intent should match).
        public var intent: String?
        /// Slot values the state must hold after the turn.
        public var slots: [String: String]
        public var location: Location
    }

    public struct CallCase: Sendable {
        public var turns: [String]
        /// The state the call must end in and slot values it must hold then.
        public var state: String
        public var slots: [String: String]
        public var location: Location
    }

    /// The day relative dates in the cases count from (`today:`).
    public var today: CalendarDay
    public var utterances: [UtteranceCase]
    public var calls: [CallCase]

    public init(today: CalendarDay, utterances: [UtteranceCase] = [], calls: [CallCase] = []) {
        self.today = today
        self.utterances = utterances
        self.calls = calls
    }
}
