import Foundation
import Server
import SwitchboardCore
import Testing

extension ServeSuites {
    /// A whole call through `switchboard serve` with the embedded engines (pocketsphinx, the
    /// receptionist script, espeak-ng), recorded and traced: the files hold what crossed the
    /// socket, and the breakdown is made of the stages' real traces.
    @Suite("Observability: a served call")
    struct ObservabilityServeTests {
        @Test("the recording holds both sides as sent, the trace and transcript the real turns")
        func servedCall() async throws {
            let directory = observabilityDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let script = repositoryRoot + "/Examples/receptionist.yaml"
            var configuration = ServeConfiguration(graph:
                "mulaw-decode | vad | stt-stream --grammar-from-script \(script) | llm-stream --script \(script) --words-per-second 0"
                + " | sentence-split | tts-cache --engine espeak --cache-dir \(directory)/tts | mulaw-encode")
            configuration.limits.idlePromptSeconds = nil
            configuration.limits.idleHangupSeconds = nil
            configuration.recordDirectory = directory + "/rec"
            configuration.traceDirectory = directory + "/trace"
            let speech = try await CallerSpeech.mulaw("i need an appointment tomorrow at ten")
            let (sent, received, sid, metrics) = try await withServer(configuration) { _, base in
                let caller = try await TwilioTestCaller(url: base.mediaURL)
                try await caller.start()
                #expect(try await caller.listen { $0.echoed.contains { $0.name == "t1.end" } }, "the greeting was played")
                try await caller.say(speech)
                #expect(try await caller.listen { $0.echoed.contains { $0.name == "t2.end" } }, "the answer was played")
                try await caller.stop()
                _ = await caller.waitUntilClosed(timeout: .seconds(10))
                let metrics = try await TestHTTP.get(base + "/metrics").body
                return (caller.snapshot.mediaChunks * 160, caller.snapshot.agentAudio, caller.callSid, metrics)
            }

            // The recording: caller left, every byte sent; agent right, every byte received.
            let wav = try ObservedWAV(path: "\(directory)/rec/\(sid).wav")
            #expect(wav.channels == 2 && wav.rate == 8000)
            #expect(wav.left.count >= sent)
            let speechAt = try #require(Self.find(speech, in: wav.left), "the caller's words are on the left")
            // After the greeting, in media time: at least the caller's silence while it played
            // (a loaded machine sends that silence late, so no more can be asked).
            #expect(speechAt >= 800, "after the greeting")
            let agentSamples = wav.right.filter { $0 != 0xFF && $0 != 0x7F }.count
            let agentSent = received.filter { $0 != 0xFF && $0 != 0x7F }.count
            #expect(agentSamples == agentSent, "the agent's audio, all of it played")

            let transcript = try observedLines("\(directory)/rec/\(sid).transcript.jsonl")
            let callerLines = transcript.filter { $0["who"] as? String == "caller" }
            #expect(callerLines.count == 1, "\(transcript)")
            if let said = callerLines.first, let ms = said["ms"] as? Int {
                // Where the VAD heard the words begin: near where they are in the recording.
                #expect(abs(ms - speechAt / 8) < 500, "caller line at \(ms) ms, words at \(speechAt / 8) ms")
            }
            #expect(transcript.filter { $0["who"] as? String == "agent" }.count >= 2, "\(transcript)")

            let trace = try observedLines("\(directory)/trace/\(sid).trace.jsonl")
            let names = Set(trace.compactMap { $0["type"] as? String == "trace" ? $0["name"] as? String : nil })
            #expect(names.isSuperset(of: ["stt.final_latency", "llm.ttft", "sentence.first", "tts.first_byte"]), "\(names)")
            let turns = trace.filter { $0["type"] as? String == "turn" }
            #expect(turns.map { $0["turn"] as? Int } == [1, 2])
            let answer = try #require(turns.last)
            let latency = try #require(answer["latency"] as? Double, "\(answer)")
            let stages = try #require(answer["stages"] as? [String: Double])
            #expect(Set(stages.keys) == ["endpointing", "stt.final_latency", "llm.ttft", "sentence.first", "tts.first_byte", "overhead"], "\(answer)")
            #expect(latency > 0 && latency < 30_000, "\(answer)")
            #expect(metrics.contains("switchboard_turn_latency_seconds_count 1"))
            print("served call, turn 2: \(answer)")
        }

        /// Where `needle`'s first loud stretch starts in `haystack` (exact bytes), if anywhere.
        private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
            guard let loud = needle.firstIndex(where: { $0 != 0xFF && $0 != 0x7F }) else { return nil }
            let probe = Array(needle[loud..<min(loud + 400, needle.count)])
            guard haystack.count >= probe.count else { return nil }
            for start in 0...(haystack.count - probe.count) where haystack[start] == probe[0] {
                if Array(haystack[start..<(start + probe.count)]) == probe { return start - loud }
            }
            return nil
        }
    }
}
