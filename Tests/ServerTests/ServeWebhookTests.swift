import Foundation
import Providers
import Server
import SwitchboardCore
import Telephony
import Testing

extension ServeSuites {
    /// `/twiml`, the socket upgrade and the other routes: signatures, refusals, metrics.
    @Suite struct ServeWebhookTests {
        static let token = "test-auth-token"
        static let publicURL = "https://agent.example.com"
        /// A graph that answers nothing: enough for routes and limits.
        static let quietGraph = "vad"

        static func signed() -> ServeConfiguration {
            var configuration = ServeConfiguration(graph: quietGraph)
            configuration.publicURL = publicURL
            configuration.twilio.authToken = token
            configuration.streamParameters = ["tenant": "clinic"]
            return configuration
        }

        static let callForm = [("AccountSid", "ACtest"), ("CallSid", "CA1"), ("From", "+15550001111"), ("To", "+15550002222")]

        @Test func twimlConnectsTheStreamToThePublicURL() async throws {
            try await withServer(Self.signed()) { _, base in
                let reply = try await TestHTTP.post(base + "/twiml?tenant=shop", form: Self.callForm, token: Self.token,
                    signedURL: Self.publicURL + "/twiml?tenant=shop")
                #expect(reply.status == 200)
                #expect(reply.contentType == "application/xml")
                #expect(reply.body.contains(#"<Stream url="wss://agent.example.com/media""#), "the public URL, not the Host header: \(reply.body)")
                #expect(reply.body.contains(#"<Parameter name="tenant" value="shop"/>"#), "the webhook's tenant wins")
                #expect(reply.body.contains(#"statusCallback="https://agent.example.com/twilio/status""#))
                #expect(reply.body.contains(#"<Connect action="https://agent.example.com/twilio/after">"#))
            }
        }

        @Test(arguments: [("bad", "AAAAAAAAAAAAAAAAAAAAAAAAAAA="), ("missing", nil)])
        func twimlRefusesABadOrMissingSignature(_ kind: String, _ signature: String?) async throws {
            try await withServer(Self.signed()) { server, base in
                let reply = try await TestHTTP.post(base + "/twiml", form: Self.callForm, signature: signature)
                #expect(reply.status == 403, "\(kind)")
                #expect(!reply.body.contains(Self.token))
                #expect(server.context.metrics.render().contains("switchboard_bad_signatures_total 1"))
            }
        }

        @Test func aSignatureForOtherParametersIsRefused() async throws {
            try await withServer(Self.signed()) { _, base in
                let other = TwilioSignature.compute(url: Self.publicURL + "/twiml", parameters: [("CallSid", "CA2")], authToken: Self.token)
                let reply = try await TestHTTP.post(base + "/twiml", form: Self.callForm, signature: other)
                #expect(reply.status == 403)
            }
        }

        @Test func theSocketUpgradeIsSignedWithTheStreamURL() async throws {
            try await withServer(Self.signed()) { server, base in
                let good = TwilioSignature.compute(url: "wss://agent.example.com/media", parameters: [], authToken: Self.token)
                let caller = try await TwilioTestCaller(url: base.mediaURL, headers: [("X-Twilio-Signature", good)])
                try await caller.start()
                #expect(try await caller.listen(timeout: .seconds(30)) { _ in server.context.registry.count == 1 })
                try await caller.stop()
                for headers in [[("X-Twilio-Signature", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=")], []] {
                    await #expect(throws: (any Error).self) { _ = try await TwilioTestCaller(url: base.mediaURL, headers: headers) }
                }
                #expect(server.context.metrics.render().contains("switchboard_bad_signatures_total 2"))
            }
        }

        @Test func beyondMaxCallsNewCallsAreRefused() async throws {
            var configuration = ServeConfiguration(graph: Self.quietGraph)
            configuration.limits.maxCalls = 1
            try await withServer(configuration) { server, base in
                let first = try await TwilioTestCaller(url: base.mediaURL)
                try await first.start()
                #expect(try await first.listen(timeout: .seconds(30)) { _ in server.context.registry.entries.count == 1 })
                let twiml = try await TestHTTP.post(base + "/twiml", form: Self.callForm)
                #expect(twiml.body.contains(#"<Reject reason="busy"/>"#), "\(twiml.body)")
                let second = try await TwilioTestCaller(url: base.mediaURL)
                // The server may close the refused socket before its `start` can be sent.
                try? await second.start()
                let closed = await second.waitUntilClosed()
                #expect(closed?.reason.contains("at capacity") == true, "\(String(describing: closed))")
                #expect(server.context.metrics.render().contains(#"switchboard_calls_refused_total{reason="at_capacity"} 2"#))
                try await first.stop()
            }
        }

        @Test func healthMetricsAndCalls() async throws {
            try await withServer(ServeConfiguration(graph: Self.quietGraph)) { server, base in
                #expect(try await TestHTTP.get(base + "/healthz").status == 200)
                let caller = try await TwilioTestCaller(url: base.mediaURL)
                try await caller.start(tenant: "clinic")
                #expect(try await caller.listen(timeout: .seconds(30)) { _ in server.context.registry.entries.count == 1 })
                let calls = try await TestHTTP.get(base + "/calls")
                let list = try #require(try JSONParser.parse(Array(calls.body.utf8)).array)
                let call = try #require(list.first?.object)
                #expect(call["id"]?.string == caller.callSid)
                #expect(call["tenant"]?.string == "clinic")
                #expect(call["nodes"]?.array?.first?.object?["name"]?.string == "vad")
                #expect(call["nodes"]?.array?.first?.object?["state"]?.string == "running")
                let metrics = try await TestHTTP.get(base + "/metrics")
                #expect(metrics.contentType?.hasPrefix("text/plain") == true)
                #expect(metrics.body.contains("switchboard_calls_active 1"))
                #expect(metrics.body.contains("switchboard_calls_started_total 1"))
                try await caller.stop()
                #expect(await eventually { server.context.registry.count == 0 }, "the call left /calls")
            }
        }

        @Test func streamErrorsAreCountedByCode() async throws {
            try await withServer(ServeConfiguration(graph: Self.quietGraph)) { server, base in
                let form = [("AccountSid", "ACtest"), ("CallSid", "CA1"), ("StreamSid", "MZ1"), ("StreamEvent", "stream-error"),
                            ("StreamError", "31921 - Stream - WebSocket - Close Error")]
                let reply = try await TestHTTP.post(base + "/twilio/status", form: form)
                #expect(reply.status == 204)
                #expect(server.context.metrics.render().contains(#"switchboard_twilio_stream_errors_total{code="31921"} 1"#))
            }
        }

        @Test func afterAStreamWeClosedTheCallHangsUp() async throws {
            try await withServer(ServeConfiguration(graph: Self.quietGraph)) { _, base in
                let reply = try await TestHTTP.post(base + "/twilio/after", form: Self.callForm)
                #expect(reply.body.contains("<Hangup/>"))
            }
        }
    }
}
