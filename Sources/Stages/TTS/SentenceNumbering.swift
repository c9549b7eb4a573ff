import SwitchboardCore

/// A sentence to speak, with its place in the conversation.
struct SpeakableSentence: Sendable {
    let turn: Int
    let index: Int
    /// nil when the event had no `text` string.
    let text: String?
    /// Media time (ms from the turn's start) of the sentence's first sample.
    let startMs: Int
}

/// Gives each `sentence`/`text` event its turn, index and place in the turn's audio.
///
/// `sentence-split` numbers its sentences; a bare `text` line (`echo "Hi." | tts-cache`)
/// carries no numbers, so it continues the current turn with the next index. A new call's
/// `start` begins the numbering again.
struct SentenceNumbering {
    private var turn = 0
    private var nextIndex = 0
    /// Milliseconds of audio already sent for `turn`: the next sentence's frames follow on.
    private var turnMs = 0

    mutating func sentence(from event: Event) -> SpeakableSentence {
        let turn = event["turn"]?.int ?? self.turn
        if turn != self.turn {
            self.turn = turn
            nextIndex = 0
            turnMs = 0
        }
        let index = event["index"]?.int ?? nextIndex
        nextIndex = index + 1
        return SpeakableSentence(turn: turn, index: index, text: event["text"]?.string, startMs: turnMs)
    }

    /// The sentence's audio has gone out: the turn's next sentence starts after it.
    mutating func spoke(_ ms: Int, in turn: Int) {
        if turn == self.turn { turnMs += ms }
    }

    mutating func reset() { self = SentenceNumbering() }
}
