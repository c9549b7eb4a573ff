import Foundation

/// What the caller has heard of one agent turn.
///
/// The telephony side echoes a `mark` named `t<turn>.s<index>` once sentence `index` has been
/// played (DESIGN §1). The text of each sentence comes from `spoken` events when they reach this
/// stage; otherwise it is estimated by cutting the generated text after sentence-ending
/// punctuation, which matches `sentence-split` except where that stage merges or splits
/// differently (abbreviations, `--min-chars`).
struct PlaybackTracker {
    let turn: Int
    private(set) var generated = ""
    private(set) var generationEnded = false
    private var spokenTexts: [Int: String] = [:]
    /// The highest sentence index whose mark came back.
    private(set) var playedThrough: Int?
    /// Set by a `t<turn>.end` mark: everything has been played.
    private var playedToEnd = false

    init(turn: Int) { self.turn = turn }

    mutating func append(_ text: String) { generated += text }
    mutating func endGeneration() { generationEnded = true }
    mutating func spoken(index: Int, text: String) { spokenTexts[index] = text }

    /// Takes a mark name; false when it is not one of this turn's.
    mutating func played(mark name: String) -> Bool {
        guard let mark = MarkName(name), mark.turn == turn else { return false }
        if let index = mark.sentence { playedThrough = max(playedThrough ?? index, index) } else { playedToEnd = true }
        return true
    }

    var sentences: [String] {
        guard !spokenTexts.isEmpty else { return SentenceEstimate.split(generated) }
        return spokenTexts.keys.sorted().compactMap { spokenTexts[$0] }
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

/// Sentences cut after `.` `!` `?` `…` `;` `।` `॥` `。` `！` `？` (and any closing quotes or
/// brackets) followed by a space or the end, and at newlines, but not after a title or an
/// initial ("Dr.", "J."): an estimate for when `spoken` events do not come back.
enum SentenceEstimate {
    static let terminators: Set<Character> = [".", "!", "?", "…", ";", "।", "॥", "。", "！", "？"]
    static let closers: Set<Character> = ["\"", "'", "”", "’", ")", "]", "»"]
    static let abbreviations: Set<String> = ["mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "sr.", "jr.", "vs.", "etc.", "e.g.", "i.e.", "no."]

    /// "Dr." or "J." at the end of `text`: a full stop that does not end a sentence.
    static func endsWithAbbreviation(_ text: String) -> Bool {
        guard text.last == "." else { return false }
        let word = text.split(whereSeparator: \.isWhitespace).last.map { $0.lowercased() } ?? ""
        return abbreviations.contains(word) || (word.count == 2 && word.first?.isLetter == true)
    }

    static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var ended = false
        for character in text {
            if character.isNewline || (ended && character.isWhitespace) {
                append(current, to: &sentences)
                current = ""
                ended = false
                continue
            }
            current.append(character)
            if terminators.contains(character) {
                ended = !endsWithAbbreviation(current)
            } else if !(ended && closers.contains(character)) {
                ended = false
            }
        }
        append(current, to: &sentences)
        return sentences
    }

    private static func append(_ sentence: String, to sentences: inout [String]) {
        let trimmed = sentence.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { sentences.append(trimmed) }
    }
}
