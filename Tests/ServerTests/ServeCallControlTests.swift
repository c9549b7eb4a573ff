import Foundation
import Logging
import Server
import Supervisor
import SwitchboardCore
import Telephony
import Testing

extension ServeSuites {
    /// Hang-up and transfer asked for by the dialogue reach Twilio's REST API (the mock's) only
    /// after the audio before them has been played; without credentials the stream is closed and
    /// `/twilio/after` answers.
    @Suite struct ServeCallControlTests {
        static let token = "test-token"

        func withTwilioMock<T: Sendable>(_ body: (String, MockProviders) async throws -> T) async throws -> T {
            let mock = MockProviders(configuration: MockConfiguration(), logger: Logger(label: "test.mock") { _ in SwiftLogNoOpLogHandler() })
            return try await mock.serving { base in try await body(base, mock) }
        }

        static func configuration(_ directory: String, twilio: String?) -> ServeConfiguration {
            var configuration = ServeConfiguration(graph: ServeCallTests.embeddedGraph(cacheDir: directory + "/tts"))
            configuration.limits.idlePromptSeconds = nil
            configuration.limits.idleHangupSeconds = nil
            if let twilio {
                configuration.twilio.accountSID = "ACtest"
                configuration.twilio.authToken = token
                configuration.twilio.apiBaseURL = twilio
            }
            return configuration
        }

        /// A caller on a server with a Twilio account: the upgrade is signed.
        static func signedCaller(_ base: String) async throws -> TwilioTestCaller {
            let signature = TwilioSignature.compute(url: base.mediaURL, parameters: [], authToken: token)
            return try await TwilioTestCaller(url: base.mediaURL, headers: [("X-Twilio-Signature", signature)])
        }

        /// Says `words` after the greeting, then waits for `done`.
        static func converse(_ caller: TwilioTestCaller, _ words: String, until done: @escaping () -> Bool) async throws {
            try await caller.start()
            #expect(try await caller.listen { $0.echoed.contains { $0.name == "t1.end" } }, "the greeting was played")
            try await caller.say(try await CallerSpeech.mulaw(words))
            #expect(try await caller.listen { _ in done() }, "\(caller.events.suffix(8))")
        }

        @Test func goodbyeHangsUpThroughTheRESTAPIOnceHeard() async throws {
            let directory = try ServeCallTests.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            try await withTwilioMock { twilio, mock in
                let calls = TwilioCallsClient(accountSID: "ACtest", authToken: Self.token, baseURL: twilio + "/")
                try await withServer(Self.configuration(directory, twilio: twilio), calls: calls) { server, base in
                    let caller = try await Self.signedCaller(base)
                    try await Self.converse(caller, "goodbye") { !mock.twilioCallUpdates.isEmpty }
                    let update = try #require(mock.twilioCallUpdates.first)
                    #expect(update.call == caller.callSid && update.authenticated)
                    #expect(update.fields == ["Status": "completed"])
                    let goodbye = try #require(caller.snapshot.echoed.first { $0.name == "t2.end" }, "the goodbye was played")
                    #expect(update.at >= goodbye.date, "hung up after the goodbye was heard")
                    #expect(await caller.waitUntilClosed() != nil)
                    #expect(await eventually { server.context.registry.count == 0 })
                    #expect(server.context.metrics.render().contains("switchboard_agent_hangups_total 1"))
                }
            }
        }

        @Test func askingForAPersonTransfersThroughTheRESTAPI() async throws {
            let directory = try ServeCallTests.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            try await withTwilioMock { twilio, mock in
                let calls = TwilioCallsClient(accountSID: "ACtest", authToken: Self.token, baseURL: twilio + "/")
                try await withServer(Self.configuration(directory, twilio: twilio), calls: calls) { _, base in
                    let caller = try await Self.signedCaller(base)
                    try await Self.converse(caller, "can i speak to a person") { !mock.twilioCallUpdates.isEmpty }
                    let update = try #require(mock.twilioCallUpdates.first)
                    #expect(update.fields["Twiml"] == TwiML.dial("+15555550100"))
                    let heard = try #require(caller.snapshot.echoed.first { $0.name == "t2.end" }, "the hand-over line was played")
                    #expect(update.at >= heard.date)
                }
            }
        }

        @Test func withoutCredentialsTheStreamClosesAndTheActionDials() async throws {
            let directory = try ServeCallTests.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            try await withServer(Self.configuration(directory, twilio: nil)) { _, base in
                let caller = try await TwilioTestCaller(url: base.mediaURL)
                try await Self.converse(caller, "can i speak to a person") { caller.snapshot.closed != nil }
                #expect(caller.snapshot.echoed.contains { $0.name == "t2.end" }, "closed after the hand-over line was played")
                let after = try await TestHTTP.post(base + "/twilio/after", form: [("CallSid", caller.callSid)])
                #expect(after.body.contains("<Dial>+15555550100</Dial>"), "\(after.body)")
                let again = try await TestHTTP.post(base + "/twilio/after", form: [("CallSid", caller.callSid)])
                #expect(again.body.contains("<Hangup/>"), "taken once")
            }
        }
    }
}
