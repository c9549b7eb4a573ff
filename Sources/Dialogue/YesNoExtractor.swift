/// `yesno` slots: agreement or refusal, stored as `yes` or `no`, from `YesNoLexicon`.
///
/// The last answer counts, as callers think aloud: "yes, no, wait" is no, "No? OK then yes
/// please" is yes; "no problem, go ahead" is yes ("no problem" is one phrase). Only taken
/// when expected: a "no" in passing is not an answer.
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
        while let (value, length) = Self.phrase(at: end, in: words), let value {
            answer = value
            end += length
        }
        return answer.map { ($0, end - start) }
    }

    func find(in tokens: [Token], skipping used: [Bool], context: ExtractionContext) -> SlotCapture? {
        guard context.mode == .expected else { return nil }
        let words = tokens.map(\.word)
        var last: SlotCapture?
        var start = 0
        while start < words.count {
            guard !used[start], let (answer, length) = Self.phrase(at: start, in: words) else {
                start += 1
                continue
            }
            if let answer {
                // A negation word just before ("not right"), unless it belongs to a longer phrase
                // ("no problem, book it").
                let alone = last.map { $0.range.upperBound < start || $0.range == (start - 1)..<start } ?? true
                let negated = answer == "yes" && alone && YesNoLexicon.negations.contains(words[safe: start - 1] ?? "")
                last = SlotCapture(value: negated ? "no" : answer, range: start..<(start + length))
            }
            start += length
        }
        return last
    }

    /// The longest yes, no or neither phrase at `start`.
    private static func phrase(at start: Int, in words: [String]) -> (String?, Int)? {
        for phrase in YesNoLexicon.phrases where words[start...].starts(with: phrase.words) {
            return (phrase.answer, phrase.words.count)
        }
        return nil
    }
}
