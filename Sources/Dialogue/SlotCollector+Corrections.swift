/// Corrections: a slot already held, said again with a different value, at any step — "no, I
/// said Friday", "make it four instead", "Rohan, not Rohit".
///
/// A self-evident value ("Friday", "at four") is a correction anywhere. A bare one ("four")
/// only after a word that announces a change (`ChangeWords`), and then read as when asked for. A
/// value the caller rejects in the same breath ("not Thursday", "Rohit nahi") is skipped for
/// the other one.
extension SlotCollector {
    func corrections(of held: [String: String], from utterance: Utterance, used: inout [Bool]) -> [String: String] {
        guard !held.isEmpty, !utterance.isEmpty else { return [:] }
        let announced = utterance.words.contains { ChangeWords.cues.contains($0) }
        var values: [String: String] = [:]
        let ordered = held.keys.compactMap { slots[$0] }.sorted { ($0.type.precedence, $0.name) < ($1.type.precedence, $1.name) }
        for slot in ordered where slot.type != .text && slot.type != .yesno {
            var modes: [ExtractionMode] = [.incidental]
            // A bare value ("make it four") counts just after the word announcing it; a name
            // only when introduced ("it's Juan"), never as any first words.
            if announced { modes.append(.expected) }
            for mode in modes {
                guard let capture = slot.settledValue(in: utterance, context: ExtractionContext(today: today, mode: mode), used: used),
                      mode == .incidental || Self.follows(capture, cueIn: utterance.words, name: slot.type == .name)
                else { continue }
                for index in capture.range { used[index] = true }
                if capture.value != held[slot.name] { values[slot.name] = capture.value }
                break
            }
        }
        return values
    }

    /// Whether a cue stands at most three words before the capture; for a name, a word that
    /// introduces one ("it's Juan", "the name is").
    private static func follows(_ capture: SlotCapture, cueIn words: [String], name: Bool) -> Bool {
        let before = words[max(0, capture.range.lowerBound - 3)..<capture.range.lowerBound]
        if name { return capture.range.lowerBound > 0 && nameIntroductions.contains(words[capture.range.lowerBound - 1]) }
        return before.contains { ChangeWords.cues.contains($0) || ChangeWords.settlers.contains($0) }
    }

    private static let nameIntroductions: Set<String> = ["its", "is", "im", "am", "name", "names", "naam", "me", "myself", "hai"]
}
