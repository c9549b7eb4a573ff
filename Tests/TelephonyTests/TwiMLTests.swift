import Telephony
import Testing

@Suite struct TwiMLTests {
    let xml = #"<?xml version="1.0" encoding="UTF-8"?>"#

    @Test func connectStreamWithEverything() {
        let document = TwiML.connectStream(
            url: "wss://agent.example.com/media",
            parameters: [("tenant", "acme"), ("sessionToken", "abc123")],
            statusCallback: "https://agent.example.com/twilio/status",
            action: "https://agent.example.com/twiml/after")
        #expect(document == xml + #"<Response><Connect action="https://agent.example.com/twiml/after"><Stream url="wss://agent.example.com/media" statusCallback="https://agent.example.com/twilio/status" statusCallbackMethod="POST"><Parameter name="tenant" value="acme"/><Parameter name="sessionToken" value="abc123"/></Stream></Connect></Response>"#)
    }

    @Test func connectStreamLeavesOutWhatIsAbsent() {
        #expect(TwiML.connectStream(url: "wss://a.example/media", parameters: [], statusCallback: nil, action: nil)
            == xml + #"<Response><Connect><Stream url="wss://a.example/media"/></Connect></Response>"#)
        #expect(TwiML.connectStream(url: "wss://a.example/media", parameters: [("k", "v")], statusCallback: nil, action: nil)
            == xml + #"<Response><Connect><Stream url="wss://a.example/media"><Parameter name="k" value="v"/></Stream></Connect></Response>"#)
    }

    @Test func attributeValuesAreEscaped() {
        let document = TwiML.connectStream(
            url: "wss://a.example/media", parameters: [("q\"uote", "Tom & Jerry's <b>\"x\"</b>")],
            statusCallback: "https://a.example/s?x=1&y=2", action: nil)
        #expect(document == xml + #"<Response><Connect><Stream url="wss://a.example/media" statusCallback="https://a.example/s?x=1&amp;y=2" statusCallbackMethod="POST"><Parameter name="q&quot;uote" value="Tom &amp; Jerry&apos;s &lt;b&gt;&quot;x&quot;&lt;/b&gt;"/></Stream></Connect></Response>"#)
    }

    /// Whitespace a parser would fold survives as references; characters XML cannot hold go.
    @Test func controlCharactersAreReferencedOrDropped() {
        #expect(TwiML.escaped("a\tb\nc\rd\u{0}e\u{1B}f\u{FFFF}g é") == "a&#9;b&#10;c&#13;def" + "g é")
    }

    @Test func rejectHangupAndDial() {
        #expect(TwiML.reject(reason: .busy) == xml + #"<Response><Reject reason="busy"/></Response>"#)
        #expect(TwiML.reject(reason: .rejected) == xml + #"<Response><Reject reason="rejected"/></Response>"#)
        #expect(TwiML.hangup() == xml + "<Response><Hangup/></Response>")
        #expect(TwiML.dial("+15551234567") == xml + "<Response><Dial>+15551234567</Dial></Response>")
        #expect(TwiML.dial("sip:agent@pbx.example.com;transport=tls?X-Ticket=7&Y=8")
            == xml + "<Response><Dial><Sip>sip:agent@pbx.example.com;transport=tls?X-Ticket=7&amp;Y=8</Sip></Dial></Response>")
        #expect(TwiML.dial("</Dial><Play>x</Play>") == xml + "<Response><Dial>&lt;/Dial&gt;&lt;Play&gt;x&lt;/Play&gt;</Dial></Response>")
    }

    @Test func dialTargetsAreNumbersOrSIPAddresses() {
        for good in ["+15551234567", "+442071838750", "+12", "+123456789012345",
                     "sip:agent@pbx.example.com", "sip:1001@10.0.0.5:5060", "sip:alice.smith@example.com;transport=tls",
                     "sip:bob@example.com?X-Ticket=7&X-Reason=transfer", "sip:%2B1555@example.com"] {
            #expect(TwiML.isDialTarget(good), "\(good)")
        }
        for junk in ["", "+", "+0123", "+1", "+1234567890123456", "15551234567", "+1 555 123 4567", "+1555-123",
                     "sip:", "sip:@example.com", "sip:agent@", "sip:agent", "sip:agent@-bad.com", "sip:agent@example.com:",
                     "sip:agent@example.com:123456", "sip:a b@example.com", "sip:agent@exa mple.com",
                     "sip:agent@example.com;x=\"y\"", "sip:agent@example.com<x>", "SIP:agent@example.com",
                     "tel:+15551234567", "transfer me", "+1555\n1234",
                     "sip:a@" + String(repeating: "b", count: 600) + ".com"] {
            #expect(!TwiML.isDialTarget(junk), "\(junk)")
        }
    }
}
