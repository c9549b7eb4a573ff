/// The names of the grammar's per-state rules, worked out in one place so that the grammar
/// (`JSGFGrammarWriter`) and what a state listens for (`DialogueScript.expectation(in:)`) always
/// agree on them.
///
/// `state_<state>` for every state, and `state_<state>_<slot>` for every slot a state asks for,
/// unless it is free text (no rule can list free text). Names are JSGF identifiers: characters
/// other than ASCII letters and digits become `_`, and a clash (`book-it` and `book_it`, or a
/// state `booking_name` and slot `name` of `booking`) gets `_2`, `_3`, … in file order. The
/// `state_` prefix keeps them apart from every other rule of the grammar.
struct StateRuleNames {
    private var stateRules: [String: String] = [:]
    private var askedRules: [String: [String: String]] = [:]

    init(script: ScriptDefinition) {
        var used: Set<String> = []
        func unique(_ base: String) -> String {
            var name = base
            var n = 2
            while !used.insert(name).inserted {
                name = "\(base)_\(n)"
                n += 1
            }
            return name
        }
        // Every state's own rule first, so a state's name never moves because of a slot rule.
        for state in script.stateList {
            stateRules[state.name] = unique("state_" + JSGFGrammarWriter.identifier(state.name))
        }
        for state in script.stateList {
            for request in state.collect where script.slots[request.slot]?.type != .text {
                askedRules[state.name, default: [:]][request.slot] = unique(stateRules[state.name]! + "_" + JSGFGrammarWriter.identifier(request.slot))
            }
        }
    }

    /// The rule for anything the state understands.
    func rule(for state: String) -> String? { stateRules[state] }

    /// The rule for the state while it asks for `slot`; nil for a free-text slot.
    func rule(for state: String, asking slot: String) -> String? { askedRules[state]?[slot] }
}
