/// `name` slots: one of the names the script lists, matched as whole words regardless of case
/// ("my name is asha", "It's ASHA."), stored as the script spells it (`Asha`).
///
/// A closed list is what lets a recognizer grammar contain the names, and what makes a name
/// self-evident in any utterance.
struct NameExtractor: SlotExtractor {
    /// The names as listed, each with its normalized words.
    let names: [(value: String, words: [String])]

    init(values: [String]) {
        names = values.map { ($0, Utterance($0).words) }.filter { !$0.words.isEmpty }
    }

    func value(at start: Int, in words: [String], context: ExtractionContext) -> (value: String, length: Int)? {
        var best: (value: String, length: Int)?
        for name in names where name.words.count > (best?.length ?? 0) && words[start...].starts(with: name.words) {
            best = (name.value, name.words.count)
        }
        return best
    }
}
