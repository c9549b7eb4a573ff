import Testing
@testable import Dialogue

/// The rules that move a call between states, on small scripts made for each.
@Suite struct DialogueScriptFlowTests {
    @Test func aCollectingStartStateAsksInTheGreeting() throws {
        let script = try DialogueScript(yaml: """
            greeting: Hello.
            start: details
            slots:
              who: {type: name, values: [Asha]}
              party: number
            states:
              details:
                collect:
                  - {slot: who, ask: "Your name?"}
                  - {slot: party, ask: "How many of you, {who}?"}
                next: done
              done:
                say: "{who}, table for {party}. Bye."
                end: true
            """, file: "flow.yaml")
        let greeting = try #require(script.greeting(in: script.begin(), today: scriptToday))
        #expect(greeting.reply == "Hello. Your name?")
        #expect(greeting.state == script.begin())
        let named = script.respond(to: "asha", in: greeting.state, today: scriptToday)
        #expect(named.reply == "How many of you, Asha?")
        // A bare number is taken because it is the answer to the question just asked.
        let done = script.respond(to: "four", in: named.state, today: scriptToday)
        #expect(done.reply == "Asha, table for 4. Bye.")
        #expect(done.state.ended)
        #expect(script.greeting(in: done.state, today: scriptToday) == nil)
    }

    @Test func aNumberNotAskedForIsNotTaken() throws {
        let script = try DialogueScript(yaml: """
            start: details
            slots:
              who: {type: name, values: [Asha]}
              party: number
            states:
              details:
                collect:
                  - {slot: who, ask: "Your name?"}
                  - {slot: party, ask: "How many?"}
                next: details
            """, file: "flow.yaml")
        let turn = script.respond(to: "asha for two", in: script.begin(), today: scriptToday)
        #expect(turn.state.slots == ["who": "Asha"])
        #expect(turn.reply == "How many?")
    }

    @Test func collectingStatesThatLoopWhenFilledStop() throws {
        let script = try DialogueScript(yaml: """
            start: a
            slots:
              day: date
            states:
              a:
                collect: [{slot: day, ask: "Which day?"}]
                next: b
              b:
                say: "Noted."
                collect: [{slot: day, ask: "Which day again?"}]
                next: a
            """, file: "loop.yaml")
        let turn = script.respond(to: "tomorrow", in: script.begin(), today: scriptToday)
        #expect(turn.reply == "Noted.")
        #expect(turn.state == DialogueState(state: "b", slots: ["day": "2026-11-22"]))
    }

    @Test func gotoTheSameStateSaysItAgain() throws {
        let script = try DialogueScript(yaml: """
            start: menu
            states:
              menu:
                say: "Press one or two."
                intents:
                  - {name: repeat, examples: [say that again, repeat], goto: menu}
            """, file: "menu.yaml")
        #expect(script.greeting(in: script.begin(), today: scriptToday)?.reply == "Press one or two.")
        let turn = script.respond(to: "could you repeat", in: script.begin(), today: scriptToday)
        #expect(turn.reply == "Press one or two.")
        #expect(turn.intent == "repeat")
        #expect(script.respond(to: "hmm", in: script.begin(), today: scriptToday).reply == "Sorry, I didn't catch that.")
    }

    @Test func anUnfilledPlaceholderIsSaidAsNothing() throws {
        let script = try DialogueScript(yaml: """
            start: a
            slots:
              day: date
            states:
              a:
                intents: [{name: when, keywords: [when], reply: "You asked about {day} ."}]
            """, file: "hole.yaml")
        #expect(script.respond(to: "when", in: script.begin(), today: scriptToday).reply == "You asked about .")
    }
}
