/// What an outside understander — an LLM asked with a JSON schema — made of one caller
/// utterance: the intent it picked and the slot values it read, as it wrote them.
///
/// The script stays in charge: `DialogueScript.respond(to:in:today:understood:)` checks every
/// part against the state (an intent the state does not have, a value its slot type cannot
/// read, are ignored) and then picks the reply exactly as for its own matcher's result.
public struct Understanding: Sendable, Equatable {
    /// An intent of the state's `UnderstandingChoices`, or nil for "none of them".
    public var intent: String?
    /// Slot name → value, ideally canonical (`2026-12-04`, `10:30`, `yes`, `Meera Iyer`); any
    /// phrasing the slot's type reads ("friday", "half past ten") is accepted too.
    public var slots: [String: String]

    public init(intent: String?, slots: [String: String] = [:]) {
        self.intent = intent
        self.slots = slots
    }
}

/// What may be understood in a state: the menu an understander chooses from, from which the
/// stage builds its JSON schema and prompt.
public struct UnderstandingChoices: Sendable, Equatable {
    public struct Intent: Sendable, Equatable {
        public var name: String
        /// The script's example phrases, `{slot}` placeholders as written.
        public var examples: [String]
    }

    public struct Slot: Sendable, Equatable {
        public var name: String
        /// `number`, `date`, `time`, `yesno`, `name`, `text`.
        public var type: String
        /// The names a `name` slot knows (they rank, they do not limit); empty otherwise.
        public var values: [String]
        /// The value already held: the caller may be correcting it.
        public var current: String?
        /// How a value should be written, for the schema's descriptions.
        public var format: String
    }

    /// The state the utterance is answered in.
    public var state: String
    /// The slot whose question was just asked, if any.
    public var asked: String?
    /// The state's own intents, then the script's global ones.
    public var intents: [Intent]
    /// Slots the utterance may fill: the state's collected and tested ones, those its intents
    /// go on to collect ("i need an appointment tomorrow at ten" in the welcome state), then
    /// any already filled (a correction).
    public var slots: [Slot]
}

extension DialogueScript {
    /// The intents and slots an utterance can be understood as in `state` (see `expectation(in:)`
    /// for the recogniser's view of the same state).
    public func understandingChoices(in state: DialogueState) -> UnderstandingChoices {
        let (current, filled) = definition.listeningState(for: state)
        var intents: [UnderstandingChoices.Intent] = []
        for intent in current.intents + definition.intents where !intents.contains(where: { $0.name == intent.name }) {
            intents.append(.init(name: intent.name, examples: intent.examples.map(\.source)))
        }
        let slots = definition.understandableSlots(in: current, filled: filled)
        return UnderstandingChoices(
            state: current.name, asked: current.firstMissing(in: filled)?.slot, intents: intents,
            slots: slots.map {
                .init(name: $0.name, type: $0.type.rawValue, values: $0.type == .name ? $0.values : [],
                      current: filled[$0.name], format: $0.type.valueFormat)
            })
    }
}

extension SlotType {
    /// How an understander should write a value of this type.
    var valueFormat: String {
        switch self {
        case .number: "a whole number in digits, e.g. 3"
        case .date: "the day as YYYY-MM-DD"
        case .time: "24-hour HH:MM, e.g. 10:30 or 16:00"
        case .yesno: "yes or no"
        case .name: "the caller's name as they said it, capitalised"
        case .text: "the caller's words"
        }
    }
}

extension ScriptDefinition {
    /// See `UnderstandingChoices.slots`.
    func understandableSlots(in state: StateDefinition, filled: [String: String]) -> [SlotDefinition] {
        var slots = answerableSlots(in: state)
        let ahead = Set((state.intents + intents).flatMap(\.profile.leadsTo))
        for slot in slotList where (ahead.contains(slot.name) || filled[slot.name] != nil) && !slots.contains(where: { $0.name == slot.name }) {
            slots.append(slot)
        }
        return slots
    }
}
