import Testing
@testable import Dialogue

@Suite struct DialogueScriptMatchingTests {
    let script: DialogueScript

    init() throws {
        script = try DialogueScript(yaml: """
            start: desk
            fallback: "Pardon?"
            slots:
              day: date
              at: time
              guests: number
              who: {type: name, values: [Asha, Ravi]}
              note: text
            intents:
              - name: hours
                keywords: [open]
                reply: "Nine to five."
            states:
              desk:
                intents:
                  - name: table
                    examples: ["a table for {guests}", "a table for {guests} {day} at {at}", "book a table"]
                    reply: "Table for {guests} on {day} at {at}."
                  - name: open-on
                    examples: ["are you open {day}"]
                    reply: "Yes, open on {day}."
                  - name: message
                    examples: ["tell {who} that {note}"]
                    reply: "I'll tell {who}: {note}."
                  - name: ask-for
                    regex: '\\b(?:speak|talk) (?:to|with) (?<who>\\w+)'
                    reply: "Putting you through to {who}."
                  - name: menu
                    keywords: [menu, "wine list"]
                    reply: "Here is the menu."
            """, file: "matching.yaml")
    }

    func turn(_ text: String) -> DialogueTurn { script.respond(to: text, in: script.begin(), today: scriptToday) }

    @Test func anExactExampleCapturesItsPlaceholders() {
        let reply = turn("A table for four tomorrow at 8 PM, please")
        // "please" is not in the example: only a close match, which reads self-evident values.
        #expect(reply.intent == "table")
        #expect(reply.state.slots == ["day": "2026-11-22", "at": "20:00"])
        let exact = turn("a table for twenty two on friday at eight")
        #expect(exact.intent == "table")
        #expect(exact.state.slots == ["guests": "22", "day": "2026-11-27", "at": "08:00"])
        #expect(exact.reply == "Table for 22 on Friday 27 November at 8 AM.")
    }

    @Test func anExactExampleBeatsAKeywordOfAnotherIntent() {
        // "open" is the global hours keyword; the example of open-on matches word for word.
        let reply = turn("Are you open on Monday?")
        #expect(reply.intent == "open-on")
        #expect(reply.reply == "Yes, open on Monday 23 November.")
        #expect(turn("are you open at all").intent == "hours")
    }

    @Test func aFreeTextPlaceholderTakesTheWordsItSpans() {
        let reply = turn("Tell Ravi that I'm running late")
        #expect(reply.intent == "message")
        #expect(reply.state.slots == ["who": "Ravi", "note": "I'm running late"])
        #expect(reply.reply == "I'll tell Ravi: I'm running late.")
    }

    @Test func regexGroupsFillSlots() {
        let reply = turn("Could I speak to asha please?")
        #expect(reply.intent == "ask-for")
        #expect(reply.reply == "Putting you through to Asha.")
        // The list ranks names but does not limit them: a regex group set aside for the name takes Bob.
        #expect(turn("could i speak to bob").state.slots == ["who": "Bob"])
    }

    @Test func keywordsMatchWordsAndPhrasesAnywhere() {
        #expect(turn("can I see the wine list").intent == "menu")
        #expect(turn("what's on the MENU today").intent == "menu")
        #expect(turn("wine and a list").intent == "menu", "not the keyword, but the menu's words: similar")
    }

    @Test func similarUtterancesMatchAboveTheThresholdAndMargin() {
        #expect(turn("i'd like to book a table").intent == "table")
        #expect(turn("could we reserve a table").intent == "table", "reserve is book in the concept lexicon")
        #expect(turn("book a room").intent == "table", "book is only the table's word")
        #expect(turn("purple elephants").intent == nil, "no intent knows these words")
    }

    @Test func nothingMatchingIsTheFallback() {
        let reply = turn("what is the meaning of life")
        #expect(reply.intent == nil)
        #expect(reply.reply == "Pardon?")
        #expect(reply.state == script.begin())
        #expect(turn("").reply == "Pardon?")
    }

    @Test func strengthsAreRankedByTierThenScore() {
        typealias Strength = IntentMatcher.Strength
        #expect(Strength(tier: .answer, score: 0.8) > Strength(tier: .similar, score: 1))
        #expect(Strength(tier: .exact, score: 1) > Strength(tier: .answer, score: 0.8))
        #expect(Strength(tier: .similar, score: 0.9) > Strength(tier: .similar, score: 0.6))
    }

    @Test func exampleWithDigitsMatchesSpelledNumbers() throws {
        let script = try DialogueScript(yaml: """
            start: a
            states:
              a:
                intents: [{name: option, examples: [press 2], reply: "Two it is."}]
            """, file: "digits.yaml")
        #expect(script.respond(to: "press two", in: script.begin(), today: scriptToday).intent == "option")
    }
}
