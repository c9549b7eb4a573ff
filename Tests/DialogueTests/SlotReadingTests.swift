import Testing
import Dialogue

/// `SlotReading.reads`: whether a transcript answers a slot, as stt-stream asks when engines
/// compete for the final.
@Suite struct SlotReadingTests {
    static let names = ["Asha", "Ravi", "Mei Ling"]

    @Test(arguments: [
        ("yes", "yesno", true), ("yeah sure", "yesno", true), ("that's right", "yesno", true), ("no thanks", "yesno", true),
        ("the weather is nice", "yesno", false),
        ("tomorrow", "date", true), ("on the fifth of march", "date", true), ("next tuesday", "date", true), ("yes please", "date", false),
        ("at half past ten", "time", true), ("ten thirty", "time", true), ("noon", "time", true), ("maybe", "time", false),
        ("twenty five", "number", true), ("42", "number", true), ("several", "number", false),
        ("my name is asha", "name", true), ("it's Mei Ling.", "name", true), ("my name is ash", "name", true), ("ravioli", "name", false),
        ("anything at all", "text", true), ("", "text", false), ("   ", "yesno", false),
        ("yes", "colour", false),
    ])
    func readsTheSlotType(text: String, type: String, expected: Bool) {
        #expect(SlotReading.reads(text, type: type, values: Self.names) == expected)
    }

    @Test func aNameSlotKnowsOnlyItsValues() {
        #expect(SlotReading.reads("this is tom", type: "name", values: ["Tom"]))
        #expect(!SlotReading.reads("tom", type: "name", values: []), "an unknown word alone is not a name here")
    }
}
