import Audio
import Foundation
import Simulator
import Testing

extension CallerLineServeTests {
    /// A caller who talks over the greeting, against a served graph that listens (vad and
    /// pocketsphinx): the server's `clear` cuts the greeting and its pending marks come back at once.
    /// Inside the served-call suite, so its server never runs beside another's.
    @Suite struct BargeIn {
        static func listeningGraph(cacheDir: String) -> String {
            let script = CallerLineServeTests.repository + "/Examples/receptionist.yaml"
            return "mulaw-decode --rate 8000 | vad | stt-stream --grammar-from-script \(script) | llm-stream --script \(script) --words-per-second 0"
                + " | sentence-split | tts-cache --engine espeak --cache-dir \(cacheDir) | mulaw-encode"
        }

        /// `text` spoken by espeak-ng as the telephone carries it: 8 kHz µ-law. The process is
        /// awaited through its termination handler, off the cooperative pool.
        static func spoken(_ text: String) async throws -> [UInt8] {
            let path = NSTemporaryDirectory() + "barge-in-\(UUID().uuidString).wav"
            defer { try? FileManager.default.removeItem(atPath: path) }
            let espeak = Process()
            espeak.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            espeak.arguments = ["espeak-ng", "-v", "en-us", "-s", "150", "-w", path, text]
            let status: Int32 = try await withCheckedThrowingContinuation { continuation in
                espeak.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                do { try espeak.run() } catch {
                    espeak.terminationHandler = nil
                    continuation.resume(throwing: error)
                }
            }
            guard status == 0 else { throw SoundFileError("espeak-ng exited with \(status)") }
            let reader = try SoundFileReader(path: path)
            return MuLaw.encode(try Resampler.resample(reader.readAll(), from: reader.sampleRate, to: 8000, quality: .medium))
        }

        @Test func aClearCutsTheGreetingAndEchoesItsPendingMarksAtOnce() async throws {
            let speech = try await Self.spoken("i need an appointment tomorrow at ten")
            let path = NSTemporaryDirectory() + "barge-in-\(UUID().uuidString).wav"
            defer { try? FileManager.default.removeItem(atPath: path) }
            try await CallerLineServeTests.withServer(graph: Self.listeningGraph) { url in
                let line = try await CallerLine.connect(to: url, recordingPath: path)
                _ = try #require(await line.agentStartedSpeaking(timeout: .seconds(60)), "the greeting started")
                try await Task.sleep(for: .milliseconds(300))
                try line.say(speech)
                let clear = try #require(await line.timeline.first(timeout: .seconds(20)) { $0.kind == .clearReceived }, "the server cleared the greeting: \(line.timeline.events)")
                // The answer to what the caller said plays after the cut greeting.
                let answered = await line.agentFinishedTurn(after: line.timeline.count, timeout: .seconds(30))
                #expect(answered != nil, "the agent answered after the barge-in: \(line.timeline.events.suffix(6))")
                await line.hangUp()
                let events = line.timeline.events
                let greetingEnd = try #require(events.first { $0.kind == .markEchoed("t1.end") }, "the greeting's end mark came back")
                // Its end mark still pending at the clear: the greeting was cut before its end
                // (how early depends on how fast a loaded machine hears the caller).
                #expect(greetingEnd.ms == clear.ms, "pending marks are echoed at the clear, not after the audio")
                #expect(events.contains { $0.kind == .agentAudioEnded && $0.ms == clear.ms }, "the agent's audio stopped at the clear")
                let callerStart = try #require(events.first { $0.kind == .callerSpeechStarted })
                #expect(clear.ms > callerStart.ms, "the clear answered the caller's speech")
                // As heard: the right channel goes quiet once the clear has cut the greeting.
                let samples = MuLaw.decode(try CallerLineServeTests.waveData(path))
                let right = stride(from: 1, to: samples.count, by: 2).map { samples[$0] }
                let from = Int(clear.ms + 40) * 8, to = min(right.count, Int(clear.ms + 300) * 8)
                #expect(from < to && CallerLineServeTests.loudness(right[from..<to]) < 50, "nothing of the cleared greeting was played")
            }
        }
    }
}
