/// `name` slots: the caller's name, stored capitalised as the words were said ("Meera Iyer"),
/// or as the script spells a listed name (`Asha`).
///
/// The list exists for the recogniser's grammar; it ranks but does not limit. A listed name is
/// taken anywhere (and the unknown words after it: "Ahmed Hassan"). Any other name needs a
/// reason, tried in this order: after "my name is", "name's", "call me" and their like; "hi,
/// this is …" as a call begins; while the name is what was just asked, after "it's", "i'm" or
/// as the first words said ("Oluwaseun", "emeka eze and could it be the 17th"); two words or
/// more after "it's" in passing; before "here", "speaking" ("Ramesh K here"); capitalised in
/// typed text ("… Friday 2:30, Daniel Okoro").
/// A name is up to five words that are not everyday words (`CommonWords`), slot values or
/// titles ("Dr.", "Mrs.", dropped) — see `NameWords`.
struct NameExtractor: SlotExtractor {
    /// The names as listed, each with its normalized words.
    let names: [(value: String, words: [String])]

    init(values: [String]) {
        names = values.map { ($0, Utterance($0).words) }.filter { !$0.words.isEmpty }
    }

    var foundIncidentally: Bool { true }

    func value(at start: Int, in words: [String], context: ExtractionContext) -> (value: String, length: Int)? {
        listed(at: start, in: words)
    }

    func value(of tokens: ArraySlice<Token>, context: ExtractionContext) -> String? {
        let words = tokens.map(\.word)
        if let (value, length) = listed(at: 0, in: words), length == words.count { return value }
        guard context.mode == .expected else { return nil }
        let span = Array(tokens.drop { NameWords.titles.contains($0.word) })
        guard !span.isEmpty, span.count <= NameWords.longest, span.allSatisfy(NameWords.isNameLike) else { return nil }
        return NameWords.spelled(span[...])
    }

    func find(in tokens: [Token], skipping used: [Bool], context: ExtractionContext) -> SlotCapture? {
        let words = tokens.map(\.word)
        let asked = context.mode == .expected
        if let named = afterCue(NameWords.cues + (asked ? NameWords.askedCues : []), in: tokens, used: used) { return named }
        // "hi, this is Rahul Gupta, …": a caller introducing themselves as they begin.
        if let start = words.prefix(4).indices.first(where: { words[$0...].starts(with: ["this", "is"]) }), !used[start],
           let named = afterCue([["this", "is"]], in: tokens, used: used, from: start) {
            return named
        }
        for start in words.indices where !used[start] {
            if let named = listedRun(at: start, in: tokens, used: used) { return named }
        }
        if asked {
            var start = 0
            while start < words.count, NameWords.openers.contains(words[start]) || NameWords.titles.contains(words[start]),
                  !(tokens[safe: start + 1]?.hyphenated ?? false) { start += 1 }
            if let first = run(from: start, in: tokens, used: used) { return first }
        }
        if let named = afterCue(NameWords.askedCues, in: tokens, used: used, atLeast: 2) { return named }
        return beforeSuffix(in: tokens, used: used) ?? capitalisedName(in: tokens, used: used)
    }

    /// A name right after one of `cues` (titles between are skipped), the cue included in the
    /// capture; searched from `from` on, or only there.
    private func afterCue(_ cues: [[String]], in tokens: [Token], used: [Bool], from: Int? = nil, atLeast: Int = 1) -> SlotCapture? {
        let words = tokens.map(\.word)
        for start in (from.map { [$0] } ?? Array(words.indices)) where !used[start] {
            for cue in cues where words[start...].starts(with: cue) {
                if cue == ["name"], start > 0, NameWords.partOfName.contains(words[start - 1]) { continue }
                let after = start + cue.count
                guard let named = run(from: after, in: tokens, used: used), named.range.count >= atLeast,
                      named.range.lowerBound == after || NameWords.titles.contains(words[after]) else { continue }
                return SlotCapture(value: named.value, range: start..<named.range.upperBound)
            }
        }
        return nil
    }

    func listed(at start: Int, in words: [String]) -> (value: String, length: Int)? {
        var best: (value: String, length: Int)?
        for name in names where name.words.count > (best?.length ?? 0) && words[start...].starts(with: name.words) {
            best = (name.value, name.words.count)
        }
        return best
    }
}
