import Foundation

/// The text of each response turn, cut into sentences as it streams in.
///
/// Normally one turn is streaming at a time; several can be when a new answer starts before the
/// last one's `response.end` arrives. Turns up to an `interrupt` are dropped and stay dropped.
struct TurnTexts {
    struct Sentence {
        let turn: Int
        let index: Int
        let text: String
        /// For a turn's first sentence, when its `response.start` was seen: how long it took.
        let sinceResponseStart: Duration?
    }

    private struct Turn {
        var splitter: SentenceSplitter
        var nextIndex = 0
        /// When `response.start` arrived, for the `sentence.first` trace.
        var startedAt: ContinuousClock.Instant?
    }

    let settings: SentenceSplitter.Settings
    /// Every turn of this call (reset by `start`).
    private var open: [Int: Turn] = [:]
    /// Their text is dropped.
    private var interrupted = InterruptedTurns()

    init(settings: SentenceSplitter.Settings) { self.settings = settings }

    mutating func begin(turn: Int) {
        open[turn] = Turn(splitter: SentenceSplitter(settings: settings), startedAt: .now)
    }

    func isDropped(_ turn: Int) -> Bool { interrupted.contains(turn) }

    mutating func append(_ text: String, turn: Int) -> [Sentence] {
        guard !isDropped(turn) else { return [] }
        var state = open.removeValue(forKey: turn) ?? Turn(splitter: SentenceSplitter(settings: settings))
        let sentences = number(state.splitter.append(text), turn: turn, in: &state)
        open[turn] = state
        return sentences
    }

    /// What is left of a turn's text. The turn is remembered until the call ends, so that text
    /// arriving after its `response.end` (or the next plain line) numbers on instead of
    /// repeating index 0.
    mutating func flush(turn: Int) -> [Sentence] {
        guard var state = open.removeValue(forKey: turn) else { return [] }
        let sentences = number(state.splitter.flush(), turn: turn, in: &state)
        open[turn] = state
        return sentences
    }

    /// Flushes every turn, oldest first.
    mutating func flushAll() -> [Sentence] {
        open.keys.sorted().flatMap { flush(turn: $0) }
    }

    /// Drops what is buffered of a turn (its numbering goes on).
    mutating func discard(turn: Int) { open[turn]?.splitter = SentenceSplitter(settings: settings) }

    mutating func interrupt(through turn: Int) {
        interrupted.interrupt(through: turn)
        open = open.filter { !interrupted.contains($0.key) }
    }

    mutating func reset() {
        open.removeAll()
        interrupted = InterruptedTurns()
    }

    private func number(_ texts: [String], turn: Int, in state: inout Turn) -> [Sentence] {
        texts.map { text in
            defer { state.nextIndex += 1 }
            let first = state.nextIndex == 0 ? state.startedAt.map { .now - $0 } : nil
            return Sentence(turn: turn, index: state.nextIndex, text: text, sinceResponseStart: first)
        }
    }
}
