extension DialogueScript {
    /// Every reply of the script that fills no slot — greeting, fallbacks, what states say and
    /// ask, intents' replies — in file order, each once: what a speech cache can be filled with
    /// before the first call (`tts-cache warm --script`). Replies with `{slot}` placeholders
    /// depend on the caller and are left out.
    public var fixedReplies: [String] {
        var templates: [ReplyTemplate?] = [definition.greeting, definition.fallback]
        for state in definition.stateList {
            templates += [state.say, state.fallback] + state.collect.map(\.ask) + state.intents.map(\.reply)
        }
        templates += definition.intents.map(\.reply)
        var seen: Set<String> = []
        return templates.compactMap { template -> String? in
            guard let template, template.slotNames.isEmpty else { return nil }
            let text = template.render(slots: [:], definitions: definition.slots)
            guard !text.isEmpty, seen.insert(text).inserted else { return nil }
            return text
        }
    }
}
