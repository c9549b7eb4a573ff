import Dialogue
import SwitchboardCore
import Testing
@testable import Stages

/// The dialogue state as it travels in `context` events (`engine_state`).
@Suite struct DialogueStateJSONTests {
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
        let script = try DialogueScript(contentsOf: LLMScriptEngineTests.receptionist)
        let today = CalendarDay(year: 2026, month: 11, day: 21)
        var state = script.begin()
        for line in ["i need an appointment", "my name is asha"] { state = script.respond(to: line, in: state, today: today).state }
        let restored = try DialogueState(json: state.json)
        #expect(script.respond(to: "tomorrow", in: restored, today: today).reply == "What time on Sunday 22 November suits you?")
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
