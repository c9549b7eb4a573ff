/// How far a name goes once its start is known.
extension NameExtractor {
    /// A listed name at `start` and the unknown words after it ("Ahmed Hassan"), as listed
    /// when nothing follows.
    func listedRun(at start: Int, in tokens: [Token], used: [Bool]) -> SlotCapture? {
        guard let (value, length) = listed(at: start, in: tokens.map(\.word)), start + length <= tokens.count,
              !used[start..<(start + length)].contains(true) else { return nil }
        var end = start + length
        while end < tokens.count, end - start < NameWords.longest, !used[end], NameWords.isNameLike(tokens[end]) { end += 1 }
        return SlotCapture(value: end == start + length ? value : NameWords.spelled(tokens[start..<end]), range: start..<end)
    }

    /// Up to `NameWords.longest` name-like tokens from `start` (titles skipped), a surname
    /// given after "surname" joined to them.
    func run(from start: Int, in tokens: [Token], used: [Bool]) -> SlotCapture? {
        var first = start
        while first < tokens.count, NameWords.titles.contains(tokens[first].word) { first += 1 }
        if let named = listedRun(at: first, in: tokens, used: used) { return named }
        // A hyphenated part may be any word: "Ji-woo", "Anna-Lena".
        func namePart(_ index: Int) -> Bool {
            NameWords.isNameLike(tokens[index]) || tokens[index].hyphenated || (tokens[safe: index + 1]?.hyphenated ?? false)
        }
        var end = first
        while end < tokens.count, end - first < NameWords.longest, !used[end], namePart(end) { end += 1 }
        guard end > first else { return nil }
        var parts = Array(tokens[first..<end])
        let words = tokens.map(\.word)
        if let cue = NameWords.surnameCues.first(where: { words[end...].starts(with: $0) }) {
            var last = end + cue.count
            while last < tokens.count, last - end < NameWords.longest, !used[last], NameWords.isNameLike(tokens[last]) { last += 1 }
            if last > end + cue.count {
                parts += tokens[(end + cue.count)..<last]
                end = last
            }
        }
        return SlotCapture(value: NameWords.spelled(parts[...]), range: first..<end)
    }

    /// Typed text: capitalised name-like words past the first, two or more, or one ending the
    /// utterance ("Book me for Friday 2:30, Daniel Okoro", "Thurs 10.30 appt. Ali."); not after
    /// "Dr.", "with", "see" or "to" (the doctor's name), nor in text written all in capitals.
    func capitalisedName(in tokens: [Token], used: [Bool]) -> SlotCapture? {
        guard tokens.flatMap(\.surface).contains(where: { $0.isLetter && $0.isLowercase }) else { return nil }
        var start = 1
        while start < tokens.count {
            var end = start
            while end < tokens.count, end - start < NameWords.longest, !used[end],
                  tokens[end].surface.first?.isUppercase == true || (end > start && tokens[end].hyphenated),
                  NameWords.isNameLike(tokens[end]) { end += 1 }
            if end > start, end - start >= 2 || end == tokens.count, !NameWords.otherPerson.contains(tokens[start - 1].word) {
                return SlotCapture(value: NameWords.spelled(tokens[start..<end]), range: start..<end)
            }
            start = end + 1
        }
        return nil
    }
}
