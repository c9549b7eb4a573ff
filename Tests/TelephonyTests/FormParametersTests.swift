import Telephony
import Testing

@Suite struct FormParametersTests {
    @Test func decodesPlusAndPercentEscapesKeepingOrderAndRepeats() throws {
        let form = try FormParameters(parsing: "From=%2B15551234567&SpeechResult=hello+there%21&Tracks=inbound&Tracks=outbound&Caf%C3%A9=cr%c3%a8me")
        #expect(form.pairs == [
            .init(name: "From", value: "+15551234567"), .init(name: "SpeechResult", value: "hello there!"),
            .init(name: "Tracks", value: "inbound"), .init(name: "Tracks", value: "outbound"),
            .init(name: "Café", value: "crème"),
        ])
        #expect(form["Tracks"] == "inbound")
        #expect(form.values(named: "Tracks") == ["inbound", "outbound"])
        #expect(form["Missing"] == nil)
    }

    @Test func emptyPiecesAreSkippedAndABareNameHasAnEmptyValue() throws {
        let form = try FormParameters(parsing: "&a=1&&flag&b=&=x&c=1=2&")
        #expect(form.pairs == [
            .init(name: "a", value: "1"), .init(name: "flag", value: ""), .init(name: "b", value: ""),
            .init(name: "", value: "x"), .init(name: "c", value: "1=2"),
        ])
        #expect(try FormParameters(parsing: "").pairs.isEmpty)
    }

    @Test func aBrokenEscapeIsAnErrorNamingThePart() {
        for (body, part) in [("a=1&b=%zz", "b=%zz"), ("a=50%", "a=50%"), ("x%4=1&y=2", "x%4=1"), ("v=%A", "v=%A")] {
            #expect(throws: FormParameters.DecodingError(reason: .badPercentEscape, part: part)) {
                try FormParameters(parsing: body)
            }
        }
        let error = FormParameters.DecodingError(reason: .badPercentEscape, part: "b=%zz")
        #expect(error.description.contains("\"b=%zz\""))
    }

    @Test func bytesThatAreNotUTF8AreAnError() {
        #expect(throws: FormParameters.DecodingError(reason: .invalidUTF8, part: "name=%C3%28")) {
            try FormParameters(parsing: "ok=1&name=%C3%28")
        }
        #expect(throws: FormParameters.DecodingError(reason: .invalidUTF8, part: "raw=\u{FFFD}")) {
            try FormParameters(parsing: [UInt8]("raw=".utf8) + [0xFF])
        }
    }

    /// A huge bad piece is not copied whole into the error (it ends up in a log line).
    @Test func theErrorShowsAShortenedPart() {
        let long = "v=" + String(repeating: "a", count: 500) + "%"
        do {
            _ = try FormParameters(parsing: long)
            Issue.record("expected an error")
        } catch {
            #expect(error.part.count == 61)
            #expect(error.part.hasPrefix("v=aaa") && error.part.hasSuffix("…"))
        }
    }

    @Test func encodesEverythingButUnreservedCharactersWithSpaceAsPercent20() {
        let form = FormParameters([("Twiml", "<Response><Dial>+15551234567</Dial></Response>"), ("Status", "completed"), ("Note", "a b&c=d~é_-.")])
        #expect(form.encoded == "Twiml=%3CResponse%3E%3CDial%3E%2B15551234567%3C%2FDial%3E%3C%2FResponse%3E&Status=completed&Note=a%20b%26c%3Dd~%C3%A9_-.")
        #expect(FormParameters.percentEncoded("AZaz09-._~") == "AZaz09-._~")
        #expect(FormParameters.percentEncoded("/?#[]@!$'()*+,;% ") == "%2F%3F%23%5B%5D%40%21%24%27%28%29%2A%2B%2C%3B%25%20")
    }

    @Test func encodingThenParsingGivesThePairsBack() throws {
        let pairs: [(String, String)] = [("a b", "c+d"), ("ünï", "😀 & 100%"), ("empty", ""), ("a b", "again")]
        let form = FormParameters(pairs)
        #expect(try FormParameters(parsing: form.encoded) == form)
    }
}
