/// `yesno` slots: agreement or refusal, stored as `yes` or `no`.
///
/// Yes: yes, yeah, yep, yup, sure, correct, right, that's right, please do, ok, okay, alright, all
/// right, absolutely, definitely, of course, go ahead, sounds good, perfect, exactly.
/// No: no, nope, nah, not, wrong, don't, do not, incorrect, negative, cancel.
/// A refusal anywhere wins over agreement: "that's not right" and "yes, no, wait" are no.
/// Only taken when expected: a "no" in passing ("no idea") is not an answer.
struct YesNoExtractor: SlotExtractor {
    /// As written in a recognition grammar; matched through their normalized words.
    static let yesPhrases = ["yes", "yeah", "yep", "yup", "sure", "correct", "right", "that's right", "that is right",
                             "please do", "ok", "okay", "alright", "all right", "absolutely", "definitely",
                             "of course", "go ahead", "sounds good", "perfect", "exactly"]
    static let noPhrases = ["no", "nope", "nah", "not", "wrong", "don't", "do not", "incorrect", "negative", "cancel"]
    private static let phraseWords = [("yes", yesPhrases), ("no", noPhrases)].map { answer, phrases in
        (answer, phrases.map { Utterance($0).words })
    }

    var foundIncidentally: Bool { false }

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
        for start in words.indices where !used[start] {
            guard let (value, length) = Self.phrase(at: start, in: words) else { continue }
            let capture = SlotCapture(value: value, range: start..<(start + length))
            if value == "no" { return capture }
            if firstYes == nil { firstYes = capture }
        }
        return firstYes
    }

    /// The longest yes or no phrase at `start`.
    private static func phrase(at start: Int, in words: [String]) -> (String, Int)? {
        var best: (String, Int)?
        for (answer, phrases) in phraseWords {
            for phrase in phrases where phrase.count > (best?.1 ?? 0) && words[start...].starts(with: phrase) {
                best = (answer, phrase.count)
            }
        }
        return best
    }
}
