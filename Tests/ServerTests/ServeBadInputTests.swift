import Foundation
import Server
import SwitchboardCore
import Testing

extension ServeSuites {
    /// Malformed Twilio messages and misbehaving clients: counted, the call goes on or ends
    /// cleanly, its place is given back, and other calls are untouched.
    @Suite struct ServeBadInputTests {
        static func configuration(startTimeout: Double = 30) -> ServeConfiguration {
            var configuration = ServeConfiguration(graph: "vad")
            configuration.limits.startTimeoutSeconds = startTimeout
            return configuration
        }

        @Test func badMessagesAreSkippedAndTheCallGoesOn() async throws {
            try await withServer(Self.configuration()) { server, base in
                let caller = try await TwilioTestCaller(url: base.mediaURL)
                try await caller.connection.send(text: #"{"event":"media","media":{"payload":"/w=="}}"#)  // before start
                try await caller.start()
                try await caller.connection.send(text: "{not json")
                try await caller.connection.send(text: #"{"event":"dance"}"#)
                try await caller.connection.send(text: #"{"event":"media","media":{"payload":"%%%"}}"#)
                try await caller.connection.send(binary: [1, 2, 3])
                try await caller.say(CallerSpeech.silence(ms: 200))
                #expect(await eventually { server.context.metrics.render().contains(#"kind="binary""#) })
                let metrics = server.context.metrics.render()
                for kind in ["media_before_start", "bad_json", "unknown_event", "binary"] {
                    #expect(metrics.contains(#"switchboard_bad_twilio_messages_total{kind="\#(kind)"}"#), "\(kind)")
                }
                #expect(server.context.registry.entries.count == 1, "the call is still up")
                try await caller.stop()
                #expect(await eventually { server.context.registry.count == 0 })
            }
        }

        @Test func aHugeMessageClosesThatCallOnly() async throws {
            try await withServer(Self.configuration()) { server, base in
                let other = try await TwilioTestCaller(url: base.mediaURL)
                try await other.start()
                let hostile = try await TwilioTestCaller(url: base.mediaURL)
                try await hostile.start()
                #expect(await eventually { server.context.registry.entries.count == 2 })
                try? await hostile.connection.send(text: #"{"event":"media","media":{"payload":""# + String(repeating: "A", count: 1 << 20) + #""}}"#)
                #expect(await hostile.waitUntilClosed() != nil)
                #expect(await eventually { server.context.registry.entries.count == 1 }, "its place is given back")
                try await other.say(CallerSpeech.silence(ms: 100))
                #expect(server.context.registry.entries.first?.call.id == other.callSid)
                try await other.stop()
            }
        }

        @Test func aClientThatNeverStartsIsClosed() async throws {
            try await withServer(Self.configuration(startTimeout: 1)) { server, base in
                let silent = try await TwilioTestCaller(url: base.mediaURL)
                try await silent.sendConnected()
                let closed = await silent.waitUntilClosed(timeout: .seconds(30))
                #expect(closed?.reason == "no start message")
                #expect(await eventually { server.context.registry.count == 0 })
                #expect(server.context.metrics.render().contains(#"kind="no_start""#))
            }
        }

        @Test func aClientThatVanishesWithoutStopReleasesTheCall() async throws {
            try await withServer(Self.configuration()) { server, base in
                let caller = try await TwilioTestCaller(url: base.mediaURL)
                try await caller.start()
                try await caller.say(CallerSpeech.silence(ms: 100), realTime: false)
                #expect(await eventually { server.context.registry.entries.count == 1 })
                caller.connection.cancel()
                #expect(await eventually { server.context.registry.count == 0 }, "released without a stop")
                #expect(server.context.metrics.render().contains("switchboard_calls_ended_total 1"))
            }
        }
    }
}
