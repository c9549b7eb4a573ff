import Audio
import Dialogue
import Foundation
import Speech
@testable import Stages
import Supervisor
import SwitchboardCore
import Testing

/// The stage with real engines: Deepgram through `switchboard mock-providers` on 127.0.0.1 and
/// pocketsphinx in-process, on espeak-ng speech through the telephone chain.
@Suite struct STTStreamEnginesTests {
    /// Frames of one call saying `texts`, one utterance each, with `vad` events around them.
    func call(_ texts: [String], listen: ListenContext? = nil) async throws -> [Frame] {
        var frames: [Frame] = []
        var ts = 0
        for text in texts {
            if let listen { frames.append(.event(listen.event(turn: 1))) }
            let samples = try await PocketsphinxTestSupport.telephoneSpeech(text)
            let rate8k = try Resampler.resample(samples, from: 16000, to: 8000, quality: .medium)
            frames.append(.event(Event("vad", ["event": "start", "ts": .int(ts + 300)])))
            for start in stride(from: 0, to: rate8k.count, by: 160) {
                frames.append(.audio(AudioFrame(codec: .pcm16, rate: 8000, ts: ts, payload: PCM16.bytes(Array(rate8k[start..<min(start + 160, rate8k.count)])))))
                ts += 20
            }
            frames.append(.event(Event("vad", ["event": "end", "ts": .int(ts)])))
        }
        return frames + [.event(Event("stop"))]
    }

    /// The receptionist's grammar, as `--grammar-from-script Examples/receptionist.yaml` builds it.
    func receptionistGrammar() throws -> RecognitionGrammar {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let script = try DialogueScript(contentsOf: root.appendingPathComponent("Examples/receptionist.yaml").path)
        return try RecognitionGrammar(jsgf: script.jsgfGrammar(), file: "receptionist.gram")
    }

    func endpointed(_ output: [Frame]) -> [Event] {
        output.compactMap(\.event).filter { $0.type == "transcript" && $0["endpoint"]?.bool == true }
    }

    @Test func pocketsphinxTakesOverWhenDeepgramRefusesEveryConnection() async throws {
        var faults = MockFaults()
        faults.serverError = 1
        try await withMockProviders({ $0.transcripts = ["never heard"]; $0.faults[.listen] = faults }) { mock, base in
            let deepgram = deepgramEngine(String(base.dropLast("/v1".count)))
            let sphinx = PocketsphinxEngine(pool: PocketsphinxTestSupport.pool, grammar: try receptionistGrammar())
            let asking = ListenContext(state: "booking", grammar: "state_booking_name", slots: [.init(name: "name", type: "name")])
            var settings = STTSettings.patient(groups: [[deepgram], [sphinx]])
            settings.drainDeadline = .seconds(60)
            let output = try await STTStream(settings: settings).output(for: try await call(["my name is asha"], listen: asking))

            let errors = output.compactMap(\.event).filter { $0.type == "error" }
            #expect(errors.count == 1)
            #expect(errors.first?["message"]?.string?.contains("pocketsphinx takes over") == true)
            #expect(endpointed(output).map { $0["text"]?.string } == ["my name is asha"])
            #expect(endpointed(output).map { $0["engine"]?.string } == ["pocketsphinx"])
        }
    }

    @Test func competitionPrefersTheFinalThatReadsAsTheAskedSlot() async throws {
        // The mock "hears" a sentence that is no date, confidently; pocketsphinx, narrowed to the
        // date question's rule, hears the day.
        try await withMockProviders({ $0.transcripts = ["I want to speak to someone."] }) { mock, base in
            let deepgram = deepgramEngine(String(base.dropLast("/v1".count)))
            let sphinx = PocketsphinxEngine(pool: PocketsphinxTestSupport.pool, grammar: try receptionistGrammar())
            var settings = STTSettings.patient(groups: [[deepgram, sphinx]]) { text, slot in SlotReading.reads(text, type: slot.type, values: slot.values) }
            settings.pickWait = .seconds(60)  // both answer long before; a loaded machine must not decide the pick
            settings.drainDeadline = .seconds(60)
            let listen = ListenContext(state: "booking", grammar: "state_booking_date", slots: [.init(name: "date", type: "date")])
            let output = try await STTStream(settings: settings).output(for: try await call(["tomorrow"], listen: listen))

            let finals = endpointed(output)
            #expect(finals.map { $0["text"]?.string } == ["tomorrow"])
            #expect(finals.first?["alternatives"]?.array?.first?.object?["engine"]?.string == "deepgram")
            let pick = output.compactMap(\.event).first { $0["name"]?.string == "stt.pick" }
            #expect(pick?["reason"]?.string?.contains("date") == true)
        }
    }
}
