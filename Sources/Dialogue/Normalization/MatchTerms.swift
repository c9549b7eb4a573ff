/// The content of what was said, as the intent scorer compares it: contractions undone
/// ("i'd" → i would), words stemmed and folded onto their concept (`ConceptLexicon`),
/// stopwords and slot values dropped ("friday", "ten", "2026-12-04" say when, not what).
enum MatchTerms {
    static func terms(of tokens: [Token]) -> [String] {
        var terms: [String] = []
        var words: [String] = []
        for token in tokens {
            // "check-up" is one word, "checkup".
            if token.hyphenated, let last = words.popLast() { words.append(last + token.word) } else { words += expanded(token) }
        }
        for word in words where !isSlotValue(word) {
            if let term = ConceptLexicon.term(word) { terms.append(term) }
        }
        return terms
    }

    /// A token's words with its contraction undone: "name's" → name is, "can't" → can not.
    private static func expanded(_ token: Token) -> [String] {
        let lower = token.surface.lowercased().map { Utterance.apostrophes.contains($0) ? "'" : $0 }
        let text = String(lower)
        guard let apostrophe = text.lastIndex(of: "'") else { return [token.word] }
        let head = String(text[..<apostrophe])
        let tail = String(text[text.index(after: apostrophe)...])
        switch tail {
        case "t" where head.hasSuffix("n"):
            let base = String(head.dropLast())
            return [base == "ca" ? "can" : base == "wo" ? "will" : base, "not"]
        case "s": return [head, "is"]
        case "re": return [head, "are"]
        case "ve": return [head, "have"]
        case "ll": return [head, "will"]
        case "d": return [head, "would"]
        case "m": return [head, "am"]
        default: return [token.word]
        }
    }

    /// Days, months, numbers and clock words: what slots read, never what an intent is.
    static func isSlotValue(_ word: String) -> Bool {
        if word.first?.isNumber == true || NumberWords.singleWordValue(word) != nil { return true }
        return DateExtractor.weekdays.contains(word) || DateExtractor.months.contains(word)
            || slotWords.contains(word)
            || DateExtractor.weekdays.contains(where: { word == $0 + "s" })
    }

    private static let slotWords: Set<String> = ["today", "tomorrow", "am", "pm", "oclock", "noon", "midday", "midnight",
                                                 "half", "quarter", "past", "next", "week", "th", "st", "nd", "rd", "kal", "parson", "aaj"]
}
