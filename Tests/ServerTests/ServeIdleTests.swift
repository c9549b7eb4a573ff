import Foundation
import Server
import SwitchboardCore
import Testing

extension ServeSuites {
    /// A silent caller: asked whether they are still there after `idle_prompt_s`, and the call
    /// ended after `idle_hangup_s` of silence — counted from when they went quiet, the prompt
    /// included.
    @Suite struct ServeIdleTests {
        @Test func aSilentCallerIsPromptedThenHungUpOn() async throws {
            let directory = try ServeCallTests.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            var configuration = ServeConfiguration(graph: ServeCallTests.embeddedGraph(cacheDir: directory + "/tts"))
            configuration.recordDirectory = directory
            configuration.limits.idlePromptSeconds = 1.5
            configuration.limits.idleHangupSeconds = 6
            configuration.limits.idlePrompt = "Hello? Are you still there?"
            try await withServer(configuration) { server, base in
                let caller = try await TwilioTestCaller(url: base.mediaURL)
                try await caller.start()
                #expect(try await caller.listen { $0.echoed.contains { $0.name == "t1.end" } }, "the greeting")
                let quiet = ContinuousClock.now
                #expect(try await caller.listen { $0.echoed.contains { $0.name == "t2.end" } }, "the idle prompt was played")
                let closed = try await caller.listen(timeout: .seconds(30)) { $0.closed != nil }
                let silence = ContinuousClock.now - quiet
                #expect(closed, "the call was ended")
                #expect(silence >= .seconds(5.5) && silence < .seconds(30), "after about 6 s of silence, not \(silence)")
                #expect(await eventually { server.context.registry.count == 0 })
                let metrics = server.context.metrics.render()
                #expect(metrics.contains("switchboard_idle_prompts_total 1"))
                #expect(metrics.contains("switchboard_idle_hangups_total 1"))
            }
            let transcript = try #require(try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasSuffix(".transcript.jsonl") })
            let agent = try observedLines("\(directory)/\(transcript)").filter { $0["who"] as? String == "agent" }.compactMap { $0["text"] as? String }
            #expect(agent.contains("Are you still there?"), "\(agent)")
        }
    }
}
