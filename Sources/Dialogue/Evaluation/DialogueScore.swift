/// What an evaluation got right, by kind of case.
public struct DialogueScore: Sendable {
    public struct Tally: Sendable {
        public var right = 0
        public var total = 0
        mutating func count(_ isRight: Bool) {
            total += 1
            if isRight { right += 1 }
        }
        /// Percent right, nil when there was nothing to count.
        public var percent: Double? { total == 0 ? nil : 100 * Double(right) / Double(total) }
    }

    /// Turns whose intent (or "none") was the expected one.
    public var intents = Tally()
    /// Expected slot values held after their turn.
    public var slots = Tally()
    /// Utterance cases right in every respect.
    public var utterances = Tally()
    /// Whole calls ending in the expected state with the expected values.
    public var calls = Tally()
    /// The calls expected to end in a booking.
    public var bookings = Tally()
    /// One line (or a few) per case got wrong, with its file:line.
    public var misses: [String] = []

    public init() {}

    public mutating func add(_ other: DialogueScore) {
        for path in [\DialogueScore.intents, \.slots, \.utterances, \.calls, \.bookings] {
            self[keyPath: path].right += other[keyPath: path].right
            self[keyPath: path].total += other[keyPath: path].total
        }
        misses += other.misses
    }
}
