/// Every term the script's intents use, with a fuzzy lookup for the misspelt and misheard:
/// a caller's term the script does not use stands for the script term sharing most of its
/// character trigrams ("apointment" → `appointment`), if they share enough.
struct TermVocabulary: Sendable {
    /// Dice overlap of trigram sets a stand-in needs: "apointment"/"appointment" share 0.84,
    /// "book"/"look" 0.33.
    static let minimumOverlap = 0.7

    let weights: [String: Double]
    private let trigrams: [(term: String, grams: Set<String>)]

    init(terms: Set<String>, weight: (String) -> Double) {
        weights = Dictionary(uniqueKeysWithValues: terms.map { ($0, weight($0)) })
        trigrams = terms.sorted().filter { $0.count >= 4 }.map { ($0, Self.grams($0)) }
    }

    init() { self.init(terms: [], weight: { _ in 0 }) }

    /// The term itself when the script uses it, else its closest script term and how close.
    func lookup(_ term: String) -> (term: String, closeness: Double)? {
        if weights[term] != nil { return (term, 1) }
        guard term.count >= 4 else { return nil }
        let grams = Self.grams(term)
        var best: (term: String, closeness: Double)?
        for candidate in trigrams {
            let shared = Double(grams.intersection(candidate.grams).count)
            let dice = 2 * shared / Double(grams.count + candidate.grams.count)
            if dice >= Self.minimumOverlap, dice > (best?.closeness ?? 0) { best = (candidate.term, dice) }
        }
        return best
    }

    private static func grams(_ term: String) -> Set<String> {
        let padded = Array("^" + term + "$")
        return Set((0..<(padded.count - 2)).map { String(padded[$0..<($0 + 3)]) })
    }
}
