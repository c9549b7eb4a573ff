import Testing
@testable import Dialogue

/// What the receptionist waits for after each turn, and the grammar rule it names: the
/// `listen` event's content, which stt-stream narrows recognition with.
@Suite struct DialogueScriptListenTests {
    let script: DialogueScript
    let grammar: String

    init() throws {
        script = try receptionistScript()
        grammar = script.jsgfGrammar()
    }

    /// The public rules the grammar defines.
    var publicRules: Set<String> {
        Set(grammar.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("public <"), let close = line.firstIndex(of: ">") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 8)..<close])
        })
    }

    func alternatives(of rule: String) -> [String]? {
        let prefix = "public <\(rule)> = "
        guard let line = grammar.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return nil }
        return line.dropFirst(prefix.count).dropLast().components(separatedBy: " | ")
    }

    @Test func welcomeListensForItsIntentsAndTheGlobalOnes() {
        let expectation = script.expectation(in: script.begin())
        #expect(expectation.state == "welcome")
        #expect(expectation.asked == nil)
        #expect(expectation.slots.isEmpty)
        #expect(expectation.intents == ["book", "person", "hours", "goodbye"])
        #expect(expectation.grammarRule == "state_welcome")
        #expect(alternatives(of: "state_welcome") == ["<intent_welcome_book>", "<intent_welcome_person>", "<intent_hours>", "<intent_goodbye>"])
    }

    @Test func bookingAsksForEachSlotInTurnWithItsOwnRule() {
        var conversation = Conversation(script)
        conversation.say("i need an appointment")
        var expectation = script.expectation(in: conversation.state)
        #expect(expectation.state == "booking" && expectation.asked == "name")
        #expect(expectation.grammarRule == "state_booking_name")
        #expect(expectation.slots.map(\.name) == ["name", "date", "time"])
        #expect(expectation.slots.first?.type == "name")
        #expect(expectation.slots.first?.values.prefix(3) == ["Asha", "Ravi", "John"])
        #expect(expectation.slots.dropFirst().allSatisfy { $0.values.isEmpty })
        #expect(expectation.intents == ["hours", "goodbye"])

        conversation.say("my name is asha")
        expectation = script.expectation(in: conversation.state)
        #expect(expectation.asked == "date" && expectation.grammarRule == "state_booking_date")
        #expect(expectation.slots.map(\.name) == ["date", "name", "time"], "the asked slot first")

        conversation.say("tomorrow")
        #expect(script.expectation(in: conversation.state).grammarRule == "state_booking_time")
    }

    @Test func confirmationListensForYesOrNo() {
        var conversation = Conversation(script)
        conversation.say("i need an appointment tomorrow at ten")
        conversation.say("it's asha")
        let expectation = script.expectation(in: conversation.state)
        #expect(expectation.state == "confirm")
        #expect(expectation.slots == [ListenExpectation.Slot(name: "confirm", type: "yesno", values: [])])
        #expect(expectation.intents == ["yes", "no", "hours", "goodbye"])
        #expect(expectation.grammarRule == "state_confirm")
        #expect(alternatives(of: "state_confirm") == ["<intent_hours>", "<intent_goodbye>", "<answers_confirm>"])
    }

    @Test func anEndedDialogueListensAsANewOneBegins() {
        var conversation = Conversation(script)
        conversation.say("goodbye")
        #expect(conversation.state.ended)
        let expectation = script.expectation(in: conversation.state)
        #expect(expectation.state == "welcome" && expectation.grammarRule == "state_welcome")
        #expect(script.expectation(in: DialogueState(state: "no such state")).state == "welcome")
    }

    @Test func everyRuleItNamesIsAPublicRuleOfTheGrammar() {
        var names: [String?] = []
        var conversation = Conversation(script)
        names.append(script.expectation(in: conversation.state).grammarRule)
        for line in ["i need an appointment", "asha", "tomorrow", "at ten", "no", "monday", "at three", "yes"] {
            conversation.say(line)
            names.append(script.expectation(in: conversation.state).grammarRule)
        }
        #expect(names.allSatisfy { $0.map(publicRules.contains) == true }, "\(names) vs \(publicRules)")
        #expect(script.jsgfGrammarName == "receptionist")
    }

    @Test func anAskedSlotRuleTakesItsAnswerFirstThenOthers() throws {
        let rule = try #require(grammar.split(separator: "\n").first { $0.hasPrefix("public <state_booking_name> = ") })
        #expect(rule.hasSuffix(" | <answers_name> [(<answers_date> | <answers_time>) [(<answers_date> | <answers_time>)]];"))
        #expect(!rule.contains("| <answers_date>"), "a bare date is not an answer to the name question")
    }

    @Test func clashingNamesStayDistinctAndFreeTextHasNoRule() {
        let script = try! DialogueScript(yaml: """
            start: booking
            slots:
              name: {type: name, values: [Asha]}
              note: text
            states:
              booking:
                collect:
                  - {slot: name, ask: "Name?"}
                  - {slot: note, ask: "Anything else?"}
                next: booking_name
              booking_name:
                say: "Done."
                end: true
            """, file: "clash.yaml")
        let grammar = script.jsgfGrammar()
        #expect(grammar.contains("public <state_booking_name> = "))
        #expect(grammar.contains("public <state_booking_name_2> = <answers_name>;"))
        #expect(script.expectation(in: script.begin()).grammarRule == "state_booking_name_2")
        let askingNote = script.expectation(in: DialogueState(state: "booking", slots: ["name": "Asha"]))
        #expect(askingNote.asked == "note" && askingNote.grammarRule == nil, "free text cannot be a grammar")
        #expect(!grammar.contains("state_booking_note"))
    }
}
