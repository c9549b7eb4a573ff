/// The response turns a barge-in has cancelled. An `interrupt` of turn N cancels every turn up
/// to N (DESIGN §1), not only N: a turn still streaming behind the one the caller interrupted
/// was never going to be heard either.
struct InterruptedTurns: Sendable, Equatable {
    /// The highest turn interrupted so far.
    private(set) var through: Int?

    init() {}

    mutating func interrupt(through turn: Int) {
        through = max(through ?? turn, turn)
    }

    /// True for a cancelled turn. Frames without a turn (caller audio, the events passed
    /// through) are never cancelled.
    func contains(_ turn: Int?) -> Bool {
        guard let turn, let through else { return false }
        return turn <= through
    }
}
