import Telephony
import Testing

/// Expected signatures were computed outside Swift, with Python's `hmac` and `hashlib`.
@Suite struct TwilioSignatureTests {
    let token = "12345"
    let url = "https://mycompany.com/myapp.php?foo=1&bar=2"
    let parameters = [
        ("CallSid", "CA1234567890ABCDE"), ("Caller", "+12349013030"), ("Digits", "1234"),
        ("From", "+12349013030"), ("To", "+18005551212"),
    ]
    let expected = "0/KCTR6DLpKmkAf8muzZqo1nDgQ="

    @Test func computesTheReferenceVectors() {
        #expect(TwilioSignature.compute(url: url, parameters: parameters, authToken: token) == expected)
        #expect(TwilioSignature.compute(url: "wss://example.com/media", parameters: [], authToken: token) == "7PR3qMkpDyEJtMrVOY/LDyNq8J8=")
    }

    @Test func parametersAreSortedByNameWhateverOrderTheyCameIn() {
        let shuffled = [parameters[3], parameters[0], parameters[4], parameters[2], parameters[1]]
        #expect(TwilioSignature.compute(url: url, parameters: shuffled, authToken: token) == expected)
        #expect(TwilioSignature.isValid(signature: expected, url: url, parameters: shuffled, authToken: token))
    }

    /// What the server does with a webhook: parse the body, check the header.
    @Test func aParsedFormBodyValidates() throws {
        let body = "To=%2B18005551212&CallSid=CA1234567890ABCDE&Caller=%2B12349013030&Digits=1234&From=%2B12349013030"
        let form = try FormParameters(parsing: body)
        #expect(TwilioSignature.isValid(signature: expected, url: url, parameters: form.tuples, authToken: token))
        // An unescaped `+` is a space in a form body: that is a different request.
        let spaced = try FormParameters(parsing: body.replacingOccurrences(of: "%2B", with: "+"))
        #expect(!TwilioSignature.isValid(signature: expected, url: url, parameters: spaced.tuples, authToken: token))
    }

    @Test func anythingChangedFails() {
        #expect(TwilioSignature.isValid(signature: expected, url: url, parameters: parameters, authToken: token))
        var changed = parameters
        changed[2] = ("Digits", "1235")
        #expect(!TwilioSignature.isValid(signature: expected, url: url, parameters: changed, authToken: token))
        #expect(!TwilioSignature.isValid(signature: expected, url: url, parameters: parameters + [("Extra", "")], authToken: token))
        #expect(!TwilioSignature.isValid(signature: expected, url: url, parameters: Array(parameters.dropLast()), authToken: token))
        #expect(!TwilioSignature.isValid(signature: expected, url: url + "&baz=3", parameters: parameters, authToken: token))
        #expect(!TwilioSignature.isValid(signature: expected, url: "http://mycompany.com/myapp.php?foo=1&bar=2", parameters: parameters, authToken: token))
        #expect(!TwilioSignature.isValid(signature: expected, url: url, parameters: parameters, authToken: "12346"))
        #expect(!TwilioSignature.isValid(signature: "1/KCTR6DLpKmkAf8muzZqo1nDgQ=", url: url, parameters: parameters, authToken: token))
        #expect(!TwilioSignature.isValid(signature: String(expected.dropLast()), url: url, parameters: parameters, authToken: token))
    }

    @Test func aMissingOrEmptySignatureOrTokenFails() {
        #expect(!TwilioSignature.isValid(signature: nil, url: url, parameters: parameters, authToken: token))
        #expect(!TwilioSignature.isValid(signature: "", url: url, parameters: parameters, authToken: token))
        // Anyone can compute a signature keyed by an empty token.
        let forged = TwilioSignature.compute(url: url, parameters: parameters, authToken: "")
        #expect(!TwilioSignature.isValid(signature: forged, url: url, parameters: parameters, authToken: ""))
    }

    /// Twilio may sign with or without the default port; the server may see either form.
    @Test func theDefaultPortIsAcceptedAddedOrStripped() {
        let withPort = "https://mycompany.com:443/myapp.php?foo=1&bar=2"
        let signedWithPort = "EpDEmp1PyjDYp77YxYU3GILBWzE="
        #expect(TwilioSignature.compute(url: withPort, parameters: parameters, authToken: token) == signedWithPort)
        // Signed without the port, seen with it, and the other way round.
        #expect(TwilioSignature.isValid(signature: expected, url: withPort, parameters: parameters, authToken: token))
        #expect(TwilioSignature.isValid(signature: signedWithPort, url: url, parameters: parameters, authToken: token))

        let signedWss443 = "zyyJQiPZXIGCLy3HYdHEfry0yDg="
        #expect(TwilioSignature.isValid(signature: "7PR3qMkpDyEJtMrVOY/LDyNq8J8=", url: "wss://example.com:443/media", parameters: [], authToken: token))
        #expect(TwilioSignature.isValid(signature: signedWss443, url: "wss://example.com/media", parameters: [], authToken: token))
    }

