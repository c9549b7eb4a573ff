import Foundation
import Server
import SwitchboardCore
import Testing

extension ServeSuites {
    /// Whole calls through `switchboard serve` on 127.0.0.1, a test client playing Twilio.
    @Suite struct ServeCallTests {
        static let script = repositoryRoot + "/Examples/receptionist.yaml"

        /// The embedded engines end to end: pocketsphinx with the script's grammar, the
        /// receptionist script, espeak-ng.
        static func embeddedGraph(cacheDir: String) -> String {
            "mulaw-decode --rate 8000 | vad | stt-stream --grammar-from-script \(script) | llm-stream --script \(script) --words-per-second 0"
                + " | sentence-split | tts-cache --engine espeak --cache-dir \(cacheDir) | mulaw-encode"
        }

        static func temporaryDirectory() throws -> String {
            let path = NSTemporaryDirectory() + "serve-test-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            return path
        }

        @Test func aSpokenCallerIsAnsweredWithSpeech() async throws {
            let directory = try Self.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            var configuration = ServeConfiguration(graph: Self.embeddedGraph(cacheDir: directory + "/tts"))
            configuration.limits.idlePromptSeconds = nil
            configuration.limits.idleHangupSeconds = nil
            try await withServer(configuration) { _, base in
                let caller = try await TwilioTestCaller(url: base.mediaURL)
                try await caller.start()
                // The greeting: audio, then its end mark, echoed once played.
                #expect(try await caller.listen { $0.echoed.contains { $0.name == "t1.end" } }, "the greeting was played: \(caller.events.suffix(5))")
                let greeting = caller.snapshot.agentAudio.count
                #expect(greeting > 8000, "at least a second of greeting")
                try await caller.say(try await CallerSpeech.mulaw("i need an appointment tomorrow at ten"))
                #expect(try await caller.listen { $0.echoed.contains { $0.name == "t2.end" } }, "the answer was played")
                #expect(caller.snapshot.agentAudio.count > greeting + 8000)
                let messages = caller.snapshot.messages
                #expect(messages.allSatisfy { $0["streamSid"]?.string == caller.streamSid }, "every message carries the stream SID")
                try await caller.stop()
            }
        }
    }
}
