/// `number` slots: digits or English number words ("twenty five", "a hundred and five"),
/// stored as digits.
///
/// A number is only taken when it is expected (a placeholder, the question just asked): a
/// stray "one" or "two" in other talk is too often not the number being collected.
struct NumberExtractor: SlotExtractor {
    var foundIncidentally: Bool { false }

    func value(at start: Int, in words: [String], context: ExtractionContext) -> (value: String, length: Int)? {
        guard let (value, length) = NumberWords.cardinal(words[start...]) else { return nil }
        return (String(value), length)
    }
}
