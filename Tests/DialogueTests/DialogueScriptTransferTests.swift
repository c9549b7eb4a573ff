import Testing
@testable import Dialogue

/// `transfer:` states: the caller is handed to a person once the state's answer has been heard.
/// The destination is checked when the script loads, so a typo never reaches a live call.
@Suite struct DialogueScriptTransferTests {
    static let script = """
        start: welcome
        intents:
          - {name: sales, keywords: [sales], goto: sales}
          - {name: support, keywords: [support], goto: support}
        states:
          welcome:
            say: "Sales or support?"
          sales:
            say: "Putting you through to sales."
            transfer: "+15551234567"
          support:
            say: "One moment."
            transfer: "sip:support@pbx.example.com;transport=tls"
            end: true
        """

    @Test func transferStateEndsTheDialogueAndNamesWhere() throws {
        let script = try DialogueScript(yaml: Self.script, file: "test.yaml")
        let welcome = try #require(script.greeting(in: script.begin(), today: scriptToday))
        #expect(welcome.transfer == nil)

        let sales = script.respond(to: "sales please", in: script.begin(), today: scriptToday)
        #expect(sales.reply == "Putting you through to sales.")
        #expect(sales.state == DialogueState(state: "sales", ended: true))
        #expect(sales.transfer == TransferDestination("+15551234567"))
        #expect(sales.transfer?.kind == .phoneNumber)

        let support = script.respond(to: "support", in: script.begin(), today: scriptToday)
        #expect(support.transfer?.text == "sip:support@pbx.example.com;transport=tls")
        #expect(support.transfer?.kind == .sip)
    }

    /// A restored call that already ended in a transfer state still says where it goes.
    @Test func endedTransferStateKeepsItsDestination() throws {
        let script = try DialogueScript(yaml: Self.script, file: "test.yaml")
        let turn = script.respond(to: "hello?", in: DialogueState(state: "sales", ended: true), today: scriptToday)
        #expect(turn.reply.isEmpty)
        #expect(turn.transfer?.text == "+15551234567")
        let ordinary = script.respond(to: "hello?", in: DialogueState(state: "welcome", ended: true), today: scriptToday)
        #expect(ordinary.transfer == nil)
    }

    @Test func receptionistPutsACallerAskingForAPersonThrough() throws {
        var call = Conversation(try receptionistScript())
        #expect(call.say("can i speak to a person") == "Of course. I'll put you through to our front desk now, please hold.")
        #expect(call.turns.last?.intent == "person")
        #expect(call.state.ended)
        #expect(call.turns.last?.transfer?.text == "+15555550100")

        var doctor = Conversation(try receptionistScript())
        doctor.say("can i speak to the doctor")
        #expect(doctor.turns.last?.intent == "person", "an example phrase beats the booking's keyword")

        var booking = Conversation(try receptionistScript())
        booking.say("can someone book me in tomorrow")
        #expect(booking.turns.last?.intent == "book", "keywords of both: the booking, listed first")
        #expect(booking.turns.last?.transfer == nil)
    }

    @Test(arguments: ["+15551234567", "+441632960961", "+123456", "+123456789012345", "sip:desk@pbx.example.com",
                      "sip:desk@10.0.0.5:5061", "sip:Desk@PBX.example.com;transport=udp", "sip:+15551234567@trunk.example.com?X-Id=7"])
    func acceptedDestinations(_ text: String) {
        #expect(TransferDestination(text)?.text == text)
    }

    @Test(arguments: ["15551234567", "+1555", "+1234567890123456", "+1 555 123 4567", "+1-555-123", "+1555abc4567", "+0123456789",
                      "sip:", "sip:pbx.example.com", "sip:desk@", "sip:@pbx.example.com", "sip:desk@pbx example.com",
                      "sip:<desk@pbx>", "sip:desk@-pbx.example.com", "sip:desk@pbx.example.com:99999", "sip:desk@pbx.example.com;a=\"b\"",
                      "sips:desk@pbx.example.com", "SIP:desk@pbx.example.com", "tel:+15551234567", "http://example.com", ""])
    func refusedDestinations(_ text: String) {
        #expect(TransferDestination(text) == nil)
    }

    /// Errors point at the line, like every other script error.
    @Test func badDestinationsFailAtLoadWithTheirLine() throws {
        let phone = try #require(scriptLoadError("""
            start: a
            states:
              a:
                say: hi
                transfer: "555-1234"
            """))
        #expect(phone.description == "test.yaml:5:15: \"transfer\" \"555-1234\" of state \"a\" is not " +
            "a phone number as + and 6 to 15 digits (+15551234567) or a SIP URI (sip:desk@pbx.example.com)")

        let notEnd = try #require(scriptLoadError("""
            start: a
            states:
              a:
                transfer: "+15551234567"
                end: false
            """))
        #expect(notEnd.line == 5)
        #expect(notEnd.message.contains("transfers the call, so it is an end state"))

        let withIntents = try #require(scriptLoadError("""
            start: a
            states:
              a:
                transfer: "sip:desk@pbx.example.com"
                intents:
                  - {name: x, keywords: [x], goto: a}
            """))
        #expect(withIntents.line == 6)
        #expect(withIntents.message == "transfer state \"a\" cannot have \"intents\": the call is over there")

        let notText = try #require(scriptLoadError("""
            start: a
            states:
              a:
                transfer: [1, 2]
            """))
        #expect(notText.line == 4)
        #expect(notText.message == "\"transfer\" must be a string, not a list")
    }
}
