import Testing
@testable import Dialogue

/// What a new user typing to the receptionist found it did not understand (issue 18), one
/// table per failure class. Today is Saturday 2026-11-21 (`scriptToday`): Friday is the 27th.
@Suite struct DialogueUnderstandingTests {
    let script: DialogueScript

    init() throws { script = try receptionistScript() }

    func turn(_ said: String, in state: String = "welcome", given: [String: String] = [:]) -> DialogueTurn {
        script.respond(to: said, in: DialogueState(state: state, slots: given), today: scriptToday)
    }

    static let booked = ["name": "Asha", "date": "2026-11-27", "time": "10:00"]

    @Test(arguments: [
        ("I'd like to arrange a check-up", "book"),
        ("is there a slot on the 12th", "book"),
        ("could you fit me in for a blood test", "book"),
        ("need to schedule a visit for my mum", "book"),
        ("what time do you shut on Fridays", "hours"),
        ("when do you close", "hours"),
        ("could you transfer me to reception please", "person"),
        ("i want to talk with a real human being", "person"),
        ("that's everything, bye now", "goodbye"),
    ])
    func intentsInWordsTheExamplesDoNotHave(said: String, intent: String) {
        #expect(turn(said).intent == intent)
    }

    @Test(arguments: [
        ("it's Meera Iyer", "Meera Iyer"),
        ("Oluwaseun", "Oluwaseun"),
        ("my name is nguyen thi mai", "Nguyen Thi Mai"),
        ("yes, Mrs. Patricia Holloway", "Patricia Holloway"),
        ("first name Harpreet, surname Kaur", "Harpreet Kaur"),
        ("this is ahmed hassan", "Ahmed Hassan"),
        ("emeka eze and could it be the 30th", "Emeka Eze"),
        ("it's asha", "Asha"),
    ])
    func namesBeyondTheList(said: String, name: String) {
        let answer = turn(said, in: "booking")
        #expect(answer.state.slots["name"] == name)
    }

    @Test(arguments: ["what was that again", "sorry i didn't hear you", "um"])
    func whatIsNotANameIsNotTakenForOne(said: String) {
        #expect(turn(said, in: "booking").state.slots["name"] == nil)
    }

    @Test(arguments: [
        ("that's fine", "yes"), ("go ahead", "yes"), ("sounds good", "yes"), ("perfect, thanks", "yes"),
        ("no problem, book it", "yes"), ("why not", "yes"), ("haan ji, theek hai", "yes"), ("bilkul", "yes"),
        ("nope, wrong day", "no"), ("that's not right", "no"), ("not really", "no"), ("that doesn't work", "no"),
        ("nahi", "no"), ("yes, no, wait", "no"),
    ])
    func yesAndNoInOtherWords(said: String, answer: String) {
        let reply = turn(said, in: "confirm", given: Self.booked)
        #expect(reply.intent == answer)
        #expect(reply.state.state == (answer == "yes" ? "booked" : "booking"))
    }

    @Test(arguments: [
        ("Can I see Dr. Rao on Friday?", "2026-11-27"),
        ("need an appt tmrw pls", "2026-11-22"),
        ("appt. thurs pls", "2026-11-26"),
    ])
    func titlesAndAbbreviations(said: String, date: String) {
        let reply = turn(said)
        #expect(reply.intent == "book")
        #expect(reply.state.slots["date"] == date)
    }

    @Test func severalSlotsInOneUtteranceInAnyOrder() {
        let opening = turn("Thursday ten thirty, name's Ali")
        #expect(opening.intent == "book", "values only booking collects make it a booking")
        #expect(opening.state.slots == ["date": "2026-11-26", "time": "10:30", "name": "Ali"])
        #expect(opening.state.state == "confirm")
        let answer = turn("Hiroshi Tanaka. Friday at two would be ideal.", in: "booking")
        #expect(answer.state.slots == ["name": "Hiroshi Tanaka", "date": "2026-11-27", "time": "14:00"])
        let ahead = turn("friday, and let's say eleven", in: "booking", given: ["name": "Asha"])
        #expect(ahead.state.slots["time"] == "11:00", "answering ahead: the time after the asked day")
    }

    @Test(arguments: [
        ("no, I said Thursday", "confirm", ["date": "2026-11-26"]),
        ("make it four instead", "confirm", ["time": "16:00"]),
        ("yes but make it half past eleven", "confirm", ["time": "11:30"]),
        ("nahi nahi, Monday bola maine", "confirm", ["date": "2026-11-23"]),
        ("the name should be Thomas Berg", "confirm", ["name": "Thomas Berg"]),
    ])
    func correctionsAtTheConfirmation(said: String, state: String, changed: [String: String]) {
        let reply = turn(said, in: state, given: Self.booked)
        #expect(reply.state.slots == Self.booked.merging(changed) { _, new in new })
        #expect(reply.state.state == "confirm", "read back again, not started over")
        #expect(reply.reply.hasPrefix("So that is"))
    }

