import Yams

extension DialogueCases {
    /// Reads a case file (llm-stream(1), EVALUATION): `today`, `utterances` and `calls`; `script`
    /// names the script it was written for and is not read here. Errors point at file:line.
    public init(contentsOf path: String) throws(ScriptError) {
        try self.init(yaml: try ScriptError.text(of: path, what: "the case file"), file: path)
    }

    public init(yaml: String, file: String) throws(ScriptError) {
        let node: Node?
        do { node = try Yams.compose(yaml: yaml) } catch {
            throw ScriptError(yaml: error, file: file, text: yaml)
        }
        guard let node else { throw ScriptError(file: file, message: "the case file is empty") }
        let top = try ScriptYAML(node: node, file: file).mapping("the case file", allowed: ["script", "today", "utterances", "calls"])
        let todayText = try top.string("today") ?? ""
        guard let today = CalendarDay(iso: todayText) else {
            throw top.yaml.error("the case file needs \"today\" as a date like 2026-12-01 (relative dates count from it)")
        }
        var utterances: [UtteranceCase] = []
        for item in try top["utterances"]?.list("utterances") ?? [] {
            let entry = try item.mapping("an utterance case", allowed: ["say", "state", "given", "intent", "slots"])
            utterances.append(UtteranceCase(
                say: try entry.required("say").string("say"), state: try entry.string("state"),
                given: try Self.values(entry["given"], "given"), intent: try entry.string("intent"),
                slots: try Self.values(entry["slots"], "slots"), location: Location(file: file, line: item.node.mark?.line)))
        }
        var calls: [CallCase] = []
        for item in try top["calls"]?.list("calls") ?? [] {
            let entry = try item.mapping("a call case", allowed: ["turns", "expect"])
            let turns = try entry.required("turns").strings("turns").map(\.text)
            let expect = try entry.required("expect").mapping("expect", allowed: ["state", "slots"])
            calls.append(CallCase(
                turns: turns, state: try expect.required("state").string("state"),
                slots: try Self.values(expect["slots"], "slots"), location: Location(file: file, line: item.node.mark?.line)))
        }
        guard !utterances.isEmpty || !calls.isEmpty else { throw top.yaml.error("the case file has no \"utterances\" and no \"calls\"") }
        self.init(today: today, utterances: utterances, calls: calls)
    }

    /// A mapping of slot names to scalar values, as written (`"10:30"`, `yes`).
    private static func values(_ yaml: ScriptYAML?, _ key: String) throws(ScriptError) -> [String: String] {
        guard let yaml else { return [:] }
        var values: [String: String] = [:]
        for (name, _, value) in try yaml.namedEntries(key) { values[name] = try value.string(name) }
        return values
    }
}
