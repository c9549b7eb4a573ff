/// Word error rate, as recognizers are scored: the fewest word substitutions, deletions and
/// insertions that turn the hypothesis into the reference, over the reference's word count.
/// Both are compared as words only — lowercase, letters, digits and apostrophes — so "Ten."
/// and "ten" agree.
public struct WordErrors: Sendable, Equatable {
    public var errors: Int
    public var referenceWords: Int

    public init(errors: Int = 0, referenceWords: Int = 0) {
        self.errors = errors
        self.referenceWords = referenceWords
    }

    public init(reference: String, hypothesis: String) {
        let ref = Self.words(reference)
        let hyp = Self.words(hypothesis)
        // One row of the edit-distance table at a time.
        var previous = Array(0...hyp.count)
        for (i, word) in ref.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: hyp.count)
            for j in 0..<hyp.count {
                current[j + 1] = min(previous[j] + (word == hyp[j] ? 0 : 1), previous[j + 1] + 1, current[j] + 1)
            }
            previous = current
        }
        self.init(errors: previous[hyp.count], referenceWords: ref.count)
    }

    /// The rate, 0 for a perfect hypothesis (and for an empty reference heard as nothing).
    public var rate: Double { referenceWords == 0 ? (errors == 0 ? 0 : 1) : Double(errors) / Double(referenceWords) }

    public static func + (a: WordErrors, b: WordErrors) -> WordErrors {
        WordErrors(errors: a.errors + b.errors, referenceWords: a.referenceWords + b.referenceWords)
    }

    /// The words of `text` as they are compared.
    public static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'") }.map(String.init)
    }
}
