extension JSGFGrammarWriter {
    /// One rule per state, and one per slot a state asks for (names from `StateRuleNames`), so
    /// that the recognizer chooses the next utterance among what makes sense there: "yes" after
    /// "Shall I book it?" among the yes/no answers, not among every name and date.
    ///
    /// `state_S`: S's own intents, the global intents, and answers for the slots S can fill
    /// (`ScriptDefinition.answerableSlots`), as many in a row as S collects.
    /// `state_S_X`: the same intents, and X's answer first (it is what was just asked),
    /// optionally followed by answers for S's other slots ("asha, tomorrow at ten").
    func stateRules(_ phrases: PhraseRules) -> [JSGFRule] {
        let names = StateRuleNames(script: script)
        var rules: [JSGFRule] = []
        for state in script.stateList {
            let intents = (phrases.stateIntents[state.name] ?? []) + phrases.globalIntents
            let intentRefs = intents.map { "<\($0)>" }
            let slots = script.answerableSlots(in: state)
            let most = max(1, state.collect.count)
            let anyAnswers = answerSequence(asked: nil, of: slots, phrases: phrases, most: most)
            rules.append(JSGFRule(name: names.rule(for: state.name)!, alternatives: orVoid(intentRefs + [anyAnswers].compactMap { $0 })))
            for request in state.collect {
                guard let name = names.rule(for: state.name, asking: request.slot), let asked = script.slots[request.slot] else { continue }
                let answers = answerSequence(asked: asked, of: slots, phrases: phrases, most: most) ?? anyAnswers
                rules.append(JSGFRule(name: name, alternatives: orVoid(intentRefs + [answers].compactMap { $0 })))
            }
        }
        return rules
    }

    /// Answers for `slots` in a row, at most `most` of them: `asked` first when given (and it has
    /// answers), then any of the others; otherwise any of them. Nil when none has answers.
    func answerSequence(asked: SlotDefinition?, of slots: [SlotDefinition], phrases: PhraseRules, most: Int) -> String? {
        func group(_ slots: [SlotDefinition]) -> String? {
            let refs = slots.compactMap { phrases.answers[$0.name] }.map { "<\($0)>" }
            return refs.isEmpty ? nil : refs.count == 1 ? refs[0] : "(" + refs.joined(separator: " | ") + ")"
        }
        // An unbounded repeat would let the recognizer string any answers together.
        func followed(by more: String?, times: Int) -> String {
            guard let more, times > 0 else { return "" }
            return String(repeating: " [" + more, count: times) + String(repeating: "]", count: times)
        }
        if let asked, let first = phrases.answers[asked.name].map({ "<\($0)>" }) {
            return first + followed(by: group(slots.filter { $0.name != asked.name }), times: most - 1)
        }
        guard asked == nil, let any = group(slots) else { return nil }
        return any + followed(by: any, times: most - 1)
    }

    private func orVoid(_ alternatives: [String]) -> [String] { alternatives.isEmpty ? ["<VOID>"] : alternatives }
}
