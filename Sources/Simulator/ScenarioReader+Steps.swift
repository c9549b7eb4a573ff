/// The `steps:` list: one action per item, written as a one-key mapping (`- pause: 0.8`).
extension ScenarioReader {
    static let actions = ["wait_for_agent", "say", "pause", "barge_in", "backchannel", "dtmf", "hang_up"]
    static let keypad = Set("0123456789*#")

    func steps(_ yaml: ScenarioNode) throws(ScenarioError) -> [ScenarioStep] {
        let items = try yaml.list()
        guard !items.isEmpty else { throw yaml.error("\"steps\" is empty: a scenario needs at least one step") }
        var steps: [ScenarioStep] = []
        for item in items {
            if let last = steps.last, last.action == .hangUp {
                throw item.error("\"\(item.path)\" comes after hang_up: nothing can happen once the caller has hung up")
            }
            steps.append(try step(item))
        }
        return steps
    }

    /// An item of a list of one-key mappings (steps, expectations): its only entry.
    func soleEntry(_ item: ScenarioNode, _ what: String, allowed: [String]) throws(ScenarioError) -> ScenarioMapping.Entry {
        guard item.node.mapping != nil else {
            throw item.error("\(item.path) must be a mapping with one \(what) (\(allowed.joined(separator: ", "))), not \(item.kind)")
        }
        let mapping = try item.mapping(item.path, allowed: allowed)
        guard mapping.entries.count == 1, let entry = mapping.entries.first else {
            let names = mapping.entries.map(\.name).joined(separator: ", ")
            throw item.error("\(item.path) must hold exactly one \(what), not \(mapping.entries.isEmpty ? "none" : names): write each as its own \"- \" item")
        }
        guard !entry.value.isNull else { throw entry.value.error("\"\(entry.value.path)\" has no value") }
        return entry
    }

    func step(_ item: ScenarioNode) throws(ScenarioError) -> ScenarioStep {
        let entry = try soleEntry(item, "action", allowed: Self.actions)
        let value = entry.value
        let action: ScenarioAction
        switch entry.name {
        case "wait_for_agent":
            action = .waitForAgent(timeout: try waitTimeout(value))
        case "say":
            action = .say(try utterance(value))
        case "pause":
            action = .pause(seconds: try value.number(in: 0.02...600, unit: "seconds"))
        case "barge_in":
            action = .bargeIn(try cue(value))
        case "backchannel":
            action = .backchannel(try cue(value))
        case "dtmf":
            action = .dtmf(try digits(value))
        default:  // hang_up: the list of actions above is exhaustive
            try value.yes()
            action = .hangUp
        }
        return ScenarioStep(action, line: (item.node.mark?.line ?? 0))
    }

    /// `true` for the default timeout, or `{timeout_s: N}`.
    func waitTimeout(_ yaml: ScenarioNode) throws(ScenarioError) -> Double {
        if yaml.node.scalar != nil {
            try yaml.yes()
            return ScenarioCue.defaultTimeout
        }
        let mapping = try yaml.mapping("\"\(yaml.path)\"", allowed: ["timeout_s"])
        return try mapping["timeout_s"]?.number(in: 0.1...600, unit: "seconds") ?? ScenarioCue.defaultTimeout
    }

    /// `"text"`, `{text: "text"}` or `{file: caller.wav}`.
    func utterance(_ yaml: ScenarioNode) throws(ScenarioError) -> ScenarioUtterance {
        if yaml.node.scalar != nil { return .text(try yaml.text()) }
        let mapping = try yaml.mapping("\"\(yaml.path)\"", allowed: ["text", "file"])
        switch (mapping["text"], mapping["file"]) {
        case let (text?, nil): return .text(try text.text())
        case let (nil, file?): return .file(try soundFile(file))
        case (.some, .some): throw yaml.error("\"\(yaml.path)\" has both \"text\" and \"file\": write one")
        case (nil, nil): throw yaml.error("\"\(yaml.path)\" needs \"text\" or \"file\"")
        }
    }

    /// `{after_ms: N, say: …, timeout_s: N}` for barge-ins and backchannels.
    func cue(_ yaml: ScenarioNode) throws(ScenarioError) -> ScenarioCue {
        let mapping = try yaml.mapping("\"\(yaml.path)\"", allowed: ["after_ms", "say", "timeout_s"])
        return ScenarioCue(
            afterMilliseconds: try mapping.required("after_ms").wholeNumber(in: 0...60_000, unit: "milliseconds"),
            utterance: try utterance(try mapping.required("say")),
            timeout: try mapping["timeout_s"]?.number(in: 0.1...600, unit: "seconds") ?? ScenarioCue.defaultTimeout)
    }

    func digits(_ yaml: ScenarioNode) throws(ScenarioError) -> String {
        let digits = try yaml.text()
        guard digits.allSatisfy(Self.keypad.contains) else {
            throw yaml.error("\"\(yaml.path)\" must be keypad digits (0-9, *, #), not \"\(digits)\"")
        }
        guard digits.count <= 32 else { throw yaml.error("\"\(yaml.path)\" has \(digits.count) digits; at most 32") }
        return digits
    }
}
