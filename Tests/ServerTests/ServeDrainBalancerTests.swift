import Foundation
import Providers
import Server
import Testing

extension ServeSuites {
    /// A draining server behind a load balancer: it answers a new call's `/twiml` and its
    /// `/media` upgrade with 503 and `Retry-After`, which nginx (`proxy_next_upstream http_503`)
    /// retries on another server, while its live calls go on. A full server is not draining:
    /// its caller hears busy.
    @Suite struct ServeDrainBalancerTests {
        static let drainSeconds = 7.0

        static var configuration: ServeConfiguration {
            var configuration = ServeConfiguration(graph: "vad")
            configuration.limits.drainSeconds = drainSeconds
            return configuration
        }

        /// A Media Streams upgrade as Twilio (or nginx on its behalf) sends it.
        static func upgrade(_ base: String) async throws -> (status: Int, retryAfter: String?, body: String) {
            let response = try await HTTPClient.shared.execute(HTTPRequest(url: base + "/media", headers: [
                (name: "Upgrade", value: "websocket"), (name: "Connection", value: "Upgrade"),
                (name: "Sec-WebSocket-Key", value: "dGhlIHNhbXBsZSBub25jZQ=="), (name: "Sec-WebSocket-Version", value: "13"),
            ]))
            let body = try await response.body.collect()
            return (response.status, response.header("Retry-After"), String(decoding: body, as: UTF8.self))
        }

        @Test func drainingRefusesNewCallsWith503WhileTheLiveOneGoesOn() async throws {
            try await withServer(Self.configuration) { server, base in
                let live = try await TwilioTestCaller(url: base.mediaURL)
                try await live.start()
                #expect(await eventually { server.context.registry.entries.count == 1 })
                server.context.registry.startDraining()  // what SIGTERM does

                // The upgrade first: on a fresh connection, as nginx and Twilio send it (one the
                // client pool kept from an earlier request would be redirected to a new one).
                let upgrade = try await Self.upgrade(base)
                #expect(upgrade.status == 503, "not the 400 of a declined upgrade, which no balancer retries: \(upgrade.body)")
                #expect(upgrade.retryAfter == "7")
                #expect(upgrade.body.contains("shutting down"))
                await #expect(throws: (any Error).self, "no socket is opened") { _ = try await TwilioTestCaller(url: base.mediaURL) }

                let twiml = try await HTTPClient.shared.execute(HTTPRequest(method: "POST", url: base + "/twiml",
                    headers: [(name: "Content-Type", value: "application/x-www-form-urlencoded")], body: Array("CallSid=CA2".utf8)))
                _ = try await twiml.body.collect()
                #expect(twiml.status == 503, "nginx takes the call to another server")
                #expect(twiml.header("Retry-After") == "7")

                // The operator's routes still answer; /healthz says why.
                let health = try await TestHTTP.get(base + "/healthz")
                #expect(health.status == 503 && health.body == "draining\n")
                let metrics = try await TestHTTP.get(base + "/metrics").body
                #expect(metrics.contains(#"switchboard_calls_refused_total{reason="draining"} 3"#), "each refusal counted once")

                try await live.say(CallerSpeech.silence(ms: 300))
                #expect(server.context.registry.entries.count == 1, "the live call goes on")
                try await live.stop()
                #expect(await eventually { server.context.registry.count == 0 })
            }
        }

        @Test func aServerTakingCallsUpgradesMediaAndAFullOneSaysBusy() async throws {
            var configuration = Self.configuration
            configuration.limits.maxCalls = 1
            try await withServer(configuration) { server, base in
                let first = try await TwilioTestCaller(url: base.mediaURL)
                try await first.start()
                #expect(await eventually { server.context.registry.entries.count == 1 })
                let twiml = try await TestHTTP.post(base + "/twiml", form: [("CallSid", "CA2")])
                #expect(twiml.status == 200 && twiml.body.contains(#"<Reject reason="busy"/>"#), "\(twiml.status) \(twiml.body)")
                // The socket opens (a call the server took at /twiml before it filled may come),
                // and is closed at once: there is no room for it.
                let second = try await TwilioTestCaller(url: base.mediaURL)
                // The server may close before the caller's `start` is written (a loaded machine
                // did): the write failing is that race, not a failure; the close reason is the test.
                try? await second.start()
                let closed = await second.waitUntilClosed()
                #expect(closed?.reason.contains("at capacity") == true, "\(String(describing: closed))")
                try await first.stop()
            }
        }
    }
}
