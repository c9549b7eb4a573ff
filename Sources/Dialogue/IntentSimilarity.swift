/// How close an utterance comes to an intent, from 0 to 1, on the terms both use
/// (`MatchTerms`, weighted by `IntentProfile`): the mean of
/// - share: of the weight of what was said that any intent knows, the part this intent knows —
///   words no intent uses ("knee", "mum") count neither way;
/// - cover: of the closest example's weight, the part that was said.
/// "could i arrange a check-up" → terms `book`, `see`: both known to `book` (share 1), and
/// its keyword `book` is fully said (cover 1) → 1.
struct IntentSimilarity {
    /// The utterance's distinct known terms, each with its weight scaled by how surely the
    /// caller's word is that term (1, or the trigram closeness of a misspelling).
    let terms: [String: Double]
    private let total: Double

    /// `evidence`: slots with a value in the utterance, which say their placeholders.
    init(utterance: Utterance, vocabulary: TermVocabulary, evidence: Set<String> = []) {
        var terms: [String: Double] = [:]
        for term in MatchTerms.terms(of: utterance.tokens) + evidence.map({ "{\($0)}" }) {
            guard let (known, closeness) = vocabulary.lookup(term) else { continue }
            terms[known] = max(terms[known] ?? 0, vocabulary.weights[known]! * closeness)
        }
        self.terms = terms
        total = terms.values.reduce(0, +)
    }

    func score(_ profile: IntentProfile) -> Double {
        guard total > 0 else { return 0 }
        let share = terms.filter { profile.weights[$0.key] != nil }.values.reduce(0, +) / total
        guard share > 0 else { return 0 }
        var cover = 0.0
        for example in profile.examples {
            let weight = example.reduce(0) { $0 + profile.weights[$1]! }
            let said = example.reduce(0) { $0 + (terms[$1] != nil ? profile.weights[$1]! : 0) }
            if weight > 0 { cover = max(cover, said / weight) }
        }
        return (share + cover) / 2
    }
}
