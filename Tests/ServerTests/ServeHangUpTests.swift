import Foundation
import Logging
import Providers
import Server
import StageOptions
import Supervisor
import SwitchboardCore
import Testing

extension ServeSuites {
    /// The caller hangs up while the agent is still being synthesized: the call's provider
    /// request is aborted at once and the call leaves the server, whether Twilio said `stop` or
    /// the socket just went.
    @Suite(.serialized) struct ServeHangUpTests {
        @Test(arguments: [true, false])
        func hangingUpMidSentenceAbortsTheProviderRequest(withStop: Bool) async throws {
            var mockConfiguration = MockConfiguration()
            var slow = MockFaults()
            slow.ttfbMs = 300_000  // the speech never starts while the test runs
            mockConfiguration.faults[.speech] = slow
            let mock = MockProviders(configuration: mockConfiguration, logger: Logger(label: "test.mock") { _ in SwiftLogNoOpLogHandler() })
            try await mock.serving { provider in
                let http = HTTPClient()
                let resources = SharedResources(http: http, environment: ["OPENAI_API_KEY": "test-key"])
                var configuration = ServeConfiguration(graph: "mulaw-decode | llm-stream --script \(ServeCallTests.script) --words-per-second 0"
                    + " | sentence-split | tts-cache --engine openai --endpoint \(provider)/v1 --cache off | mulaw-encode")
                configuration.limits.idlePromptSeconds = nil
                configuration.limits.idleHangupSeconds = nil
                try await withServer(configuration, resources: resources) { server, base in
                    let caller = try await TwilioTestCaller(url: base.mediaURL)
                    try await caller.start()
                    #expect(await eventually { http.activeTransfers > 0 }, "the greeting is being synthesized")
                    if withStop { try await caller.stop() } else { caller.connection.cancel() }
                    // The provider would answer in 5 minutes: a request that ends within the
                    // wait was aborted.
                    #expect(await eventually { http.activeTransfers == 0 }, "the provider request was aborted")
                    #expect(await eventually { server.context.registry.count == 0 })
                    #expect(caller.snapshot.agentAudio.isEmpty)
                }
            }
        }
    }
}
