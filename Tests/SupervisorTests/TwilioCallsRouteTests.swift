import Foundation
import Providers
import Testing
@testable import Supervisor
import SwitchboardCore

/// The mock's stand-in for Twilio's REST call resource, over a real socket: Basic auth, the
/// form body, the call resource or Twilio's error shape, and a record of what was asked.
@Suite struct TwilioCallsRouteTests {
    let http = HTTPClient()
    static let basic = "Basic " + Data("ACtest:test-token".utf8).base64EncodedString()
    static let form = "application/x-www-form-urlencoded"

    func withTwilio<T: Sendable>(_ configure: (inout MockConfiguration) -> Void = { _ in },
                                 _ body: (String, MockProviders) async throws -> T) async throws -> T {
        var configuration = MockConfiguration()
        configure(&configuration)
        let mock = MockProviders(configuration: configuration, logger: quietMockLogger)
        return try await mock.serving { base in try await body(base, mock) }
    }

    func post(_ url: String, authorization: String? = basic, contentType: String = form, _ body: String) async throws -> (status: Int, json: JSON) {
        var headers: [(name: String, value: String)] = [("Content-Type", contentType)]
        if let authorization { headers.append(("Authorization", authorization)) }
        let response = try await http.execute(HTTPRequest(method: "POST", url: url, headers: headers, body: Array(body.utf8)))
        let bytes = try await response.body.collect()
        return (response.status, try JSONParser.parse(bytes))
    }

    static func callURL(_ base: String, account: String = "ACtest", call: String) -> String {
        "\(base)/2010-04-01/Accounts/\(account)/Calls/\(call).json"
    }

    @Test func hangUpAnswersTheCompletedCallAndIsRecorded() async throws {
        try await withTwilio { base, mock async throws in
            let before = Date()
            let answer = try await post(Self.callURL(base, call: "CA0123456789abcdef"), "Status=completed")
            #expect(answer.status == 200)
            #expect(answer.json.object?["sid"] == "CA0123456789abcdef")
            #expect(answer.json.object?["account_sid"] == "ACtest")
            #expect(answer.json.object?["status"] == "completed")
            let update = try #require(mock.twilioCallUpdates.first)
            #expect(mock.twilioCallUpdates.count == 1)
            #expect(update.account == "ACtest" && update.call == "CA0123456789abcdef")
            #expect(update.fields == ["Status": "completed"])
            #expect(update.authenticated && update.status == 200)
            #expect(update.at >= before && update.at <= Date())
        }
    }

    @Test func twimlAndUrlArriveDecoded() async throws {
        try await withTwilio { base, mock async throws in
            let twiml = #"<?xml version="1.0" encoding="UTF-8"?><Response><Dial>+15551234567</Dial></Response>"#
            let encoded = twiml.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let dial = try await post(Self.callURL(base, call: "CA1"), "Twiml=\(encoded)")
            #expect(dial.status == 200)
            #expect(dial.json.object?["status"] == "in-progress", "a transfer leaves the call up")
            let redirect = try await post(Self.callURL(base, call: "CA2"), "Url=https%3A%2F%2Fexample.com%2Fnext%3Fa%3D1+2&Method=POST")
            #expect(redirect.status == 200)
            let updates = mock.twilioCallUpdates
            #expect(updates.map(\.fields) == [["Twiml": twiml], ["Url": "https://example.com/next?a=1 2", "Method": "POST"]])
        }
    }

    @Test func wrongCredentialsAre401InTwiliosShape() async throws {
        try await withTwilio { base, mock async throws in
            let url = Self.callURL(base, call: "CA1")
            let wrongToken = "Basic " + Data("ACtest:wrong".utf8).base64EncodedString()
            for authorization in [nil, wrongToken, "Bearer test-token", "Basic !!!"] as [String?] {
                let refused = try await post(url, authorization: authorization, "Status=completed")
                #expect(refused.status == 401)
                #expect(refused.json == ["code": 20003, "message": "Authenticate", "more_info": "https://www.twilio.com/docs/errors/20003", "status": 401])
            }
            #expect(mock.twilioCallUpdates.map(\.authenticated) == [false, false, false, false])
            #expect(mock.twilioCallUpdates.allSatisfy { $0.status == 401 })
        }
    }

    @Test func configuredCredentialsAreTheOnesChecked() async throws {
        try await withTwilio({ $0.twilioAccountSID = "AC42"; $0.twilioAuthToken = "s3cret" }) { (base: String, _: MockProviders) async throws in
            let own = "Basic " + Data("AC42:s3cret".utf8).base64EncodedString()
            #expect(try await post(Self.callURL(base, account: "AC42", call: "CA1"), authorization: own, "Status=completed").status == 200)
            #expect(try await post(Self.callURL(base, account: "AC42", call: "CA1"), "Status=completed").status == 401)
            // The right credentials on another account's URL: no such resource.
            #expect(try await post(Self.callURL(base, account: "ACother", call: "CA1"), authorization: own, "Status=completed").status == 404)
        }
    }

    @Test func endedCallsAre404With20404() async throws {
        try await withTwilio({ $0.twilioEndedCalls = ["CAgone"] }) { base, mock async throws in
            let gone = try await post(Self.callURL(base, call: "CAgone"), "Status=completed")
            #expect(gone.status == 404)
            #expect(gone.json.object?["code"] == 20404)
            #expect(gone.json.object?["status"] == 404)
            #expect(try await post(Self.callURL(base, call: "CAlive"), "Status=completed").status == 200)
            #expect(mock.twilioCallUpdates.map(\.status) == [404, 200])
        }
    }

    @Test func malformedUpdatesAre400() async throws {
        try await withTwilio { base, _ async throws in
            let url = Self.callURL(base, call: "CA1")
            #expect(try await post(url, "Status=ringing").status == 400)
            #expect(try await post(url, "Foo=bar").status == 400)
            #expect(try await post(url, "Status=%zz").status == 400)
            #expect(try await post(url, "Twiml=hello").json.object?["code"] == 12100)
            #expect(try await post(url, contentType: "application/json", #"{"Status":"completed"}"#).status == 400)
        }
    }

    /// Faults on the `twilio` route, like any other: a 500 the client must report, then success.
    @Test func faultsApplyToTheRoute() async throws {
        try await withTwilio({ $0.faults[.twilio] = faults { $0.serverError = 1; $0.faultyRequests = 1 } }) { base, mock async throws in
            let url = Self.callURL(base, call: "CA1")
            let failed = try await post(url, "Status=completed")
            #expect(failed.status == 500 && failed.json.object?["code"] == 20500)
            #expect(try await post(url, "Status=completed").status == 200)
            #expect(mock.stats.object?["routes"]?.object?["twilio"]?.object?["requests"] == 2)
        }
    }
}
