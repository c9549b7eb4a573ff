/// States and intents: what the conversation does.
extension ScriptLoader {
    mutating func state(_ name: String, keyYAML: ScriptYAML, _ yaml: ScriptYAML) throws(ScriptError) -> StateDefinition {
        guard !yaml.isNull else {
            throw keyYAML.error("state \"\(name)\" is empty (give it say, intents, collect or end)")
        }
        let entry = try yaml.mapping("state \"\(name)\"", allowed: Self.stateKeys)
        let transfer = try entry["transfer"].map { yaml throws(ScriptError) in try transferDestination(yaml, state: name) }
        let endYAML = entry["end"]
        let isEnd = try endYAML?.bool("end") ?? (transfer != nil)
        if transfer != nil, !isEnd, let endYAML {
            throw endYAML.error("state \"\(name)\" transfers the call, so it is an end state: leave out \"end: false\"")
        }
        if isEnd {
            let what = transfer == nil ? "end state" : "transfer state"
            for key in ["intents", "collect", "next"] {
                if let value = entry[key] { throw value.error("\(what) \"\(name)\" cannot have \"\(key)\": the call is over there") }
            }
        }
        var collect: [SlotRequest] = []
        for item in try entry["collect"]?.list("collect") ?? [] {
            let request = try item.mapping("an entry of \"collect\"", allowed: Self.requestKeys)
            collect.append(SlotRequest(slot: try slotReference(try request.required("slot"), "slot"),
                                       ask: try template(try request.required("ask"), "ask")))
        }
        let next = try entry["next"].map { yaml throws(ScriptError) in try stateReference(yaml, "next") }
        if let collectYAML = entry["collect"], next == nil {
            throw collectYAML.error("state \"\(name)\" collects slots but has no \"next\" state to go to once they are filled")
        }
        if let nextYAML = entry["next"], collect.isEmpty {
            throw nextYAML.error("\"next\" needs \"collect\": it is where state \"\(name)\" goes once its slots are filled")
        }
        return StateDefinition(
            name: name,
            say: try entry["say"].map { yaml throws(ScriptError) in try template(yaml, "say") },
            intents: try entry["intents"].map { yaml throws(ScriptError) in try intentList(yaml) } ?? [],
            collect: collect, next: next,
            fallback: try entry["fallback"].map { yaml throws(ScriptError) in try template(yaml, "fallback") },
            isEnd: isEnd, transfer: transfer)
    }

    /// `transfer:`, a phone number or SIP URI checked here so that a typo fails at load.
    private func transferDestination(_ yaml: ScriptYAML, state: String) throws(ScriptError) -> TransferDestination {
        let text = try yaml.string("transfer")
        guard let destination = TransferDestination(text) else {
            throw yaml.error("\"transfer\" \"\(text)\" of state \"\(state)\" is not \(TransferDestination.expected)")
        }
        return destination
    }

    mutating func intentList(_ yaml: ScriptYAML) throws(ScriptError) -> [IntentDefinition] {
        var intents: [IntentDefinition] = []
        for item in try yaml.list("intents") { intents.append(try intent(item)) }
        return intents
    }

    private mutating func intent(_ yaml: ScriptYAML) throws(ScriptError) -> IntentDefinition {
        let entry = try yaml.mapping("intent", allowed: Self.intentKeys)
        let name = try entry.required("name").string("name")
        var examples: [PhrasePattern] = []
        for (text, item) in try entry.strings("examples") { examples.append(try pattern(text, item, "examples")) }
        var keywords: [[String]] = []
        var keywordTokens: [[Token]] = []
        for (text, item) in try entry.strings("keywords") {
            let tokens = Utterance(text).tokens
            guard !tokens.isEmpty else { throw item.error("empty keyword in intent \"\(name)\"") }
            keywords.append(tokens.map(\.matchKey))
            keywordTokens.append(tokens)
        }
        let regex = try entry["regex"].map { yaml throws(ScriptError) in try compiledRegex(yaml) }
        let condition = try slotCondition(entry, intent: name)
        guard !examples.isEmpty || !keywords.isEmpty || regex != nil || condition != nil else {
            throw yaml.error("intent \"\(name)\" has nothing to match (give it examples, keywords, regex or slot)")
        }
        var clear: [String] = []
        for (_, item) in try entry.strings("clear") { clear.append(try slotReference(item, "clear")) }
        return IntentDefinition(
            name: name, examples: examples, keywords: keywords, regex: regex, condition: condition,
            reply: try entry["reply"].map { yaml throws(ScriptError) in try template(yaml, "reply") },
            goto: try entry["goto"].map { yaml throws(ScriptError) in try stateReference(yaml, "goto") },
            clear: clear, label: try entry.string("label"), keywordTokens: keywordTokens)
    }

    private func compiledRegex(_ yaml: ScriptYAML) throws(ScriptError) -> ScriptRegex {
        let pattern = try yaml.string("regex")
        let regex: ScriptRegex
        do {
            regex = try ScriptRegex(pattern)
        } catch {
            throw yaml.error("invalid regex \"\(pattern)\": \(error)")
        }
        for group in regex.groupNames where slots[group] == nil {
            throw yaml.error("regex group \"\(group)\" names an undeclared slot (\(declaredSlots))")
        }
        return regex
    }

    /// `slot:` and `value:`; the value must be one the slot can hold, in its canonical form.
    private func slotCondition(_ entry: ScriptYAMLMapping, intent: String) throws(ScriptError) -> SlotCondition? {
        guard let slotYAML = entry["slot"] else {
            if let valueYAML = entry["value"] { throw valueYAML.error("\"value\" needs \"slot\": the slot whose value intent \"\(intent)\" checks") }
            return nil
        }
        let slot = try slotReference(slotYAML, "slot")
        guard let valueYAML = entry["value"] else { return SlotCondition(slot: slot, value: nil) }
        let text = try valueYAML.string("value")
        let definition = slots[slot]!
        let canonical: String? = switch definition.type {
        case .yesno: ["yes", "no"].contains(text.lowercased()) ? text.lowercased() : nil
        case .name: definition.values.first { $0.lowercased() == text.lowercased() }
        case .number: NumberWords.digits(text).map(String.init)
        case .date: CalendarDay(iso: text)?.iso
        case .time: TimeExtractor.minutes(of: text).map(TimeExtractor.canonical)
        case .text: text
        }
        guard let canonical else {
            let expected = switch definition.type {
            case .yesno: "yes or no"
            case .name: "one of " + definition.values.joined(separator: ", ")
            case .number: "digits"
            case .date: "a date as YYYY-MM-DD"
            case .time: "a 24-hour time as HH:MM"
            case .text: "text"
            }
            throw valueYAML.error("\"value\" \"\(text)\" is not a value of slot \"\(slot)\" (expected \(expected))")
        }
        return SlotCondition(slot: slot, value: canonical)
    }
}
