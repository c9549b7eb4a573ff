import Testing
@testable import Dialogue

@Suite struct DialogueScriptStateTests {
    @Test func anUnknownStateNameStartsOver() throws {
        let script = try receptionistScript()
        let turn = script.respond(to: "i need an appointment", in: DialogueState(state: "gone"), today: scriptToday)
        #expect(turn.state.state == "booking")
    }
}
