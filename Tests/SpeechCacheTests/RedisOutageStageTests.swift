import Foundation
import Speech
import Stages
import Synchronization
import SwitchboardCore
import Testing

@testable import SpeechCache

/// `tts-cache` on a shared Redis cache whose server dies mid-call: the call goes on speaking,
/// uncached and without errors, and uses the cache again once Redis is back.
@Suite(.serialized) struct RedisOutageStageTests {
    /// The `cache` value of each `spoken` event, as the stage sends them.
    final class SpokenLog: FrameSink {
        private let spoken = Mutex<[String]>([])
        private let errors = Mutex<[String]>([])
        private let lookups = Mutex<[Double]>([])
        var caches: [String] { spoken.withLock { $0 } }
        /// The `ms` of each `tts.cache` trace: how long each lookup took.
        var lookupMs: [Double] { lookups.withLock { $0 } }
        var errorMessages: [String] { errors.withLock { $0 } }

        func send(_ frame: Frame) async throws {
            guard let event = frame.event else { return }
            if event.type == "spoken" { spoken.withLock { $0.append(event["cache"]?.string ?? "?") } }
            if event.type == "error" { errors.withLock { $0.append(event["message"]?.string ?? "?") } }
            if event.type == "trace", event["name"]?.string == "tts.cache" { lookups.withLock { $0.append(event["ms"]?.double ?? .infinity) } }
        }
        func finish() async throws {}

        func waitFor(_ count: Int) async throws {
            let deadline = ContinuousClock.now + .seconds(20)
            while caches.count < count, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        }
    }

    @Test func aCallKeepsSpeakingThroughARedisOutage() async throws {
        let server = try RedisServerFixture()
        defer { server.stop() }
        var configuration = RedisClipStore.Configuration()
        configuration.reconnectInterval = .milliseconds(200)
        let store = try RedisClipStore(url: server.url, configuration: configuration)
        let stage = TTSCache(settings: SpeechSettings(engines: [EspeakTTSEngine()], store: store))
        let (input, feed) = AsyncStream.makeStream(of: Frame.self)
        let log = SpokenLog()
        let call = Task { try await stage.run(input, to: log) }
        func say(_ text: String, turn: Int) { feed.yield(.event(Event("sentence", ["turn": .int(turn), "index": 0, "text": .string(text)]))) }

        say("Thanks for calling.", turn: 1)
        say("Thanks for calling.", turn: 2)
        try await log.waitFor(2)
        #expect(log.caches == ["miss", "hit"])

        server.kill()
        say("Thanks for calling.", turn: 3)
        say("Please hold.", turn: 4)
        try await log.waitFor(4)
        #expect(Array(log.caches.suffix(2)) == ["miss", "miss"], "spoken, uncached")
        // No stall on the dead cache: each lookup gave up within about the command timeout
        // (100 ms), not a TCP timeout (the bound is loose: machines are shared and noisy).
        #expect(log.lookupMs.suffix(2).allSatisfy { $0 < 2000 }, "lookups took \(log.lookupMs.suffix(2)) ms")

        try server.start()
        var turn = 5
        let deadline = ContinuousClock.now + .seconds(60)
        // The cache is back once a clip said after the restart comes back as a hit.
        while ContinuousClock.now < deadline, log.caches.last != "hit" {
            say("We are back.", turn: turn)
            turn += 1
            try await log.waitFor(turn - 1)
        }
        #expect(log.caches.last == "hit")
        #expect(log.errorMessages.isEmpty, "an outage is not the call's error: \(log.errorMessages)")
        feed.finish()
        try await call.value
        await store.shutdown()
    }
}
