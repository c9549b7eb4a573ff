import Foundation
import Logging
import Providers
import Runtime
import StageOptions
import Supervisor
import Testing
import SwitchboardCore

/// Cancelling a call releases what it holds outside the process's tasks too.
@Suite struct CallCancellationTests {
    /// An LLM request hanging on a provider that stalls mid-answer is aborted when its call is
    /// cancelled: no curl transfer is left running.
    @Test func cancellingACallAbortsItsProviderRequest() async throws {
        let http = HTTPClient()
        var configuration = MockConfiguration()
        configuration.replies = ["One two three four five six seven."]
        var stall = MockFaults()
        stall.stallAfter = 2
        configuration.faults[.chat] = stall
        var mockLogger = Logger(label: "switchboard.mock-providers")
        mockLogger.logLevel = .warning  // a passing run should not print every request served
        try await MockProviders(configuration: configuration, logger: mockLogger).serving { base in
            let logger = Logger(label: "test")
            let factory = BuiltInStages(resources: SharedResources(http: http, environment: [:]), logger: logger)
            let graph = try CallGraph(
                GraphDescription(parsing: "llm-stream --engine openai --base-url \(base)/v1 --stall-ms 600000"),
                factory: factory, stall: .seconds(30), logger: logger)
            let input = FrameChannel()
            let output = GatedSink()
            let call = Task { try await graph.run(input: input, output: output) }
            try await input.send(.event(.text("hello")))
            #expect(try await output.wait { $0.contains { $0.event?.type == "token" } }, "the answer began")
            #expect(http.activeTransfers == 1)
            call.cancel()
            _ = try? await call.value
            let deadline = ContinuousClock.now + .seconds(60)
            while http.activeTransfers > 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
            #expect(http.activeTransfers == 0, "a curl transfer outlived its call")
        }
    }
}