    @Test func onlyTheSchemesDefaultPortIsToggled() {
        let http80 = TwilioSignature.compute(url: "http://example.com:80/twiml", parameters: [], authToken: token)
        #expect(TwilioSignature.isValid(signature: http80, url: "http://example.com/twiml", parameters: [], authToken: token))
        let ws80 = TwilioSignature.compute(url: "ws://example.com:80/media", parameters: [], authToken: token)
        #expect(TwilioSignature.isValid(signature: ws80, url: "ws://example.com/media", parameters: [], authToken: token))
        // :443 is not http's default, and another port is another address.
        let http443 = TwilioSignature.compute(url: "http://example.com:443/twiml", parameters: [], authToken: token)
        #expect(!TwilioSignature.isValid(signature: http443, url: "http://example.com/twiml", parameters: [], authToken: token))
        let https8443 = TwilioSignature.compute(url: "https://example.com:8443/twiml", parameters: [], authToken: token)
        #expect(!TwilioSignature.isValid(signature: https8443, url: "https://example.com/twiml", parameters: [], authToken: token))
        // Userinfo's colon is not a port.
        let userinfo = TwilioSignature.compute(url: "https://user:pw@example.com:443/x", parameters: [], authToken: token)
        #expect(TwilioSignature.isValid(signature: userinfo, url: "https://user:pw@example.com/x", parameters: [], authToken: token))
    }

    /// Each value of a repeated name is signed, values sorted, whatever their order in the body.
    @Test func repeatedNamesSignEveryValueSorted() {
        let url = "https://example.com/status"
        let signed = "FMgrCCtS32ZE79VLtGIrg7MIjA4=" // over "…/statusTracksinboundTracksoutbound"
        let repeated = [("Tracks", "outbound"), ("Tracks", "inbound")]
        #expect(TwilioSignature.compute(url: url, parameters: repeated, authToken: token) == signed)
        #expect(TwilioSignature.isValid(signature: signed, url: url, parameters: repeated, authToken: token))
        #expect(!TwilioSignature.isValid(signature: signed, url: url, parameters: [("Tracks", "inbound")], authToken: token))
    }

    /// Twilio's helper libraries sign a repeated identical value once; both forms are accepted.
    @Test func aRepeatedIdenticalValueIsAcceptedSignedOnceOrTwice() {
        let url = "https://example.com/status"
        let twice = [("A", "1"), ("A", "1")]
        let signedTwice = TwilioSignature.compute(url: url, parameters: twice, authToken: token)
        let signedOnce = TwilioSignature.compute(url: url, parameters: [("A", "1")], authToken: token)
        #expect(signedTwice != signedOnce)
        #expect(TwilioSignature.isValid(signature: signedTwice, url: url, parameters: twice, authToken: token))
        #expect(TwilioSignature.isValid(signature: signedOnce, url: url, parameters: twice, authToken: token))
    }

    @Test func jsonBodiesAreCoveredByTheirHashInTheSignedURL() {
        let body = Array(#"{"a":1}"#.utf8)
        let hash = "015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862"
        #expect(TwilioSignature.bodySHA256(body) == hash)
        let url = "https://example.com/hook?bodySHA256=" + hash
        let signed = "2e7mH/NA6FwzvUqLZxhsETU/4bw="
        #expect(TwilioSignature.isValid(signature: signed, url: url, jsonBody: body, authToken: token))
        #expect(!TwilioSignature.isValid(signature: signed, url: url, jsonBody: Array(#"{"a":2}"#.utf8), authToken: token))
        #expect(!TwilioSignature.isValid(signature: nil, url: url, jsonBody: body, authToken: token))
        let unhashed = TwilioSignature.compute(url: "https://example.com/hook", parameters: [], authToken: token)
        #expect(!TwilioSignature.isValid(signature: unhashed, url: "https://example.com/hook", jsonBody: body, authToken: token))
    }

    @Test func constantTimeCompare() {
        #expect(TwilioSignature.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!TwilioSignature.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!TwilioSignature.constantTimeEqual([9, 2, 3], [1, 2, 3]))
        #expect(!TwilioSignature.constantTimeEqual([1, 2], [1, 2, 3]))
        #expect(TwilioSignature.constantTimeEqual([], []))
    }
}
