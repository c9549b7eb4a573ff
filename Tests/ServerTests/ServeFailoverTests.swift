import Foundation
import Server
import SwitchboardCore
import Testing

extension ServeSuites {
    /// A graph with subprocess nodes: a Python stage (`Examples/gain.py`) in the audio path, and
    /// llm-stream run as its own process with the built-in one as its `||` stand-in. Killing the
    /// process mid-call hands the conversation to the stand-in, which carries on from its history.
    @Suite struct ServeFailoverTests {
        static let binary = repositoryRoot + "/.build/debug/llm-stream"

        @Test func killingASubprocessNodeHandsTheCallToItsAlternative() async throws {
            let directory = try ServeCallTests.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let script = ServeCallTests.script
            // A marker argument, so the test can find this call's process among others.
            let marker = "--today 2026-12-0\(Int.random(in: 1...9))"
            var configuration = ServeConfiguration(graph: "mulaw-decode | python3 \(repositoryRoot)/Examples/gain.py 1.0 | vad"
                + " | stt-stream --grammar-from-script \(script)"
                + " | \(Self.binary) --script \(script) --words-per-second 0 \(marker) || llm-stream --script \(script) --words-per-second 0 \(marker)"
                + " | sentence-split | tts-cache --engine espeak --cache-dir \(directory)/tts | mulaw-encode")
            configuration.recordDirectory = directory
            configuration.limits.idlePromptSeconds = nil
            configuration.limits.idleHangupSeconds = nil
            try await withServer(configuration) { server, base in
                let caller = try await TwilioTestCaller(url: base.mediaURL)
                try await caller.start()
                #expect(try await caller.listen { $0.echoed.contains { $0.name == "t1.end" } }, "the greeting")
                try await caller.say(try await CallerSpeech.mulaw("i need an appointment tomorrow at ten"))
                #expect(try await caller.listen { $0.echoed.contains { $0.name == "t2.end" } }, "the first answer")
                let killed = try await exitStatus(of: "/usr/bin/pkill", ["-f", "\(Self.binary) --script .* \(marker)"])
                #expect(killed == 0, "the llm-stream process was found and killed")
                try await caller.say(try await CallerSpeech.mulaw("my name is asha"))
                // The stand-in numbers its turns afresh: its answer is the third end mark heard.
                #expect(try await caller.listen { $0.echoed.filter { $0.name.hasSuffix(".end") }.count >= 3 }, "the stand-in answered")
                try await caller.stop()
                #expect(await eventually { server.context.registry.count == 0 })
            }
            let lines = try observedLines("\(directory)/\(try #require(try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasSuffix(".transcript.jsonl") }))")
            let agent = lines.filter { $0["who"] as? String == "agent" }.compactMap { $0["text"] as? String }
            #expect(agent.contains { $0.lowercased().contains("name") }, "asked the name before the kill: \(agent)")
            #expect(agent.contains { $0.lowercased().contains("asha") || $0.lowercased().contains("day") }, "went on with the booking, not from the start: \(agent)")
            #expect(agent.filter { $0.contains("Good morning") }.count == 1, "not greeted again: \(agent)")
        }
    }
}
