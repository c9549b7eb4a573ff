/// `name` slots: the caller's name, stored capitalised as the words were said ("Meera Iyer"),
/// or as the script spells a listed name (`Asha`).
///
/// The list exists for the recogniser's grammar; it ranks but does not limit. A listed name is
/// taken anywhere (and the unknown words after it: "Ahmed Hassan"). Any other name needs a
/// reason: after "my name is", "name's", "call me" and their like, "hi, this is …" as a call
/// begins, capitalised in typed text ("… Friday 2:30, Daniel Okoro"), or — while the name is
/// what was just asked — after "it's", "i'm", or as the first words said ("Oluwaseun",
/// "emeka eze and could it be the 17th"). A name is up to four words that are not everyday
/// words (`CommonWords`), slot values or titles ("Dr.", "Mrs.", dropped).
struct NameExtractor: SlotExtractor {
    /// The names as listed, each with its normalized words.
    let names: [(value: String, words: [String])]

    /// Words that announce a name anywhere, longest first.
    static let cues: [[String]] = [["my", "good", "name", "is"], ["my", "name", "is"], ["my", "names"], ["the", "name", "is"],
                                   ["name", "should", "be"], ["name", "will", "be"], ["first", "name"], ["full", "name"],
                                   ["name", "is"], ["names"], ["name"], ["call", "me"], ["mera", "naam", "hai"], ["mera", "naam"],
                                   ["naam", "hai"], ["naam", "likhiye"], ["naam", "likho"], ["naam"], ["myself"]]
    /// Words before the rest of a name: "first name Harpreet, surname Kaur".
    private static let surnameCues: [[String]] = [["surname"], ["last", "name"], ["family", "name"], ["second", "name"]]
    /// Words that announce a name only while it is being asked for ("it's urgent" is not one).
    static let askedCues: [[String]] = [["this", "is"], ["its"], ["it", "is"], ["im"], ["i", "am"], ["under"]]
    static let titles: Set<String> = ["mr", "mister", "mrs", "missus", "ms", "miss", "dr", "doctor", "prof", "professor", "shri", "sri",
                                      "smt", "sir", "madam", "father", "fr", "sister", "reverend", "rev", "lady", "lord", "dame", "captain"]
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
        // "hi, this is Rahul Gupta, …": a caller introducing themselves as they begin.
        if let start = words.prefix(4).indices.first(where: { words[$0...].starts(with: ["this", "is"]) }),
           !used[start], let capture = run(from: start + 2, in: tokens, used: used, context: context),
           capture.range.lowerBound == start + 2 {
            return SlotCapture(value: capture.value, range: start..<capture.range.upperBound)
        }
        // A listed name anywhere, with the unknown words after it.
        for start in words.indices where !used[start] {
            guard let (value, length) = listed(at: start, in: words), !used[start..<(start + length)].contains(true) else { continue }
            var end = start + length
            while end < tokens.count, end - start < Self.longest, !used[end], Self.isNameLike(tokens[end]) { end += 1 }
            return SlotCapture(value: end == start + length ? value : Self.spelled(tokens[start..<end]), range: start..<end)
        }
        // Just asked: the first words, after an opener.
        if context.mode == .expected {
            var start = 0
            while start < words.count, Self.openers.contains(words[start]) || Self.titles.contains(words[start]),
                  !(tokens[safe: start + 1]?.hyphenated ?? false) { start += 1 }
            if let first = run(from: start, in: tokens, used: used, context: context) { return first }
        }
        // "it's Dev Malhotra" in passing: a name of two words or more after "it's", "i'm".
        for start in words.indices where !used[start] {
            for cue in Self.askedCues where words[start...].starts(with: cue) {
                if let capture = run(from: start + cue.count, in: tokens, used: used, context: context),
                   capture.range.lowerBound == start + cue.count, capture.range.count >= 2 {
                    return SlotCapture(value: capture.value, range: start..<capture.range.upperBound)
                }
            }
        }
        return capitalisedName(in: tokens, used: used)
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
        // A hyphenated part may be any word: "Ji-woo", "Anna-Lena".
        func namePart(_ index: Int) -> Bool {
            Self.isNameLike(tokens[index]) || tokens[index].hyphenated || (index + 1 < tokens.count && tokens[index + 1].hyphenated)
        }
        while end < tokens.count, end - first < Self.longest, !used[end], namePart(end) { end += 1 }
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

    /// Typed text: capitalised name-like words past the first, two or more, or one ending the
    /// utterance ("Book me for Friday 2:30, Daniel Okoro", "Thurs 10.30 appt. Ali."); not after
    /// "Dr.", "with", "see" or "to" (the doctor's name), nor in text written all in capitals.
    private func capitalisedName(in tokens: [Token], used: [Bool]) -> SlotCapture? {
        let letters = tokens.flatMap(\.surface).filter(\.isLetter)
        guard letters.contains(where: \.isLowercase) else { return nil }
        var start = 1
        while start < tokens.count {
            var end = start
            while end < tokens.count, end - start < Self.longest, !used[end],
                  tokens[end].surface.first?.isUppercase == true || (end > start && tokens[end].hyphenated),
                  Self.isNameLike(tokens[end]) { end += 1 }
            let before = tokens[start - 1].word
            if end > start, end - start >= 2 || end == tokens.count,
               !["doctor", "professor", "with", "see", "to"].contains(before) {
                return SlotCapture(value: Self.spelled(tokens[start..<end]), range: start..<end)
            }
            start = end + 1
        }
        return nil
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
        // Said again as it goes on, the fuller form counts: "Juan. Juan Mendes", "Mrs. Ogundipe.
        // Bisola Ogundipe." — everything up to a word that comes again is dropped.
        var once = Array(tokens)
        if let repeated = once.indices.last(where: { i in once[(i + 1)...].contains { $0.word == once[i].word } }) {
            once.removeFirst(repeated + 1)
        }
        var name = ""
        for (index, token) in once.enumerated() {
            let surface = token.surface
            let part = surface.first!.isUppercase || (token.hyphenated && index > 0) ? surface : surface.prefix(1).uppercased() + surface.dropFirst()
            name += index == 0 ? part : (token.hyphenated ? "-" : " ") + part
        }
        return name
    }
}
