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
        var end = first
        while end < tokens.count, end - first < NameWords.longest, !used[end], isNamePart(end, in: tokens, from: first) { end += 1 }
        // A run does not end on a particle ("Maria Gonzalez de la …" cut at the longest).
        while end > first, NameWords.particles.contains(tokens[end - 1].word), !NameWords.isNameLike(tokens[end - 1]) { end -= 1 }
        guard end > first else { return nil }
        var parts = Array(tokens[first..<end])
        let words = tokens.map(\.word)
        if let cue = NameWords.surnameCues.first(where: { words[end...].starts(with: $0) }) {
            var last = end + cue.count
            while last < tokens.count, last - end < NameWords.longest, !used[last], NameWords.isNameLike(tokens[last]) { last += 1 }
            let surname = tokens[(end + cue.count)..<last]
            if !surname.isEmpty, !surname.allSatisfy({ part in parts.contains { $0.word == part.word } }) {
                parts += surname
                end = last
            }
        }
        if NameWords.familyNameNotes.contains(where: { words[end...].starts(with: $0) }),
           parts.count > 2, parts.last?.word == parts.first?.word {
            parts.removeLast()
        }
        return SlotCapture(value: NameWords.spelled(parts[...]), range: first..<end)
    }

    /// Whether the token at `index` can continue a name begun at `first`: a name-like word, a
    /// hyphenated part of any word ("Ji-woo"), an initial ("K. Ramesh", "Karthikeyan S"), or a
    /// particle before more of the name ("de la Cruz").
    private func isNamePart(_ index: Int, in tokens: [Token], from first: Int) -> Bool {
        let token = tokens[index]
        if NameWords.isNameLike(token) || isInitial(index, in: tokens) { return true }
        if token.word.count > 1, token.hyphenated || (tokens[safe: index + 1]?.hyphenated ?? false) { return true }
        return index > first && NameWords.particles.contains(token.word)
            && (tokens[safe: index + 1].map { NameWords.isNameLike($0) || NameWords.particles.contains($0.word) } ?? false)
    }

    /// A lone letter beside a name-like word, not one of a spelled-out run ("w o j c i e c h").
    private func isInitial(_ index: Int, in tokens: [Token]) -> Bool {
        guard tokens[index].word.count == 1, tokens[index].word.first!.isLetter, !tokens[index].hyphenated,
              tokens[index].word != "i", tokens[index].word != "a" else { return false }
        let before = tokens[safe: index - 1], after = tokens[safe: index + 1]
        if before?.word.count == 1 || after?.word.count == 1 || after?.hyphenated == true { return false }
        return (before.map(NameWords.isNameLike) ?? false) || (after.map(NameWords.isNameLike) ?? false)
    }

    /// A name just before "here", "speaking", "calling" or "this side" ("Ramesh K here").
    func beforeSuffix(in tokens: [Token], used: [Bool]) -> SlotCapture? {
        let words = tokens.map(\.word)
        for end in words.indices where end > 0 && NameWords.suffixCues.contains(where: { words[end...].starts(with: $0) }) {
            var start = end
            while start > 0, end - start < NameWords.longest, !used[start - 1],
                  NameWords.isNameLike(tokens[start - 1]) || isInitial(start - 1, in: tokens) { start -= 1 }
            if start < end, let named = run(from: start, in: tokens, used: used), named.range.upperBound == end { return named }
        }
        return nil
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
