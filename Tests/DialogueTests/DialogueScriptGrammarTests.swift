import Testing
@testable import Dialogue

@Suite struct DialogueScriptGrammarTests {
    let grammar: String

    init() throws {
        grammar = try receptionistScript().jsgfGrammar()
    }

    var lines: [Substring] { grammar.split(separator: "\n") }

    /// The alternatives of a rule, as written.
    func alternatives(of rule: String) -> [String]? {
        guard let line = lines.first(where: { $0.hasPrefix("<\(rule)> = ") }) else { return nil }
        return line.dropFirst("<\(rule)> = ".count).dropLast().components(separatedBy: " | ")
    }

    @Test func isAJSGFGrammarWithTheWholeScriptRuleFirst() {
        #expect(grammar.hasPrefix("#JSGF V1.0;\n"))
        #expect(lines.contains("grammar receptionist;"))
        let publicRules = lines.filter { $0.hasPrefix("public ") }
        #expect(publicRules.first?.hasPrefix("public <utterance> = <intent_welcome_book> | ") == true)
        #expect(publicRules.count == 1 + 6 + 3, "the whole script, each of 6 states, booking asking each of its 3 slots")
    }

    @Test func expandsExamplePhrasesWithSlotRules() throws {
        let book = try #require(alternatives(of: "intent_welcome_book"))
        #expect(book.prefix(3) == ["i need an appointment", "i need an appointment <slot_date>", "i need an appointment <slot_date> at <slot_time>"])
        #expect(book.contains("i'd like to see the doctor"))
        #expect(alternatives(of: "intent_hours")?.contains("what are your opening hours") == true)
        #expect(alternatives(of: "intent_goodbye") == ["goodbye", "bye", "that's all thank you", "never mind"])
    }

    @Test func listsTheNamesAndTheWaysOfGivingThem() {
        #expect(alternatives(of: "slot_name")?.prefix(3) == ["asha", "ravi", "john"])
        #expect(alternatives(of: "answers_name")?.contains("my name is <slot_name>") == true)
        #expect(alternatives(of: "answers_name")?.contains("it's <slot_name>") == true)
        #expect(alternatives(of: "answers_confirm") == ["<slot_confirm>", "<slot_confirm> please", "<slot_confirm> thanks", "<slot_confirm> thank you"])
    }

    @Test func spellsOutNumbersDatesTimesAndAnswers() throws {
        #expect(alternatives(of: "slot_date") == ["<type_date>"])
        #expect(alternatives(of: "date_ordinal")?.last == "thirty first")
        #expect(alternatives(of: "time_hour")?.count == 12)
        #expect(alternatives(of: "time_minutes")?.contains("forty five") == true)
        #expect(alternatives(of: "type_yesno")?.contains("that's right") == true)
        #expect(alternatives(of: "type_yesno")?.contains("nope") == true)
    }

    @Test func everyRuleUsedIsDefined() {
        let defined = Set(lines.compactMap { line -> String? in
            let text = line.hasPrefix("public ") ? line.dropFirst(7) : line
            guard text.hasPrefix("<"), let close = text.firstIndex(of: ">") else { return nil }
            return String(text[text.index(after: text.startIndex)..<close])
        })
        var used: Set<String> = []
        for line in lines where !line.hasPrefix("//") {
            var rest = line[...]
            while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
                used.insert(String(rest[rest.index(after: open)..<close]))
                rest = rest[rest.index(after: close)...]
            }
        }
        #expect(used.subtracting(defined).isEmpty, "undefined: \(used.subtracting(defined))")
        #expect(!defined.contains("type_number"), "only the rules of slot types in use")
    }

    @Test func phrasesWithFreeTextAreLeftOutAndDigitsSpelled() throws {
        let script = try DialogueScript(yaml: """
            start: a
            slots:
              reason: text
              count: number
            states:
              a:
                intents:
                  - name: why
                    examples: ["it's about {reason}", "i have a question", "table for {count}", "at 10:30 for 2"]
            """, file: "Scripts/why.yaml")
        let grammar = script.jsgfGrammar()
        #expect(grammar.contains("grammar why;"))
        #expect(grammar.contains("<intent_a_why> = i have a question | table for <slot_count> | at ten thirty for two;"))
        #expect(grammar.contains("// left out (free text): it's about {reason}"))
        #expect(grammar.contains("<slot_count> = <type_number>;"))
        #expect(!grammar.contains("<slot_reason>"))
    }
}