    @Test(arguments: [
        ("not Wednesday, make that Thursday", ["date": "2026-11-26"]),
        ("wednesday no thursday actually", ["date": "2026-11-26"]),
        ("sorry, not John, it's Juan. Juan Mendes.", ["name": "Juan Mendes"]),
    ])
    func correctionsWhileBooking(said: String, changed: [String: String]) {
        let given = ["name": "John", "date": "2026-11-25"]
        let reply = turn(said, in: "booking", given: given)
        #expect(reply.state.slots == given.merging(changed) { _, new in new })
    }

    @Test func anUnclearUtteranceAsksWhichIntentWasMeant() {
        // "come" is the booking's (as "see"), "talk" the person's; no keyword of either.
        let unclear = turn("hello i would like to come and talk")
        #expect(unclear.reply == "Sorry, did you want to book an appointment or speak to a person?")
        #expect(unclear.intent == nil)
        #expect(unclear.state == DialogueState(state: "welcome"))
        #expect(turn("book an appointment", in: unclear.state.state).state.state == "booking")
    }

    @Test func aScriptMayWordTheClarifyingQuestion() throws {
        let script = try DialogueScript(yaml: """
            start: a
            clarify: "Was that {options}?"
            states:
              a:
                intents:
                  - {name: tea, label: a tea, examples: [a cup of tea]}
                  - {name: coffee, label: a coffee, examples: [a cup of coffee]}
            """, file: "drinks.yaml")
        #expect(script.respond(to: "a cup please", in: script.begin(), today: scriptToday).reply == "Was that a tea or a coffee?")
        #expect(throws: ScriptError.self) { try DialogueScript(yaml: "start: a\nclarify: Which?\nstates: {a: {say: hi}}", file: "x.yaml") }
    }
}

/// The script's side of LLM-guided mode: an outside reading is checked, then answered by the script.
@Suite struct DialogueOutsideUnderstandingTests {
    let script: DialogueScript

    init() throws { script = try receptionistScript() }

    func turn(_ said: String, _ understood: Understanding?, in state: DialogueState? = nil) -> DialogueTurn {
        script.respond(to: said, in: state ?? script.begin(), today: scriptToday, understood: understood)
    }

    @Test func anUnderstoodIntentLeavesTheWordsForTheSlots() {
        let reply = turn("I need an appointment tomorrow at ten", Understanding(intent: "book"))
        #expect(reply.intent == "book")
        #expect(reply.state.slots == ["date": "2026-11-22", "time": "10:00"])
    }

    @Test func theReadingDecidesWhereTheRulesFindNothing() {
        let reply = turn("hmm let me think", Understanding(intent: "book", slots: ["date": "2026-11-27"]))
        #expect(reply.state.state == "booking")
        #expect(reply.state.slots["date"] == "2026-11-27")
        #expect(script.respond(to: "hmm let me think", in: script.begin(), today: scriptToday).state.state == "welcome")
    }

    @Test(arguments: [
        (Understanding(intent: "reschedule"), "welcome", [String: String]()),  // unknown intent: the rules decide
        (Understanding(intent: "book", slots: ["date": "someday"]), "booking", [:]),  // unreadable value dropped
        (Understanding(intent: "book", slots: ["colour": "red"]), "booking", [:]),  // no such slot
        (Understanding(intent: nil, slots: ["name": "Meera Iyer"]), "welcome", ["name": "Meera Iyer"]),  // kept for the booking
    ])
    func whatTheStateCannotTakeIsIgnored(understood: Understanding, state: String, slots: [String: String]) {
        let reply = turn("hmm let me think", understood)
        #expect(reply.state.state == state)
        #expect(reply.state.slots == slots)
    }

    @Test func choicesOfferTheSlotsAStateGoesOnToCollect() {
        let welcome = script.understandingChoices(in: script.begin())
        #expect(welcome.intents.map(\.name) == ["book", "person", "hours", "goodbye"])
        #expect(Set(welcome.slots.map(\.name)) == ["name", "date", "time"])
        let confirm = script.understandingChoices(in: DialogueState(state: "confirm", slots: ["name": "Asha", "date": "2026-11-27", "time": "10:00"]))
        #expect(confirm.slots.first?.name == "confirm")
        #expect(confirm.slots.first { $0.name == "date" }?.current == "2026-11-27", "held values can be corrected")
    }
}
