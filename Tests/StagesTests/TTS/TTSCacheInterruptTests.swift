import Foundation
import Speech
import SpeechCache
import Stages
import SwitchboardCore
import Testing

@Suite struct TTSCacheInterruptTests {
    @Test func anInterruptStopsTheSentenceInFlightDropsItsTurnAndCachesNothing() async throws {
        let harness = try TTSCacheHarness()
        defer { harness.remove() }
        let engine = TestSpeechEngine { $0.hasPrefix("Long") ? .hangsAfterFirstChunk : .speaks }
        let feed = FrameFeed()
        let sink = CollectingSink()
        let run = Task { try await harness.stage([engine]).run(feed, to: sink) }
        feed.send(sentence("Long answer that is still being made.", turn: 1, index: 0), sentence("Its second sentence.", turn: 1, index: 1))
        #expect(try await sink.wait(timeout: .seconds(60)) { $0.contains { $0.audio?.turn == 1 } })
        feed.send(.event(Event("interrupt", ["turn": 1, "ts": 900])), sentence("After the barge-in.", turn: 2))
        feed.finish()
        try await run.value

        #expect(engine.cancelled == 1)
        #expect(engine.requests == ["Long answer that is still being made.", "After the barge-in."])
        let types = sink.frames.map(\.type)
        #expect(types.filter { $0 == "interrupt" }.count == 1)
        #expect(sink.frames.events("spoken").map { $0["turn"]?.int } == [2])
        // The interrupt goes on before the next turn's audio.
        #expect(types.firstIndex(of: "interrupt")! < sink.frames.firstIndex { $0.audio?.turn == 2 }!)
        let voice = engine.voiceIdentity
        #expect(await harness.store.load(ClipKey(text: "Long answer that is still being made.", voice: voice, format: .telephone)) == .miss)
        guard case .hit = await harness.store.load(ClipKey(text: "After the barge-in.", voice: voice, format: .telephone)) else {
            Issue.record("the sentence after the barge-in was not cached")
            return
        }
    }

    @Test func anInterruptReachesTheNextStageWhileEspeakAudioWaitsForRoom() async throws {
        let harness = try TTSCacheHarness()
        defer { harness.remove() }
        // A next stage that takes nothing: the channel fills and the speaker waits for room.
        let output = FrameChannel(frameLimits: .init(count: 8))
        let feed = FrameFeed()
        let text = String(repeating: "This is a long answer that nobody will hear to the end. ", count: 12)
        let run = Task { try await harness.stage().run(feed, to: output) }
        feed.send(sentence(text, turn: 4))
        while output.count < 8 { try await Task.sleep(for: .milliseconds(5)) }
        feed.send(.event(Event("interrupt", ["turn": 4])))
        feed.finish()
        let reader = Task {
            var received: [Frame] = []
            for await frame in output { received.append(frame) }
            return received
        }
        try await run.value
        output.finish()
        let received = await reader.value
        #expect(received.contains { $0.event?.type == "interrupt" })
        #expect(received.events("spoken").isEmpty)
        // Of the sentence's ~40 s only what was sent before the interrupt went out.
        #expect(received.compactMap(\.audio).count < 20)
        #expect(await harness.store.load(ClipKey(text: text, voice: EspeakTTSEngine().voiceIdentity, format: .telephone)) == .miss)
    }

    @Test func aFailingEngineFailsOverToTheNextAndTheClipIsStoredUnderTheVoiceThatMadeIt() async throws {
        let harness = try TTSCacheHarness()
        defer { harness.remove() }
        let down = TestSpeechEngine(name: "cloud") { _ in .fails }
        let out = try await harness.stage([down, EspeakTTSEngine()]).output(for: [sentence("We open at nine.")])
        #expect(out.events("spoken").first?["engine"]?.string == "espeak")
        #expect(out.events("error").isEmpty)
        #expect(down.requests.count == 1)
        guard case .hit = await harness.store.load(ClipKey(text: "We open at nine.", voice: EspeakTTSEngine().voiceIdentity, format: .telephone)) else {
            Issue.record("espeak's clip was not stored under espeak's voice")
            return
        }
    }

    @Test func whenEveryEngineFailsTheSentenceIsAnErrorAndTheNextIsSpoken() async throws {
        let harness = try TTSCacheHarness()
        defer { harness.remove() }
        let flaky = TestSpeechEngine { $0 == "First." ? .fails : .speaks }
        let out = try await harness.stage([flaky]).output(for: [sentence("First.", index: 0), sentence("Second.", index: 1)])
        #expect(out.events("error").first?["message"]?.string?.contains("test engine is down") == true)
        #expect(out.events("spoken").map { $0["index"]?.int } == [1])
    }

    @Test func aDamagedEntryIsReportedRemovedAndMadeAgain() async throws {
        let harness = try TTSCacheHarness()
        defer { harness.remove() }
        let first = try await harness.stage().output(for: [sentence("Please hold.")])
        let key = ClipKey(text: "Please hold.", voice: EspeakTTSEngine().voiceIdentity, format: .telephone)
        let path = "\(harness.directory)/\(key.hex.prefix(2))/\(key.hex).clip"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))  // as a crash mid-write would leave it

        let second = try await harness.stage().output(for: [sentence("Please hold.")])
        #expect(second.events("error").first?["message"]?.string?.contains("cut short") == true
            || second.events("error").first?["message"]?.string?.contains("SHA-256") == true)
        #expect(second.events("spoken").first?["cache"]?.string == "miss")
        let third = try await harness.stage().output(for: [sentence("Please hold.")])
        #expect(third.events("spoken").first?["cache"]?.string == "hit")
        #expect(third.events("error").isEmpty)
        // espeak-ng is not bit-exact from run to run: the clip served is the one stored by the
        // second, re-synthesizing run.
        #expect(third.spokenWords == second.spokenWords && third.audioBytes == second.audioBytes)
        #expect(first.spokenWords.first?.count == 2)
    }

    @Test func withTheCacheOffEverySentenceIsSynthesized() async throws {
        let harness = try TTSCacheHarness()
        defer { harness.remove() }
        for _ in 0..<2 {
            let out = try await harness.stage(cached: false).output(for: [sentence("Thank you.")])
            #expect(out.events("spoken").first?["cache"]?.string == "miss")
            #expect(!out.events("trace").contains { $0["name"]?.string == "tts.cache" })
        }
        #expect(try await harness.store.statistics().entries == 0)
    }
}
