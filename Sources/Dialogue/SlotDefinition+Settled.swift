extension SlotDefinition {
    /// The value of the slot the caller settles on: the first one not rejected ("not Wednesday,
    /// make that Thursday", "Friday nahi, Thursday" give Thursday), or the last one when a word
    /// announcing a change or a conclusion follows the first (`settlers`: "wednesday no
    /// thursday actually", "eleven no wait, half eleven"). Yes/no and free text are read by their own rules.
    func settledValue(in utterance: Utterance, context: ExtractionContext, used: [Bool]) -> SlotCapture? {
        guard type != .yesno, type != .text else {
            return extractor.find(in: utterance.tokens, skipping: used, context: context)
        }
        let words = utterance.words
        var seen = used
        var kept: [SlotCapture] = []
        while let capture = extractor.find(in: utterance.tokens, skipping: seen, context: context) {
            for index in capture.range { seen[index] = true }
            let before = words[safe: capture.range.lowerBound - 1]
            let after = words[safe: capture.range.upperBound]
            if before.map(ChangeWords.rejectingBefore.contains) == true || after.map(ChangeWords.rejectingAfter.contains) == true { continue }
            kept.append(capture)
        }
        guard let first = kept.first, let last = kept.last else { return nil }
        let changed = words[first.range.upperBound...].contains { ChangeWords.settlers.contains($0) }
        return changed && last.range.lowerBound > first.range.lowerBound ? last : first
    }
}
