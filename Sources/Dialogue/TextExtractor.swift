/// `text` slots: free text, stored as said (case and apostrophes kept, punctuation dropped).
///
/// In an example the placeholder takes the words it spans ("it's about {reason}"); as the answer
/// to its own question it takes the whole utterance, even words another slot also read. Never
/// taken in passing: any words would do.
struct TextExtractor: SlotExtractor {
    var foundIncidentally: Bool { false }

    func value(at start: Int, in words: [String], context: ExtractionContext) -> (value: String, length: Int)? {
        guard start < words.count else { return nil }
        return (words[start...].joined(separator: " "), words.count - start)
    }

    func value(of tokens: ArraySlice<Token>, context: ExtractionContext) -> String? {
        tokens.isEmpty ? nil : tokens.map(\.surface).joined(separator: " ")
    }

    func find(in tokens: [Token], skipping used: [Bool], context: ExtractionContext) -> SlotCapture? {
        guard context.mode == .expected, !tokens.isEmpty else { return nil }
        return SlotCapture(value: tokens.map(\.surface).joined(separator: " "), range: 0..<tokens.count)
    }
}
