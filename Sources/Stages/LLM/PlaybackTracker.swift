/// What the caller has heard of one agent turn.
///
/// The telephony side echoes a `mark` named `t<turn>.s<index>` once sentence `index` has been
/// played, and `t<turn>.end` once the whole turn has (DESIGN §1, §3). The text of each sentence
/// comes from `spoken` events when they reach this stage; otherwise the generated text is cut
/// as `sentence-split` cuts it by default, which matches unless that stage runs with other
/// settings (`--min-chars`, `--first-min-chars`, …).
struct PlaybackTracker {
    let turn: Int
    private(set) var generated = ""
    private(set) var generationEnded = false
    private var spokenTexts: [Int: String] = [:]
    /// The generated text cut as it arrives: marks are counted against it many times per turn,
    /// so it is split once, incrementally, rather than re-split on every mark.
    private var splitter = SentenceSplitter(settings: Self.sentenceSplitDefaults)
    private var cutSentences: [String] = []
    /// The highest sentence index whose mark came back.
    private(set) var playedThrough: Int?
    /// Set by a `t<turn>.end` mark: everything has been played.
    private(set) var playedToEnd = false

    /// `sentence-split`'s default settings. Building them builds the built-in lexicon, which is
    /// the same for every turn of every call: once per process.
    private static let sentenceSplitDefaults = SentenceSplitter.Settings()

    init(turn: Int) { self.turn = turn }

    mutating func append(_ text: String) {
        generated += text
        cutSentences += splitter.append(text)
    }

    mutating func endGeneration() {
        guard !generationEnded else { return }
        generationEnded = true
        cutSentences += splitter.flush()
    }

    mutating func spoken(index: Int, text: String) { spokenTexts[index] = text }

    /// Takes a mark name; false when it is not one of this turn's.
    mutating func played(mark name: String) -> Bool {
        guard let mark = MarkName(name), mark.turn == turn else { return false }
        if let index = mark.sentence { playedThrough = max(playedThrough ?? index, index) } else { playedToEnd = true }
        return true
    }

    /// The turn's sentences: as `spoken` reported them, else as `sentence-split` cuts the text.
    /// While the text is still coming, its unfinished tail counts as the last sentence.
    var sentences: [String] {
        guard spokenTexts.isEmpty else { return spokenTexts.keys.sorted().compactMap { spokenTexts[$0] } }
        guard !generationEnded else { return cutSentences }
        var tail = splitter
        return cutSentences + tail.flush()
    }

    /// The last sentence's mark (or the end mark) has come back after generation ended.
    var playedEverything: Bool {
        guard generationEnded else { return false }
        if playedToEnd { return true }
        guard let playedThrough else { return sentences.isEmpty }
        return playedThrough >= sentences.count - 1
    }

    /// The sentences whose marks came back, as the caller heard them.
    var heardText: String {
        if playedToEnd { return sentences.joined(separator: " ") }
        guard let playedThrough else { return "" }
        return sentences.prefix(playedThrough + 1).joined(separator: " ")
    }
}

/// `t<turn>.s<index>` (a sentence played) or `t<turn>.end` (the whole turn played).
struct MarkName: Equatable {
    let turn: Int
    /// nil for the end mark.
    let sentence: Int?

    init?(_ name: String) {
        let parts = name.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, parts[0].first == "t", let turn = Int(parts[0].dropFirst()) else { return nil }
        self.turn = turn
        if parts[1] == "end" {
            sentence = nil
        } else if parts[1].first == "s", let index = Int(parts[1].dropFirst()) {
            sentence = index
        } else {
            return nil
        }
    }
}
