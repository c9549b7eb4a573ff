/// Corrections: a slot already held, said again with a different value, at any step — "no, I
/// said Friday", "make it four instead", "Rohan, not Rohit".
///
/// A self-evident value ("Friday", "at four") is a correction anywhere. A bare one ("four")
/// only after a word that announces a change (`cues`), and then read as when asked for. A
/// value the caller rejects in the same breath ("not Thursday", "Rohit nahi") is skipped for
/// the other one.
extension SlotCollector {
    static let cues: Set<String> = ["instead", "actually", "change", "make", "said", "rather", "switch", "move",
                                    "correction", "mean", "meant", "wait", "sorry", "bola", "kar", "karo", "not", "nahi", "no"]

    func corrections(of held: [String: String], from utterance: Utterance, used: inout [Bool]) -> [String: String] {
        guard !held.isEmpty, !utterance.isEmpty else { return [:] }
        let announced = utterance.words.contains { Self.cues.contains($0) }
        var values: [String: String] = [:]
        let ordered = held.keys.compactMap { slots[$0] }.sorted { ($0.type.precedence, $0.name) < ($1.type.precedence, $1.name) }
        for slot in ordered where slot.type != .text && slot.type != .yesno {
            var modes: [ExtractionMode] = [.incidental]
            if announced { modes.append(.expected) }
            for mode in modes {
                guard let capture = accepted(slot, mode: mode, in: utterance, used: used) else { continue }
                for index in capture.range { used[index] = true }
                if capture.value != held[slot.name] { values[slot.name] = capture.value }
                break
            }
        }
        return values
    }

    /// The value of the slot the caller settles on: the first one not rejected ("not Wednesday,
    /// make that Thursday", "Friday nahi, Thursday" give Thursday), or the last one when a word
    /// announcing a change follows the first ("wednesday no thursday actually", "eleven no
    /// wait, half eleven"). Yes/no and free text are read by their own rules.
    func accepted(_ slot: SlotDefinition, mode: ExtractionMode, in utterance: Utterance, used: [Bool]) -> SlotCapture? {
        let context = ExtractionContext(today: today, mode: mode)
        guard slot.type != .yesno, slot.type != .text else {
            return slot.extractor.find(in: utterance.tokens, skipping: used, context: context)
        }
        let words = utterance.words
        var seen = used
        var kept: [SlotCapture] = []
        while let capture = slot.extractor.find(in: utterance.tokens, skipping: seen, context: context) {
            for index in capture.range { seen[index] = true }
            let before = words[safe: capture.range.lowerBound - 1]
            let after = words[safe: capture.range.upperBound]
            if before == "not" || after == "nahi" || after == "nahin" { continue }
            kept.append(capture)
        }
        guard let first = kept.first, let last = kept.last else { return nil }
        let changed = words[first.range.upperBound...].contains { Self.cues.contains($0) && $0 != "not" }
        return changed && last.range.lowerBound > first.range.lowerBound ? last : first
    }
}
