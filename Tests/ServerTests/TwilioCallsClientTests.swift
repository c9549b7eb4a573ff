import Foundation
import Logging
import Providers
@testable import Server
import Supervisor
import Telephony
import Testing

/// `TwilioCallsClient` against the REST stand-in of `switchboard mock-providers` on 127.0.0.1:
/// what reaches Twilio for a hang-up and a transfer, and each way it can go wrong.
@Suite struct TwilioCallsClientTests {
    static let callSID = "CA0123456789abcdef0123456789abcdef"
    static let logger = Logger(label: "test.twilio-calls") { _ in SwiftLogNoOpLogHandler() }

    func withTwilio<T: Sendable>(_ configure: (inout MockConfiguration) -> Void = { _ in },
                                 _ body: (String, MockProviders) async throws -> T) async throws -> T {
        var configuration = MockConfiguration()
        configure(&configuration)
        let mock = MockProviders(configuration: configuration, logger: Self.logger)
        return try await mock.serving { base in try await body(base, mock) }
    }

    func client(_ base: String, token: String = "test-token", deadline: Duration = .seconds(10)) -> TwilioCallsClient {
        TwilioCallsClient(accountSID: "ACtest", authToken: token, baseURL: base + "/", deadline: deadline)
    }

    @Test func hangUpCompletesTheCall() async throws {
        try await withTwilio { base, mock async throws in
            #expect(try await client(base).hangUp(callSID: Self.callSID) == .done)
            let update = try #require(mock.twilioCallUpdates.first)
            #expect(update.account == "ACtest" && update.call == Self.callSID)
            #expect(update.authenticated)
            #expect(update.fields == ["Status": "completed"])
        }
    }

    @Test func transferToANumberDialsIt() async throws {
        try await withTwilio { base, mock async throws in
            #expect(try await client(base).transfer(callSID: Self.callSID, to: "+15551234567") == .done)
            let twiml = try #require(mock.twilioCallUpdates.first?.fields["Twiml"])
            #expect(twiml == #"<?xml version="1.0" encoding="UTF-8"?><Response><Dial>+15551234567</Dial></Response>"#)
            #expect(mock.twilioCallUpdates.first?.fields.count == 1, "no Status: the call goes on, dialled through")
        }
    }

    @Test func transferToASIPURIDialsItAsSip() async throws {
        try await withTwilio { base, mock async throws in
            let target = "sip:desk@pbx.example.com;transport=tls"
            #expect(try await client(base).transfer(callSID: Self.callSID, to: target) == .done)
            let twiml = try #require(mock.twilioCallUpdates.first?.fields["Twiml"])
            #expect(twiml.hasSuffix("<Response><Dial><Sip>sip:desk@pbx.example.com;transport=tls</Sip></Dial></Response>"))
        }
    }

    /// A call that already ended (the caller hung up first) is done, not a failure.
    @Test func endedCallIsAlreadyEnded() async throws {
        try await withTwilio({ $0.twilioEndedCalls = [Self.callSID] }) { base, _ async throws in
            #expect(try await client(base).hangUp(callSID: Self.callSID) == .alreadyEnded)
            #expect(try await client(base).transfer(callSID: Self.callSID, to: "+15551234567") == .alreadyEnded)
        }
    }

    @Test func badCredentialsThrowWithoutTheToken() async throws {
        try await withTwilio { base, _ async throws in
            let error = try #require(await thrown {
                try await client(base, token: "not-the-token-xyz").hangUp(callSID: Self.callSID)
            })
            #expect(error.reason == .unauthorized(status: 401, code: 20003, message: "Authenticate"))
            #expect(error.description.contains(Self.callSID))
            #expect(error.description.contains("hang-up"))
            #expect(!error.description.contains("not-the-token-xyz"))
            #expect(!"\(error)".contains(Data("ACtest:not-the-token-xyz".utf8).base64EncodedString()))
        }
    }

    @Test func serverErrorThrows() async throws {
        try await withTwilio({ $0.faults[.twilio] = Self.faults { $0.serverError = 1 } }) { base, _ async throws in
            let error = try #require(await thrown {
                try await client(base).transfer(callSID: Self.callSID, to: "+15551234567")
            })
            #expect(error.reason == .serverError(status: 500, code: 20500, message: "Internal Server Error"))
            #expect(error.action == "transfer")
        }
    }

    /// Twilio answers the head, then nothing: the deadline gives up, well before the mock would.
    @Test func stalledAnswerHitsTheDeadline() async throws {
        try await withTwilio({ $0.faults[.twilio] = Self.faults { $0.stallAfter = 0 } }) { base, _ async throws in
            let started = ContinuousClock.now
            let error = try #require(await thrown {
                try await client(base, deadline: .milliseconds(500)).hangUp(callSID: Self.callSID)
            })
            let took = ContinuousClock.now - started
            #expect(error.reason == .deadlineExceeded(.milliseconds(500)))
            #expect(took >= .milliseconds(450) && took < .seconds(5), "\(took)")
        }
    }

    @Test func nothingListeningIsANetworkError() async throws {
        let error = try #require(await thrown {
            try await TwilioCallsClient(accountSID: "ACtest", authToken: "t", baseURL: "http://127.0.0.1:1").hangUp(callSID: Self.callSID)
        })
        guard case .network = error.reason else {
            Issue.record("expected a network error, got \(error)")
            return
        }
    }

    /// What could never be dialled, or smuggled into the URL, is refused before any request.
    @Test func badTargetsAndSIDsAreRefusedUpFront() async throws {
        try await withTwilio { base, mock async throws in
            let calls = client(base)
            for target in ["5551234567", "+1 555 123 4567", "sip:desk@pbx example.com", "<Play>x</Play>"] {
                let error = try #require(await thrown { try await calls.transfer(callSID: Self.callSID, to: target) })
                #expect(error.reason == .invalidTarget(target))
            }
            for sid in ["", "CA1/../../x", "CA1?x=1", "CA 1"] {
                let error = try #require(await thrown { try await calls.hangUp(callSID: sid) })
                #expect(error.reason == .invalidCallSID)
            }
            #expect(mock.twilioCallUpdates.isEmpty)
        }
    }

    @Test func clientNeedsBothCredentials() {
        var settings = TwilioSettings()
        #expect(TwilioCallsClient(settings: settings) == nil)
        settings.accountSID = "ACtest"
        #expect(TwilioCallsClient(settings: settings) == nil)
        settings.authToken = "t"
        settings.apiBaseURL = "http://127.0.0.1:9/"
        let calls = TwilioCallsClient(settings: settings)
        #expect(calls?.baseURL == "http://127.0.0.1:9")
    }

    /// The error `body` throws; nil (a failed expectation) when it returns.
    func thrown(_ body: () async throws -> TwilioCallsClient.Outcome) async -> TwilioCallsError? {
        do {
            let outcome = try await body()
            Issue.record("expected an error, got \(outcome)")
            return nil
        } catch {
            #expect(error is TwilioCallsError, "\(error)")
            return error as? TwilioCallsError
        }
    }

    static func faults(_ set: (inout MockFaults) -> Void) -> MockFaults {
        var faults = MockFaults()
        set(&faults)
        return faults
    }
}
