import SwitchboardCore
import Testing
@testable import Stages

@Suite struct DialogueScriptStateTests {
    @Test func jsonHasTheContextShape() {
        let state = DialogueState(state: "booking", slots: ["time": "10:00", "date": "2026-11-22"])
        #expect(state.json == [
            "state": "booking",
            "slots": ["date": "2026-11-22", "time": "10:00"],
            "ended": false,
        ])
    }

    @Test func jsonRoundTrips() throws {
        let states = [
            DialogueState(state: "welcome"),
            DialogueState(state: "booked", slots: ["name": "Asha", "date": "2026-11-22", "time": "10:30", "confirm": "yes"], ended: true),
        ]
        for state in states {
            #expect(try DialogueState(json: state.json) == state)
        }
    }

    @Test func aRestoredStateCarriesOnTheCall() throws {
        let script = try receptionistScript()
        var call = Conversation(script)
        call.say("i need an appointment")
        call.say("my name is asha")
        let restored = try DialogueState(json: call.state.json)
        #expect(script.respond(to: "tomorrow", in: restored, today: scriptToday).reply == "What time on Sunday 22 November suits you?")
    }

    @Test func anUnknownStateNameStartsOver() throws {
        let script = try receptionistScript()
        let turn = script.respond(to: "i need an appointment", in: DialogueState(state: "gone"), today: scriptToday)
        #expect(turn.state.state == "booking")
    }

    @Test(arguments: [
        ("not an object", JSON.string("welcome"), "dialogue state must be an object with state, slots and ended"),
        ("no state", ["slots": [:]] as JSON, "dialogue state needs \"state\", a non-empty string"),
        ("state not a string", ["state": 3] as JSON, "dialogue state needs \"state\", a non-empty string"),
        ("slots not an object", ["state": "a", "slots": ["x"]] as JSON, "\"slots\" in dialogue state must be an object"),
        ("slot not a string", ["state": "a", "slots": ["n": 3]] as JSON, "slot \"n\" in dialogue state must be a string"),
        ("ended not a bool", ["state": "a", "ended": "no"] as JSON, "\"ended\" in dialogue state must be true or false"),
        ("unknown key", ["state": "a", "turn": 2] as JSON, "unknown key \"turn\" in dialogue state (expected state, slots, ended)"),
    ])
    func badShapesAreErrors(_ name: String, _ json: JSON, _ message: String) {
        #expect(throws: ScriptError(file: "context", message: message)) { try DialogueState(json: json) }
    }

    @Test func endedAndSlotsMayBeLeftOut() throws {
        #expect(try DialogueState(json: ["state": "a"]) == DialogueState(state: "a"))
    }
}
