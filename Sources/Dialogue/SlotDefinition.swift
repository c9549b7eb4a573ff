/// The kinds of value a slot can hold; each has its extractor.
enum SlotType: String, Sendable, CaseIterable {
    case number, date, time, yesno, name, text

    /// The order slots are looked for in one utterance, most specific first, so that "the 5th at
    /// ten" gives its "5th" to the date and its "ten" to the time, never both to a number.
    var precedence: Int {
        switch self {
        case .date: 0
        case .time: 1
        case .name: 2
        case .yesno: 3
        case .number: 4
        case .text: 5
        }
    }
}

/// A slot declared under `slots:`: a named value the conversation collects.
struct SlotDefinition: Sendable {
    var name: String
    var type: SlotType
    /// The listed values of a `name` slot.
    var values: [String]
    /// Phrases a caller answers with when asked for this slot ("my name is {name}"); used as
    /// exact patterns when collecting and written into the recognition grammar.
    var answers: [PhrasePattern]
    var extractor: any SlotExtractor

    init(name: String, type: SlotType, values: [String] = [], answers: [PhrasePattern]) {
        self.name = name
        self.type = type
        self.values = values
        self.answers = answers
        extractor = switch type {
        case .number: NumberExtractor()
        case .date: DateExtractor()
        case .time: TimeExtractor()
        case .yesno: YesNoExtractor()
        case .name: NameExtractor(values: values)
        case .text: TextExtractor()
        }
    }

    /// The answers a slot has when the script gives none: the bare value, and for names and
    /// yes/no the usual ways of saying them.
    static func defaultAnswers(slot: String, type: SlotType) -> [String] {
        let value = "{\(slot)}"
        return switch type {
        case .name: [value, "my name is \(value)", "it's \(value)", "this is \(value)", "i'm \(value)"]
        case .yesno: [value, "\(value) please", "\(value) thanks", "\(value) thank you"]
        case .number, .date, .time, .text: [value]
        }
    }
}
