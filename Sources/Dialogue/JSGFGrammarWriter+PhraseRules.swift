extension JSGFGrammarWriter {
    /// The rules made of the script's phrases: one per intent with examples
    /// (`intent_<state>_<intent>` for a state's own, `intent_<intent>` for a global one) and one
    /// per slot with answers (`answers_<slot>`), and where each came from, so that the whole-script
    /// rule and every state's rule can pick theirs.
    struct PhraseRules {
        private(set) var rules: [JSGFRule] = []
        /// Phrases that hold a free-text slot, as written: no rule can list them.
        private(set) var leftOut: [String] = []
        /// Rule names of each state's own intents, by state name.
        private(set) var stateIntents: [String: [String]] = [:]
        private(set) var globalIntents: [String] = []
        /// Rule name of each slot's answers, by slot name.
        private(set) var answers: [String: String] = [:]
        private var used: Set<String> = []

        init(script: ScriptDefinition) {
            let writer = JSGFGrammarWriter(script: script)
            for state in script.stateList {
                for intent in state.intents {
                    if let name = add("intent_\(identifier(state.name))_\(identifier(intent.name))", intent.examples, writer) {
                        stateIntents[state.name, default: []].append(name)
                    }
                }
            }
            for intent in script.intents {
                if let name = add("intent_\(identifier(intent.name))", intent.examples, writer) { globalIntents.append(name) }
            }
            for slot in script.slotList {
                if let name = add("answers_\(identifier(slot.name))", slot.answers, writer) { answers[slot.name] = name }
            }
        }

        private func identifier(_ name: String) -> String { JSGFGrammarWriter.identifier(name) }

        /// Adds a rule of the patterns that can be written; its name, nil when none can.
        private mutating func add(_ base: String, _ patterns: [PhrasePattern], _ writer: JSGFGrammarWriter) -> String? {
            var alternatives: [String] = []
            for pattern in patterns {
                guard let expansion = writer.expand(pattern) else {
                    leftOut.append(pattern.source)
                    continue
                }
                if !alternatives.contains(expansion) { alternatives.append(expansion) }
            }
            guard !alternatives.isEmpty else { return nil }
            var name = base
            var n = 2
            while !used.insert(name).inserted {
                name = "\(base)_\(n)"
                n += 1
            }
            rules.append(JSGFRule(name: name, alternatives: alternatives))
            return name
        }
    }
}
