/// Reads the slots a state collects out of one utterance, in any order and several at once
/// ("tomorrow at ten" fills a date and a time).
///
/// The slot just asked for (`pending`) is read as expected: first against its `answers` phrases,
/// then by type, so a bare "ten" is its time and a lone "yes" its answer. The others are read
/// incidentally, only where the words make them self-evident. Types go most specific first and a
/// word serves one slot only, so the "5th" in "the 5th at ten" is a date and not also a number.
struct SlotCollector {
    let slots: [String: SlotDefinition]
    let today: CalendarDay

    /// Values for the named slots; `used` marks words already taken, and is updated.
    func collect(_ names: [String], pending: String?, from utterance: Utterance, used: inout [Bool]) -> [String: String] {
        guard !utterance.isEmpty else { return [:] }
        if let pending, let slot = slots[pending], !used.contains(true) {
            for answer in slot.answers {
                if let values = answer.match(utterance, slots: slots, today: today) {
                    used = [Bool](repeating: true, count: utterance.count)
                    return values
                }
            }
        }
        var values: [String: String] = [:]
        let ordered = names.compactMap { slots[$0] }.enumerated()
            .sorted { ($0.element.type.precedence, $0.offset) < ($1.element.type.precedence, $1.offset) }
            .map(\.element)
        for slot in ordered {
            let mode: ExtractionMode = slot.name == pending ? .expected : .incidental
            guard let capture = slot.settledValue(in: utterance, context: ExtractionContext(today: today, mode: mode), used: used) else { continue }
            values[slot.name] = capture.value
            for index in capture.range { used[index] = true }
        }
        // Answering ahead: "friday, and let's say eleven" to "which day?" gives the time too,
        // read as if asked, from what the asked slot's answer left.
        if let pending, values[pending] != nil, let index = names.firstIndex(of: pending),
           let next = names[(index + 1)...].first(where: { values[$0] == nil }), let slot = slots[next],
           slot.type == .time || slot.type == .date,
           let capture = slot.settledValue(in: utterance, context: ExtractionContext(today: today, mode: .expected), used: used) {
            values[next] = capture.value
            for index in capture.range { used[index] = true }
        }
        return values
    }

    /// Slots not yet held that have a self-evident value in the utterance.
    func evidence(in utterance: Utterance, besides held: [String: String]) -> Set<String> {
        let unused = [Bool](repeating: false, count: utterance.count)
        let context = ExtractionContext(today: today, mode: .incidental)
        return Set(slots.values.filter { held[$0.name] == nil && $0.extractor.find(in: utterance.tokens, skipping: unused, context: context) != nil }.map(\.name))
    }
}
