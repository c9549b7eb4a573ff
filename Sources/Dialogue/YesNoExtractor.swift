/// `yesno` slots: agreement or refusal, stored as `yes` or `no`, from `YesNoLexicon`.
///
/// A refusal anywhere wins over agreement: "that's not right" and "yes, no, wait" are no;
/// "no problem, go ahead" is yes ("no problem" is one phrase). Only taken when expected: a
/// "no" in passing ("no idea") is not an answer.
struct YesNoExtractor: SlotExtractor {
    /// What the recognition grammar lists: English words the pronunciation dictionary has.
    static let grammarPhrases = ["yes", "yeah", "yep", "yup", "sure", "correct", "right", "that's right", "that is right",
                                 "please do", "ok", "okay", "alright", "all right", "absolutely", "definitely",
                                 "of course", "go ahead", "sounds good", "perfect", "exactly", "that's fine", "fine",
                                 "no", "nope", "nah", "not", "wrong", "don't", "do not", "incorrect", "negative", "cancel"]

    var foundIncidentally: Bool { false }

    static func isAnswerWord(_ word: String) -> Bool { YesNoLexicon.words.contains(word) }

    func value(at start: Int, in words: [String], context: ExtractionContext) -> (value: String, length: Int)? {
        // A run of answers: "yes yes", "no no no", "yeah sure".
        var end = start
        var answer: String?
        while let (value, length) = Self.phrase(at: end, in: words) {
            if answer == nil || value == "no" { answer = value }
            end += length
        }
        return answer.map { ($0, end - start) }
    }

    func find(in tokens: [Token], skipping used: [Bool], context: ExtractionContext) -> SlotCapture? {
        guard context.mode == .expected else { return nil }
        let words = tokens.map(\.word)
        var firstYes: SlotCapture?
        var start = 0
        var previousEnd = 0
        while start < words.count {
            guard !used[start], let (value, length) = Self.phrase(at: start, in: words) else {
                start += 1
                continue
            }
            // Only a negation that is not itself part of an answer ("no problem, book it").
            let negated = value == "yes" && words[max(previousEnd, start - 2)..<start].contains { YesNoLexicon.negations.contains($0) }
            previousEnd = start + length
            let capture = SlotCapture(value: negated ? "no" : value, range: start..<(start + length))
            if capture.value == "no" { return capture }
            if firstYes == nil { firstYes = capture }
            start += length
        }
        return firstYes
    }

    /// The longest yes or no phrase at `start`.
    private static func phrase(at start: Int, in words: [String]) -> (String, Int)? {
        for phrase in YesNoLexicon.phrases where words[start...].starts(with: phrase.words) {
            return (phrase.answer, phrase.words.count)
        }
        return nil
    }
}
