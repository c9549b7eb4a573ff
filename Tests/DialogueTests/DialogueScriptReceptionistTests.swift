import Testing
@testable import Dialogue

/// `Examples/receptionist.yaml`, the shipped example, found from this file's path.
func receptionistScript(filePath: String = #filePath) throws -> DialogueScript {
    var components = filePath.split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(3)  // Tests/DialogueTests/<this file>
    return try DialogueScript(contentsOf: components.joined(separator: "/") + "/Examples/receptionist.yaml")
}

/// Plays a conversation, one caller line after another, and returns the agent's replies.
struct Conversation {
    let script: DialogueScript
    var state: DialogueState
    var turns: [DialogueTurn] = []

    init(_ script: DialogueScript) {
        self.script = script
        state = script.begin()
    }

    @discardableResult
    mutating func say(_ utterance: String) -> String {
        let turn = script.respond(to: utterance, in: state, today: scriptToday)
        turns.append(turn)
        state = turn.state
        return turn.reply
    }
}

@Suite struct DialogueScriptReceptionistTests {
    let script: DialogueScript

    init() throws {
        script = try receptionistScript()
    }

    @Test func loadsWithItsRateAndGreets() throws {
        #expect(script.wordsPerSecond == 12)
        #expect(script.begin() == DialogueState(state: "welcome"))
        let greeting = try #require(script.greeting(in: script.begin(), today: scriptToday))
        #expect(greeting.reply == "Good morning, Sunrise Clinic. How can I help you?")
        #expect(greeting.state == script.begin())
        #expect(greeting.intent == nil)
    }

    @Test func booksFromTypedText() {
        var call = Conversation(script)
        #expect(call.say("I need an appointment tomorrow at ten.") == "May I have your name, please?")
        #expect(call.turns.last?.intent == "book")
        #expect(call.state == DialogueState(state: "booking", slots: ["date": "2026-11-22", "time": "10:00"]))

        #expect(call.say("It's Asha.") == "So that is Asha on Sunday 22 November at 10 AM. Shall I book it?")
        #expect(call.turns.last?.intent == nil)
        #expect(call.state.state == "confirm")

        #expect(call.say("Yes please.") == "You're booked, Asha. We'll see you on Sunday 22 November at 10 AM. Goodbye!")
        #expect(call.turns.last?.intent == "yes")
        #expect(call.state == DialogueState(state: "booked", slots: ["name": "Asha", "date": "2026-11-22", "time": "10:00", "confirm": "yes"], ended: true))

        let after = call.state
        #expect(call.say("hello?") == "")
        #expect(call.state == after)
    }

    @Test func booksFromRecognizerTranscripts() {
        var call = Conversation(script)
        #expect(call.say("i need an appointment") == "May I have your name, please?")
        #expect(call.say("my name is asha") == "Which day would you like to come in?")
        #expect(call.say("tomorrow") == "What time on Sunday 22 November suits you?")
        #expect(call.say("at ten thirty") == "So that is Asha on Sunday 22 November at 10:30 AM. Shall I book it?")
        #expect(call.say("yes") == "You're booked, Asha. We'll see you on Sunday 22 November at 10:30 AM. Goodbye!")
        #expect(call.state.ended)
        #expect(call.state.slots == ["name": "Asha", "date": "2026-11-22", "time": "10:30", "confirm": "yes"])
    }

    @Test func noAtTheConfirmationCollectsTheDayAndTimeAgain() {
        var call = Conversation(script)
        call.say("i need an appointment tomorrow at ten")
        call.say("asha")
        #expect(call.say("no") == "No problem, let's start again. Which day would you like to come in?")
        #expect(call.turns.last?.intent == "no")
        #expect(call.state == DialogueState(state: "booking", slots: ["name": "Asha", "confirm": "no"]))
        #expect(call.say("friday") == "What time on Friday 27 November suits you?")
        #expect(call.say("three") == "So that is Asha on Friday 27 November at 3 PM. Shall I book it?")
        #expect(call.say("yeah") == "You're booked, Asha. We'll see you on Friday 27 November at 3 PM. Goodbye!")
    }

    @Test func noWithANewDayAndTimeGoesStraightBackToTheConfirmation() {
        var call = Conversation(script)
        call.say("I need an appointment tomorrow at ten.")
        call.say("It's Asha.")
        // A correction outweighs the "no": the booking is read back with the new values.
        #expect(call.say("No, make it Monday at 9.") == "So that is Asha on Monday 23 November at 9 AM. Shall I book it?")
        #expect(call.state.state == "confirm")
    }

    @Test func unknownInputGetsTheFallbackAndThePendingQuestionAgain() {
        var call = Conversation(script)
        #expect(call.say("what's the weather like") == "Sorry, I can book an appointment or tell you our opening hours. What would you like?")
        #expect(call.state == script.begin())
        call.say("i need an appointment")
        let before = call.state
        #expect(call.say("what was that again") == "Sorry, I didn't catch that. May I have your name, please?")
        #expect(call.turns.last?.intent == nil)
        #expect(call.state == before)
        call.say("asha")
        call.say("the 5th")
        call.say("at 11")
        #expect(call.say("maybe") == "Sorry, shall I book Saturday 5 December at 11 AM? Please say yes or no.")
        #expect(call.state.state == "confirm")
    }

    @Test func aGlobalIntentAnswersAndAsksThePendingQuestionAgain() {
        var call = Conversation(script)
        call.say("i need an appointment")
        #expect(call.say("when are you open") == "We are open from nine to five, Monday to Friday. May I have your name, please?")
        #expect(call.turns.last?.intent == "hours")
        #expect(call.state.state == "booking")
        #expect(call.say("goodbye") == "Thank you for calling Sunrise Clinic. Goodbye!")
        #expect(call.state.ended)
    }

    @Test func severalSlotsInOneAnswer() {
        var call = Conversation(script)
        call.say("can i book on the 3rd of december at half past two")
        #expect(call.state.slots == ["date": "2026-12-03", "time": "14:30"])
        #expect(call.say("this is ravi") == "So that is Ravi on Thursday 3 December at 2:30 PM. Shall I book it?")
    }

    @Test func aTurnIsAPureFunctionOfItsInputs() {
        let state = DialogueState(state: "booking", slots: ["name": "Asha"])
        let first = script.respond(to: "tomorrow", in: state, today: scriptToday)
        let again = script.respond(to: "tomorrow", in: state, today: scriptToday)
        #expect(first == again)
        #expect(script.respond(to: "tomorrow", in: state, today: scriptToday.adding(days: 1)).state.slots["date"] == "2026-11-23")
    }
}
