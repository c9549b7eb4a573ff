import SwitchboardCore

/// What the dialogue waits for next, from `llm-stream`'s `listen` event:
///
///     {"type":"listen","turn":3,"state":"confirm","grammar":"state_confirm",
///      "expect":{"slots":[{"name":"confirm","type":"yesno"}],"intents":["goodbye"]}}
///
/// `grammar` names the rule of the script's JSGF grammar for that state (pocketsphinx
/// recognizes the next utterance with it); `expect` lists the slots the state collects (with
/// their type, and the values of a `name` slot) and the intents it answers, which is how
/// engines in competition tell the answer that makes sense.
public struct ListenContext: Sendable, Equatable {
    public struct Slot: Sendable, Equatable {
        public var name: String
        /// `number`, `date`, `time`, `yesno`, `name`, `text`.
        public var type: String
        /// The names a `name` slot knows (empty for other types).
        public var values: [String]

        public init(name: String, type: String, values: [String] = []) {
            self.name = name
            self.type = type
            self.values = values
        }
    }

    public var state: String?
    public var grammar: String?
    public var slots: [Slot]
    public var intents: [String]

    public init(state: String? = nil, grammar: String? = nil, slots: [Slot] = [], intents: [String] = []) {
        self.state = state
        self.grammar = grammar
        self.slots = slots
        self.intents = intents
    }

    /// Reads a `listen` event; fields that are missing or of the wrong type are left empty.
    public init(event: Event) {
        state = event["state"]?.string
        grammar = event["grammar"]?.string
        let expect = event["expect"]?.object
        slots = (expect?["slots"]?.array ?? []).compactMap { item in
            guard let slot = item.object, let name = slot["name"]?.string else { return nil }
            return Slot(name: name, type: slot["type"]?.string ?? "text", values: (slot["values"]?.array ?? []).compactMap(\.string))
        }
        intents = (expect?["intents"]?.array ?? []).compactMap(\.string)
    }

    /// The event `llm-stream` sends.
    public func event(turn: Int?) -> Event {
        var fields: JSONObject = [:]
        if let turn { fields["turn"] = .int(turn) }
        if let state { fields["state"] = .string(state) }
        if let grammar { fields["grammar"] = .string(grammar) }
        let slotObjects: [JSON] = slots.map { slot in
            var object: JSONObject = ["name": .string(slot.name), "type": .string(slot.type)]
            if !slot.values.isEmpty { object["values"] = .array(slot.values.map(JSON.string)) }
            return .object(object)
        }
        fields["expect"] = .object(["slots": .array(slotObjects), "intents": .array(intents.map(JSON.string))])
        return Event("listen", fields)
    }
}
