/// Whether a transcript answers a slot, read with the script's own extractors: how engines in
/// competition tell the answer that makes sense ("the final that reads as the expected slot
/// wins"), from the slot type and values a `listen` event carries.
public enum SlotReading {
    /// Relative dates resolve against some day; which one does not change whether text is a date.
    private static let anyDay = CalendarDay(year: 2026, month: 1, day: 1)

    /// True when `text` holds a value of slot type `type` (`number`, `date`, `time`, `yesno`,
    /// `name` among `values` or after "my name is", `text`), read as the answer to its question would be: a bare
    /// "ten" is a number and a time, "yeah sure" a yes, "it's asha" the name Asha. Free text is
    /// any word at all; an unknown type reads nothing.
    public static func reads(_ text: String, type: String, values: [String]) -> Bool {
        guard let slotType = SlotType(rawValue: type) else { return false }
        let tokens = Utterance(text).tokens
        guard !tokens.isEmpty else { return false }
        let slot = SlotDefinition(name: "slot", type: slotType, values: values, answers: [])
        // A name reads only from the list here: any unknown word could be a name, which would
        // tell no transcript apart.
        let context = ExtractionContext(today: anyDay, mode: slotType == .name ? .incidental : .expected)
        return slot.extractor.find(in: tokens, skipping: [Bool](repeating: false, count: tokens.count), context: context) != nil
    }
}
