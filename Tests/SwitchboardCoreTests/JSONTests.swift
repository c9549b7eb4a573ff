import Testing
@testable import SwitchboardCore

@Suite struct JSONTests {
    @Test func numbersKeepTheirLiteralText() throws {
        let text = #"{"a":1240,"b":0.50,"c":1e3,"d":-0,"e":12345678901234567890}"#
        let value = try JSONParser.parse(text)
        #expect(JSONWriter.string(value) == text)
        #expect(value.object?["a"]?.int == 1240)
        #expect(value.object?["b"]?.double == 0.5)
        #expect(value.object?["c"]?.int == 1000)
    }

    @Test func objectsKeepKeyOrder() throws {
        let text = #"{"z":1,"a":{"y":[true,false,null],"b":"x"},"m":[]}"#
        #expect(JSONWriter.string(try JSONParser.parse(text)) == text)
    }

    @Test func escapesRoundTrip() throws {
        let value = try JSONParser.parse(#""quote \" back \\ slash \/ nl \n tab \t \u00e9 \ud83d\ude00 \u0001""#)
        #expect(value.string == "quote \" back \\ slash / nl \n tab \t é 😀 \u{01}")
        let written = JSONWriter.string(value)
        #expect(!written.contains("\n"))
        #expect(try JSONParser.parse(written) == value)
    }

    @Test(arguments: [
        #"{"a":1,}"#, #"{"a" 1}"#, #"[1,2"#, #"{"a":01}"#, #"{"a":1.}"#, #"{"a":tru}"#, "{\"a\":\"x\ny\"}",
        #"{"a":"\ud800"}"#, #"{"a":"\udc00x"}"#, #"{"a":"\x"}"#, #"{"a":1} extra"#, #"{'a':1}"#, "",
    ])
    func rejectsInvalidJSON(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test func rejectsInvalidUTF8() {
        let bytes: [UInt8] = Array(#"{"a":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
    }

    @Test func limitsNestingDepth() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
        let ok = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
        #expect(try JSONParser.parse(ok) != .null)
    }

    @Test func errorsSayWhere() {
        #expect(throws: JSONParseError(message: "expected ':' after key", position: 5)) {
            try JSONParser.parse(#"{"a" 1}"#)
        }
    }
}
