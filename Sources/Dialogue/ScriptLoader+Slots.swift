/// Slots: the values a conversation collects.
extension ScriptLoader {
    mutating func slot(_ name: String, keyYAML: ScriptYAML, _ yaml: ScriptYAML) throws(ScriptError) -> SlotDefinition {
        guard ReplyTemplate.isSlotName(name) else {
            throw keyYAML.error("slot name \"\(name)\" must be letters, digits, _ or -, starting with a letter")
        }
        // `date: date` is short for `date: {type: date}`.
        let typeYAML: ScriptYAML
        let entry: ScriptYAMLMapping?
        if yaml.node.scalar != nil, !yaml.isNull {
            (typeYAML, entry) = (yaml, nil)
        } else {
            let mapping = try yaml.mapping("slot \"\(name)\"", allowed: Self.slotKeys)
            (typeYAML, entry) = (try mapping.required("type"), mapping)
        }
        let typeName = try typeYAML.string("type")
        guard let type = SlotType(rawValue: typeName) else {
            throw typeYAML.error("unknown slot type \"\(typeName)\" (expected \(SlotType.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        var values: [String] = []
        if let valuesYAML = entry?["values"] {
            guard type == .name else { throw valuesYAML.error("\"values\" only applies to slots of type name, not \(type.rawValue)") }
            values = try valuesYAML.strings("values").map(\.text)
            for (text, item) in try valuesYAML.strings("values") where Utterance(text).isEmpty {
                throw item.error("empty name \"\(text)\" in \"values\" of slot \"\(name)\"")
            }
        }
        if type == .name && values.isEmpty {
            throw (entry?.yaml ?? yaml).error("slot \"\(name)\" of type name needs \"values\", the list of names a caller may give")
        }
        var answers: [PhrasePattern] = []
        for (text, item) in try entry?.strings("answers") ?? [] {
            let pattern = PhrasePattern(text)
            guard !pattern.elements.isEmpty else { throw item.error("empty phrase in \"answers\" of slot \"\(name)\"") }
            answers.append(pattern)
            answerReferences.append((name, pattern, item))
        }
        if entry?.has("answers") != true {
            answers = SlotDefinition.defaultAnswers(slot: name, type: type).map(PhrasePattern.init)
        }
        return SlotDefinition(name: name, type: type, values: values, answers: answers)
    }
}
