import Audio
import Foundation
import Speech
import SpeechCache
import Stages
import SwitchboardCore
import Testing

@Suite struct TTSCacheStageTests {
    static let formats = [SpeechFormat(codec: .mulaw, rate: 8000), SpeechFormat(codec: .pcm16, rate: 8000),
                          SpeechFormat(codec: .mulaw, rate: 16000), SpeechFormat(codec: .pcm16, rate: 16000)]

    @Test(arguments: formats)
    func espeakSaysTheSentenceAudiblyInTheAskedFormat(format: SpeechFormat) async throws {
        let harness = try TTSCacheHarness()
        defer { harness.remove() }
        let out = try await harness.stage(format: format).output(for: [sentence("Thanks for calling. How can I help you today?", turn: 3)])
        let audio = out.compactMap(\.audio)
        #expect(audio.allSatisfy { $0.codec == format.codec && $0.rate == format.rate && $0.turn == 3 })
        // 20 ms frames, the last one possibly shorter.
        #expect(audio.dropLast().allSatisfy { $0.payload.count == format.bytesPerSecond / 50 })
        let samples = format.codec == .mulaw ? MuLaw.decode(out.audioBytes) : PCM16.samples(out.audioBytes)
        let seconds = Double(samples.count) / Double(format.rate)
        #expect((1.5...6).contains(seconds), "45 characters at espeak's normal pace took \(seconds) s")
        #expect(try #require(PCM16.rmsDBFS(samples)) > -35)
        let spoken = try #require(out.events("spoken").first)
        #expect(spoken["ms"]?.int == Int(seconds * 1000))
        #expect(spoken["turn"]?.int == 3 && spoken["cache"]?.string == "miss" && spoken["engine"]?.string == "espeak")
        #expect(out.spokenWords.first?.first == "Thanks@0")
        #expect(out.spokenWords.first?.count == 9)
        // The spoken event follows the sentence's audio (mulaw-encode puts its mark there).
        #expect(out.lastIndex { $0.audio != nil }! < out.firstIndex { $0.event?.type == "spoken" }!)
    }

    @Test func aSecondRequestIsAHitWithTheSameBytesAndWords() async throws {
        let harness = try TTSCacheHarness()
        defer { harness.remove() }
        let first = try await harness.stage().output(for: [sentence("Your appointment is booked.")])
        let second = try await harness.stage().output(for: [sentence("Your appointment is booked.")])
        #expect(first.events("spoken").first?["cache"]?.string == "miss")
        #expect(second.events("spoken").first?["cache"]?.string == "hit")
        #expect(first.audioBytes == second.audioBytes && !first.audioBytes.isEmpty)
        #expect(first.spokenWords == second.spokenWords && first.spokenWords[0].count == 4)
        #expect(second.events("trace").compactMap { $0["name"]?.string } == ["tts.first_byte", "tts.cache"])
        #expect(second.events("trace").last?["result"]?.string == "hit")
        let statistics = try await harness.store.statistics()
        #expect(statistics.entries == 1 && statistics.hits == 1 && statistics.misses == 1)
    }

    @Test func textDifferingOnlyInSpacingIsOneEntry() async throws {
        let harness = try TTSCacheHarness()
        defer { harness.remove() }
        _ = try await harness.stage().output(for: [sentence("Hello  there")])
        let again = try await harness.stage().output(for: [sentence(" Hello there\n")])
        #expect(again.events("spoken").first?["cache"]?.string == "hit")
        #expect(again.events("spoken").first?["said"]?.string == "Hello there")
    }

    @Test func everythingElsePassesInOrder() async throws {
        let harness = try TTSCacheHarness()
        defer { harness.remove() }
        let out = try await harness.stage().output(for: [
            .event(Event("start", ["call": "CA1"])), .event(Event("custom", ["x": 1])), sentence("Okay."),
            .event(Event("response.end", ["turn": 1, "reason": "done"])), .event(Event("stop")),
        ])
        let order = out.compactMap { $0.event?.type }.filter { $0 != "trace" }
        #expect(order == ["start", "custom", "spoken", "response.end", "stop"])
        #expect(out.firstIndex { $0.audio != nil }! > out.firstIndex { $0.event?.type == "custom" }!)
    }

    @Test func plainTextLinesContinueTheTurnOneAfterAnother() async throws {
        let harness = try TTSCacheHarness()
        defer { harness.remove() }
        let out = try await harness.stage().output(for: [.event(.text("Hello.")), .event(.text("Goodbye."))])
        let spoken = out.events("spoken")
        #expect(spoken.map { $0["index"]?.int } == [0, 1] && spoken.map { $0["turn"]?.int } == [0, 0])
        // The second sentence's frames follow the first's in the turn's media time.
        let firstMs = try #require(spoken[0]["ms"]?.int)
        let secondStart = try #require(out.first { $0.audio != nil && out.firstIndex(of: $0)! > out.firstIndex { $0.event?.type == "spoken" }! }?.audio)
        #expect(abs(secondStart.ts - firstMs) <= 1)
    }

    @Test func badSentencesGetErrorEventsAndTheCallGoesOn() async throws {
        let harness = try TTSCacheHarness()
        defer { harness.remove() }
        let out = try await harness.stage().output(for: [
            sentence(nil, index: 0), sentence("  ", index: 1), sentence(String(repeating: "Very long. ", count: 1000), index: 2),
            sentence("😀😀", index: 3), sentence("你好世界", index: 4), sentence("Still here.", index: 5),
        ])
        let errors = out.events("error").compactMap { $0["message"]?.string }
        #expect(errors.count == 5)
        #expect(errors[0].contains("no \"text\""))
        #expect(errors[1].contains("empty"))
        #expect(errors[2].contains("10999 characters, over --max-chars 2000"))
        #expect(errors[3].contains("no letters or digits"))
        #expect(errors[4].contains("cannot read han script") && errors[4].contains("cmn"))
        #expect(out.events("spoken").map { $0["index"]?.int } == [5])
        #expect(try await harness.store.statistics().entries == 1)
    }

    @Test func unknownVoiceIsAnErrorNamingIt() async throws {
        let harness = try TTSCacheHarness()
        defer { harness.remove() }
        let out = try await harness.stage([EspeakTTSEngine(voice: "xx-nowhere")]).output(for: [sentence("Hello.")])
        #expect(out.events("error").first?["message"]?.string?.contains("no voice \"xx-nowhere\"") == true)
        #expect(out.events("spoken").isEmpty)
    }
}
