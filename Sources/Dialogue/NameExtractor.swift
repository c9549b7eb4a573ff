/// `name` slots: the caller's name, stored capitalised as the words were said ("Meera Iyer"),
/// or as the script spells a listed name (`Asha`).
///
/// The list exists for the recogniser's grammar; it ranks but does not limit. A listed name is
/// taken anywhere (and the unknown words after it: "Ahmed Hassan"). Any other name needs a
/// reason: after "my name is", "name's", "this is", "it's", "i'm", "call me" and their like,
/// or — while the name is what was just asked — as the first words said ("Oluwaseun",
/// "emeka eze and could it be the 17th"). A name is up to four words that are not everyday
/// words (`CommonWords`), slot values or titles ("Dr.", "Mrs.", dropped).
struct NameExtractor: SlotExtractor {
    /// The names as listed, each with its normalized words.
    let names: [(value: String, words: [String])]

    /// Words that announce a name anywhere, longest first.
    static let cues: [[String]] = [["my", "good", "name", "is"], ["my", "name", "is"], ["my", "names"], ["the", "name", "is"],
                                   ["name", "should", "be"], ["name", "will", "be"], ["first", "name"], ["full", "name"],
                                   ["name", "is"], ["names"], ["name"], ["call", "me"], ["mera", "naam"], ["naam"], ["myself"]]
    /// Words before the rest of a name: "first name Harpreet, surname Kaur".
    private static let surnameCues: [[String]] = [["surname"], ["last", "name"], ["family", "name"], ["second", "name"]]
    /// Words that announce a name only while it is being asked for ("it's urgent" is not one).
    static let askedCues: [[String]] = [["this", "is"], ["its"], ["it", "is"], ["im"], ["i", "am"], ["under"]]
    static let titles: Set<String> = ["mr", "mister", "mrs", "missus", "ms", "miss", "dr", "doctor", "prof", "shri", "sri", "smt", "sir", "madam"]
    /// Words a caller says before answering that are not the answer.
    private static let openers: Set<String> = ["yes", "yeah", "yep", "sure", "okay", "ok", "hi", "hello", "so", "well", "oh", "right",
                                               "of", "course", "certainly", "ji", "haan", "sorry", "and", "its", "it", "is", "thats", "that"]
    static let longest = 4

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
        let span = Array(tokens.drop { Self.titles.contains($0.word) })
        guard !span.isEmpty, span.count <= Self.longest, span.allSatisfy(Self.isNameLike) else { return nil }
        return Self.spelled(span[...])
    }

    func find(in tokens: [Token], skipping used: [Bool], context: ExtractionContext) -> SlotCapture? {
        let words = tokens.map(\.word)
        // After a cue, listed or not.
        for start in words.indices where !used[start] {
            for cue in Self.cues + (context.mode == .expected ? Self.askedCues : []) where words[start...].starts(with: cue) {
                let after = start + cue.count
                if let capture = run(from: after, in: tokens, used: used, context: context), capture.range.lowerBound == after
                    || Self.titles.contains(words[after]) {
                    return SlotCapture(value: capture.value, range: start..<capture.range.upperBound)
                }
            }
        }
        // A listed name anywhere, with the unknown words after it.
        for start in words.indices where !used[start] {
            guard let (value, length) = listed(at: start, in: words), !used[start..<(start + length)].contains(true) else { continue }
            var end = start + length
            while end < tokens.count, end - start < Self.longest, !used[end], Self.isNameLike(tokens[end]) { end += 1 }
            return SlotCapture(value: end == start + length ? value : Self.spelled(tokens[start..<end]), range: start..<end)
        }
        // Just asked: the first words, after an opener.
        guard context.mode == .expected else { return nil }
        var start = 0
        while start < words.count, Self.openers.contains(words[start]) || Self.titles.contains(words[start]) { start += 1 }
        return run(from: start, in: tokens, used: used, context: context)
    }

    /// Up to `longest` name-like tokens from `start` (titles skipped), as a name.
    private func run(from start: Int, in tokens: [Token], used: [Bool], context: ExtractionContext) -> SlotCapture? {
        var first = start
        while first < tokens.count, Self.titles.contains(tokens[first].word) { first += 1 }
        if let (value, length) = listed(at: first, in: tokens.map(\.word)), first + length <= tokens.count,
           !used[first..<(first + length)].contains(true) {
            var end = first + length
            while end < tokens.count, end - first < Self.longest, !used[end], Self.isNameLike(tokens[end]) { end += 1 }
            return SlotCapture(value: end == first + length ? value : Self.spelled(tokens[first..<end]), range: first..<end)
        }
        var end = first
        while end < tokens.count, end - first < Self.longest, !used[end], Self.isNameLike(tokens[end]) { end += 1 }
        guard end > first else { return nil }
        var parts = Array(tokens[first..<end])
        let words = tokens.map(\.word)
        for cue in Self.surnameCues where words[end...].starts(with: cue) {
            var last = end + cue.count
            while last < tokens.count, last - end < Self.longest, !used[last], Self.isNameLike(tokens[last]) { last += 1 }
            if last > end + cue.count {
                parts += tokens[(end + cue.count)..<last]
                end = last
            }
            break
        }
        return SlotCapture(value: Self.spelled(parts[...]), range: first..<end)
    }

    private func listed(at start: Int, in words: [String]) -> (value: String, length: Int)? {
        var best: (value: String, length: Int)?
        for name in names where name.words.count > (best?.length ?? 0) && words[start...].starts(with: name.words) {
            best = (name.value, name.words.count)
        }
        return best
    }

    /// Letters (an apostrophe inside), two or more, and no everyday word, slot value or title.
    static func isNameLike(_ token: Token) -> Bool {
        let word = token.word
        guard word.count >= 2, word.allSatisfy(\.isLetter) else { return false }
        return !CommonWords.all.contains(word) && !titles.contains(word) && !MatchTerms.isSlotValue(word)
            && ConceptLexicon.concepts[word] == nil && !ConceptLexicon.stopwords.contains(word) && !YesNoExtractor.isAnswerWord(word)
    }

    /// "meera iyer" → "Meera Iyer"; "McDonald" and "D'Souza" as written.
    static func spelled(_ tokens: ArraySlice<Token>) -> String {
        // "Juan. Juan Mendes": a name said again as it goes on is said once.
        var once = Array(tokens)
        if once.count > 1, once[0].word == once[1].word { once.removeFirst() }
        return once.map { token in
            let surface = token.surface
            return surface.first!.isUppercase ? surface : surface.prefix(1).uppercased() + surface.dropFirst()
        }.joined(separator: " ")
    }
}
