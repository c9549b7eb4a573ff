/// One word of something said or typed.
struct Token: Sendable, Equatable {
    /// As written, case and apostrophes kept: what a free-text slot stores.
    var surface: String
    /// Written joined to the word before by a hyphen ("woo" in "Hyun-woo"): part of one name.
    var hyphenated = false
    /// Lowercased, apostrophes dropped, a typed abbreviation spelled out (`ChatAbbreviations`):
    /// what every matcher compares. "That's" → `thats`, "tmrw" → `tomorrow`.
    var word: String

    init(surface: String) {
        self.surface = surface
        let lower = surface.lowercased()
        // "wednesday'd be good", "friday's fine": a day keeps its name under a contraction.
        if let apostrophe = lower.firstIndex(where: Utterance.apostrophes.contains),
           case let head = String(lower[..<apostrophe]), Token.dayWords.contains(head) {
            self.word = head
            return
        }
        self.word = ChatAbbreviations.expand(String(lower.filter { !Utterance.apostrophes.contains($0) }))
    }

    private static let dayWords = Set(DateExtractor.weekdays + DateExtractor.months + ["today", "tomorrow", "tonight"])

    /// `word`, except that a number said in one word or written in digits compares equal to the
    /// other spelling ("ten" and "10" both give `#10`), so an example written with digits matches
    /// a recognizer transcript, which spells numbers out.
    var matchKey: String {
        if let value = NumberWords.singleWordValue(word) { return "#\(value)" }
        return word
    }

    /// How the word is written in a recognition grammar: lowercase, apostrophes kept ("that's"),
    /// as pronunciation dictionaries spell it.
    var grammarWord: String {
        String(surface.lowercased().map { Utterance.apostrophes.contains($0) ? "'" : $0 })
    }
}

/// Text normalized for matching: typed chat and recognizer transcripts come out the same.
///
/// Lowercase; punctuation is a word break, except inside numbers (`10:30`, `2026-12-01`,
/// `1,000`); apostrophes are dropped inside words ("don't" → `dont`); a number glued to a word is
/// split off (`3pm` → `3 pm`) unless it is an ordinal (`5th`); hyphens split (`twenty-five`);
/// hesitations (um, uh, er, erm, hmm) and bracketed recognizer markers (`<sil>`, `[noise]`) are
/// dropped.
struct Utterance: Sendable, Equatable {
    static let apostrophes: Set<Character> = ["'", "\u{2019}", "\u{2018}"]
    static let hesitations: Set<String> = ["um", "umm", "uh", "uhh", "er", "erm", "hmm", "mm", "ah"]

    var tokens: [Token]

    init(tokens: [Token]) { self.tokens = tokens }

    init(_ text: String) {
        self.init(tokens: Utterance.tokenize(ChatAbbreviations.unglued(text)).map { surface, hyphenated in
            var token = Token(surface: surface)
            token.hyphenated = hyphenated
            return token
        }.filter { !$0.word.isEmpty && !Utterance.hesitations.contains($0.word) })
    }

    var words: [String] { tokens.map(\.word) }
    var isEmpty: Bool { tokens.isEmpty }
    var count: Int { tokens.count }

    /// The normalized words joined by single spaces: what a script's `regex` is matched against.
    var text: String { words.joined(separator: " ") }

    /// The words, each with whether a hyphen joined it to the one before.
    private static func tokenize(_ text: String) -> [(String, Bool)] {
        let chars = Array(text)
        var tokens: [(String, Bool)] = []
        var current = ""
        var hyphenated = false
        var nextHyphenated = false
        func flush() {
            if !current.isEmpty { tokens.append((current, hyphenated)) }
            current = ""
            hyphenated = nextHyphenated
            nextHyphenated = false
        }
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < chars.count && chars[i].isNumber }
        func isLetter(_ i: Int) -> Bool { i >= 0 && i < chars.count && chars[i].isLetter }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isLetter || c.isNumber {
                if let last = current.last {
                    if last.isNumber && c.isLetter && !startsOrdinalSuffix(chars, at: i) { flush() }
                    else if last.isLetter && c.isNumber { flush() }
                }
                current.append(c)
            } else if apostrophes.contains(c) && isLetter(i - 1) && isLetter(i + 1) {
                current.append(c)
            } else if (c == ":" || c == "." || c == "-") && isDigit(i - 1) && isDigit(i + 1) && current.allSatisfy({ $0.isNumber || $0 == c }) {
                current.append(c)
            } else if c == "-" && isLetter(i - 1) && isLetter(i + 1) {
                nextHyphenated = true
                flush()
            } else if c == "," && isDigit(i - 1) && isDigit(i + 1) && isDigit(i + 2) && isDigit(i + 3) && !isDigit(i + 4) {
                // thousands separator: "1,000" is one number
            } else if (c == "<" || c == "["), let close = chars[(i + 1)...].firstIndex(of: c == "<" ? ">" : "]"),
                      current.isEmpty, close + 1 == chars.count || chars[close + 1].isWhitespace {
                i = close  // a recognizer marker such as <sil> or [noise]
            } else {
                flush()
            }
            i += 1
        }
        flush()
        return tokens
    }

    /// "st", "nd", "rd" or "th" starting at `i` and ending the word, after a digit: `5th`.
    private static func startsOrdinalSuffix(_ chars: [Character], at i: Int) -> Bool {
        guard i + 1 < chars.count else { return false }
        let suffix = String(chars[i...i + 1]).lowercased()
        guard ["st", "nd", "rd", "th"].contains(suffix) else { return false }
        return i + 2 == chars.count || !chars[i + 2].isLetter
    }
}
