import Yams

/// Reads a script's YAML into a `ScriptDefinition`, checking everything a call would otherwise
/// trip over later: unknown keys, wrong value types, slot types, names of states and slots that
/// do not exist, regexes that do not compile. Every error points at the offending node.
struct ScriptLoader {
    static let topKeys = ["rate", "greeting", "fallback", "clarify", "start", "slots", "intents", "states"]
    static let slotKeys = ["type", "values", "answers"]
    static let stateKeys = ["say", "intents", "collect", "next", "fallback", "end", "transfer"]
    static let intentKeys = ["name", "label", "examples", "keywords", "regex", "slot", "value", "reply", "goto", "clear"]
    static let requestKeys = ["slot", "ask"]

    let file: String
    var slots: [String: SlotDefinition] = [:]
    var slotList: [SlotDefinition] = []
    /// Every `goto`, `next` and `start`, checked once all states are known.
    var stateReferences: [(name: String, key: String, yaml: ScriptYAML)] = []
    /// Slot answers, checked once all slots are declared since they may mention any slot.
    var answerReferences: [(slot: String, pattern: PhrasePattern, yaml: ScriptYAML)] = []

    static func load(yaml text: String, file: String) throws(ScriptError) -> ScriptDefinition {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ScriptError(yaml: error, file: file, text: text)
        }
        guard let root, root.null == nil else { throw ScriptError(file: file, message: "the script is empty") }
        var loader = ScriptLoader(file: file)
        return try loader.script(ScriptYAML(node: root, file: file))
    }

    private init(file: String) { self.file = file }

    private mutating func script(_ yaml: ScriptYAML) throws(ScriptError) -> ScriptDefinition {
        let top = try yaml.mapping("the script", allowed: Self.topKeys)
        if let slotsYAML = top["slots"] {
            for (name, keyYAML, value) in try slotsYAML.namedEntries("slots") {
                let slot = try slot(name, keyYAML: keyYAML, value)
                slots[name] = slot
                slotList.append(slot)
            }
        }
        for (slot, pattern, yaml) in answerReferences {
            for name in pattern.slotNames where slots[name] == nil {
                throw yaml.error("undeclared slot \"{\(name)}\" in \"answers\" of slot \"\(slot)\" (\(declaredSlots))")
            }
        }

        var rate: Double?
        if let rateYAML = top["rate"] {
            rate = try rateYAML.number("rate")
            guard rate! > 0 else { throw rateYAML.error("\"rate\" must be a positive number of words per second") }
        }
        let startYAML = try top.required("start")
        let start = try startYAML.string("start")
        stateReferences.append((start, "start", startYAML))

        var intents = try top["intents"].map { yaml throws(ScriptError) in try intentList(yaml) } ?? []

        let statesYAML = try top.required("states")
        var stateList: [StateDefinition] = []
        for (name, keyYAML, value) in try statesYAML.namedEntries("states") {
            stateList.append(try state(name, keyYAML: keyYAML, value))
        }
        guard !stateList.isEmpty else { throw statesYAML.error("\"states\" must name at least one state") }
        let vocabulary = IntentProfile.build(global: &intents, states: &stateList)
        let states = Dictionary(stateList.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for reference in stateReferences where states[reference.name] == nil {
            throw reference.yaml.error("\"\(reference.key)\" names an undefined state \"\(reference.name)\" (states: \(stateList.map(\.name).joined(separator: ", ")))")
        }

        return ScriptDefinition(
            file: file, rate: rate,
            greeting: try top["greeting"].map { yaml throws(ScriptError) in try template(yaml, "greeting") },
            fallback: try top["fallback"].map { yaml throws(ScriptError) in try template(yaml, "fallback") }
                ?? ReplyTemplate(ScriptDefinition.defaultFallback),
            start: start, slotList: slotList, slots: slots, intents: intents, stateList: stateList, states: states,
            vocabulary: vocabulary, clarify: try clarifyQuestion(top["clarify"]))
    }

    /// `clarify:`, which must say where the competing intents go.
    private func clarifyQuestion(_ yaml: ScriptYAML?) throws(ScriptError) -> String {
        guard let yaml else { return ScriptDefinition.defaultClarify }
        let text = try yaml.string("clarify")
        guard text.contains("{options}") else {
            throw yaml.error("\"clarify\" must contain {options}, where the competing intents are named (\"Sorry, did you want to {options}?\")")
        }
        return text
    }

    var declaredSlots: String {
        slotList.isEmpty ? "no slots are declared" : "declared: " + slotList.map(\.name).joined(separator: ", ")
    }

    /// A slot name used by a key such as `clear` or `slot`: it must be declared.
    func slotReference(_ yaml: ScriptYAML, _ key: String) throws(ScriptError) -> String {
        let name = try yaml.string(key)
        guard slots[name] != nil else { throw yaml.error("\"\(key)\" names an undeclared slot \"\(name)\" (\(declaredSlots))") }
        return name
    }

    // MARK: Text

    /// A reply; its placeholders must name declared slots.
    func template(_ yaml: ScriptYAML, _ key: String) throws(ScriptError) -> ReplyTemplate {
        let template = ReplyTemplate(try yaml.string(key))
        for name in template.slotNames where slots[name] == nil {
            throw yaml.error("undeclared slot \"{\(name)}\" in \"\(key)\" (\(declaredSlots))")
        }
        return template
    }

    /// An example phrase; its placeholders must name declared slots.
    func pattern(_ text: String, _ yaml: ScriptYAML, _ key: String) throws(ScriptError) -> PhrasePattern {
        let pattern = PhrasePattern(text)
        guard !pattern.elements.isEmpty else { throw yaml.error("empty phrase in \"\(key)\"") }
        for name in pattern.slotNames where slots[name] == nil {
            throw yaml.error("undeclared slot \"{\(name)}\" in \"\(key)\" (\(declaredSlots))")
        }
        return pattern
    }

    mutating func stateReference(_ yaml: ScriptYAML, _ key: String) throws(ScriptError) -> String {
        let name = try yaml.string(key)
        stateReferences.append((name, key, yaml))
        return name
    }
}
