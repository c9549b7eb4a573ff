import Foundation
import Speech
import Testing

@testable import SpeechCache

/// Against a real redis-server per test (`RedisServerFixture`). Serialized: several tests
/// time what the store does, and two cores shared with parallel servers would blur that.
@Suite(.serialized) struct RedisClipStoreTests {
    /// Audio holding NUL and 0xFF bytes, words, a non-default format.
    static let clip = SpeechClip(audio: [0, 0xFF, 0, 0x7F, 0x80, 0xFF, 0] + (0..<400).map { UInt8(truncatingIfNeeded: $0 * 13) },
        words: [SpokenWord(text: "Thanks", ms: 0), SpokenWord(text: "for calling", ms: 310)],
        format: SpeechFormat(codec: .pcm16, rate: 16000))
    static let voice = "espeak voice=en-us rate=175 pitch=50"

    static func key(_ text: String) -> ClipKey { ClipKey(text: text, voice: voice, format: clip.format) }

    /// A store on `server`, shut down (thread ended, connection freed) whatever the test did.
    func withStore(_ server: RedisServerFixture, _ configure: (inout RedisClipStore.Configuration) -> Void = { _ in },
        log: LogCapture = LogCapture(), _ body: (RedisClipStore) async throws -> Void) async throws {
        var configuration = RedisClipStore.Configuration()
        configure(&configuration)
        let store = try RedisClipStore(url: server.url, configuration: configuration, logger: log.logger())
        do {
            try await body(store)
        } catch {
            await store.shutdown()
            throw error
        }
        await store.shutdown()
    }

    /// Polls `condition` until it holds or `limit` has passed.
    func eventually(within limit: Duration, _ condition: () async throws -> Bool) async rethrows -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return try await condition()
    }

    @Test func savedClipLoadsBackIdenticalAndAMissingKeyIsAMiss() async throws {
        let server = try RedisServerFixture()
        defer { server.stop() }
        try await withStore(server) { store in
            let key = Self.key("Thanks for calling")
            #expect(await store.load(key) == .miss)
            await store.save(Self.clip, as: key)
            #expect(await store.load(key) == .hit(Self.clip))
            // Stored as exactly the sealed bytes, under the documented name.
            let stored = try server.command("GET", "switchboard:tts:\(key.hex)")
            #expect(stored == .string(ClipCodec.encode(Self.clip)))
            #expect(await store.load(Self.key("Never said")) == .miss)
            #expect(store.kind == "redis" && store.location == "redis://127.0.0.1:\(server.port)")
        }
    }

    @Test func savedClipsExpireAfterTheConfiguredTimeToLive() async throws {
        let server = try RedisServerFixture()
        defer { server.stop() }
        try await withStore(server, { $0.timeToLive = .seconds(90); $0.keyPrefix = "custom:" }) { store in
            let key = Self.key("Goodbye")
            await store.save(Self.clip, as: key)
            guard case .integer(let ttl) = try server.command("PTTL", "custom:\(key.hex)") else {
                Issue.record("PTTL did not answer an integer")
                return
            }
            #expect(ttl > 0 && ttl <= 90_000)
        }
    }

    @Test func garbledEntryIsReportedDamagedAndRemoved() async throws {
        let server = try RedisServerFixture()
        defer { server.stop() }
        try await withStore(server) { store in
            let key = Self.key("Please hold")
            await store.save(Self.clip, as: key)
            let name = "switchboard:tts:\(key.hex)"
            let truncated = Array(ClipCodec.encode(Self.clip).dropLast(10))
            #expect(try server.connection().send(RedisCommand(arguments: [Array("SET".utf8), Array(name.utf8), truncated])) == .status("OK"))
            guard case .damaged(let reason) = await store.load(key) else {
                Issue.record("a truncated entry was not reported damaged")
                return
            }
            #expect(reason.contains("stored clip"))
            #expect(try server.command("EXISTS", name) == .integer(0))
            #expect(await store.load(key) == .miss)

            // A key of another type under the name is damaged too, and removed.
            _ = try server.command("LPUSH", name, "not a clip")
            #expect(await store.load(key) == .damaged("stored value is not a string"))
            #expect(try server.command("EXISTS", name) == .integer(0))
        }
    }

    @Test func killedServerMakesLookupsUnavailableAtOnceAndTheStoreComesBack() async throws {
        let password = "s3cret-Passw0rd"
        let server = try RedisServerFixture(password: password)
        defer { server.stop() }
        let log = LogCapture()
        try await withStore(server, log: log) { store in
            let key = Self.key("Your call is important")
            await store.save(Self.clip, as: key)
            #expect(await store.load(key) == .hit(Self.clip))

            server.kill()
            let start = ContinuousClock.now
            var answers: [ClipLookup] = []
            for _ in 0..<50 { answers.append(await store.load(key)) }
            for _ in 0..<10 { await store.save(Self.clip, as: key) }
            #expect(ContinuousClock.now - start < .seconds(2))
            #expect(answers.allSatisfy { $0 == .unavailable })
            #expect(store.droppedSaves == 10)
            await #expect(throws: RedisClipStoreError.self) { try await store.statistics() }

            try server.start()  // same port, empty
            let back = await eventually(within: .seconds(60)) {
                await store.save(Self.clip, as: key)
                return await store.load(key) == .hit(Self.clip)
            }
            #expect(back)
        }
        let lines = log.lines
        #expect(lines.filter { $0.level == .warning }.count == 1, "one warning for the outage: \(lines.map(\.text))")
        #expect(lines.filter { $0.level == .info }.count == 1, "one line when it is back: \(lines.map(\.text))")
        #expect(!lines.contains { $0.text.contains(password) })
    }

    @Test func connectionClosedByTheServerIsReplacedWithoutAnOutage() async throws {
        let server = try RedisServerFixture()
        defer { server.stop() }
        let log = LogCapture()
        try await withStore(server, { $0.reconnectInterval = .milliseconds(50) }, log: log) { store in
            let key = Self.key("Still there?")
            await store.save(Self.clip, as: key)
            try await Task.sleep(for: .milliseconds(100))  // past the reconnect interval
            // As a server's idle `timeout` would: the store's connection is closed under it.
            #expect(try server.command("CLIENT", "KILL", "TYPE", "normal") == .integer(1))
            // The lookup that finds the connection closed, and any made while the thread
            // reconnects, answer `.unavailable`; the reconnection is at once, and silent.
            #expect(await eventually(within: .seconds(1)) { await store.load(key) == .hit(Self.clip) })
        }
        #expect(!log.lines.contains { $0.level >= .warning }, "\(log.lines.map(\.text))")
    }

    @Test func slowServerMakesALookupUnavailableWithinTheCommandTimeout() async throws {
        let server = try RedisServerFixture()
        defer { server.stop() }
        try await withStore(server, { $0.commandTimeout = .milliseconds(100) }) { store in
            let key = Self.key("One moment")
            await store.save(Self.clip, as: key)
            #expect(await store.load(key) == .hit(Self.clip))

            let sleeper = try server.launchCLI("DEBUG", "SLEEP", "2")
            defer { sleeper.waitUntilExit() }
            // Until the server is asleep, lookups still hit; the first that does not must
            // have given up after about the timeout, while the server still sleeps.
            var answer = ClipLookup.miss
            var took = Duration.zero
            let deadline = ContinuousClock.now + .seconds(1)
            repeat {
                let start = ContinuousClock.now
                answer = await store.load(key)
                took = ContinuousClock.now - start
            } while answer == .hit(Self.clip) && ContinuousClock.now < deadline
            #expect(answer == .unavailable)
            // Bounded well below the server's 2 s sleep, with room for a loaded machine (a CI
            // run saw 803 ms against an 800 ms bound).
            #expect(took < .milliseconds(1500), "a lookup waited \(took) on a sleeping server")
            #expect(sleeper.isRunning, "the server woke up before the lookup gave up")

            sleeper.waitUntilExit()
            #expect(await eventually(within: .seconds(60)) { await store.load(key) == .hit(Self.clip) })
        }
    }

    @Test func statisticsCountEntriesBytesHitsAndMisses() async throws {
        let server = try RedisServerFixture()
        defer { server.stop() }
        try await withStore(server) { store in
            #expect(try await store.statistics() == ClipStoreStatistics(entries: 0, bytes: 0, hits: 0, misses: 0))
            var bytes = 0
            for text in ["Hello", "Goodbye", "Please hold"] {
                var clip = Self.clip
                clip.words = [SpokenWord(text: text, ms: 0)]
                await store.save(clip, as: Self.key(text))
                bytes += ClipCodec.encode(clip).count
            }
            await store.record(hits: 5, misses: 2)
            await store.record(hits: 1, misses: 0)
            // Neither a key of another prefix nor a stranger under ours is an entry.
            _ = try server.command("SET", "switchboard:tts:notes", "hello")
            _ = try server.command("SET", "other:\(Self.key("Hello").hex)", "hello")
            #expect(try await store.statistics() == ClipStoreStatistics(entries: 3, bytes: bytes, hits: 6, misses: 2))
            #expect(try server.command("GET", "switchboard:tts:stats:hits") == .string(Array("6".utf8)))
        }
    }

    @Test func fiveHundredConcurrentLookupsAllHit() async throws {
        let server = try RedisServerFixture()
        defer { server.stop() }
        try await withStore(server) { store in
            let keys = (0..<20).map { Self.key("Sentence \($0)") }
            for key in keys { await store.save(Self.clip, as: key) }
            let hits = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<500 {
                    group.addTask { await store.load(keys[index % keys.count]) == .hit(Self.clip) }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(hits == 500)
        }
    }

    @Test func shutdownEndsTheStoreAndLaterLookupsAreUnavailable() async throws {
        let server = try RedisServerFixture()
        defer { server.stop() }
        let store = try RedisClipStore(url: server.url)
        let key = Self.key("Bye")
        await store.save(Self.clip, as: key)
        #expect(await store.load(key) == .hit(Self.clip))
        await store.shutdown()
        #expect(await store.load(key) == .unavailable)
        await store.shutdown()  // twice is harmless
    }

    @Test func badURLThrowsAnErrorNamingIt() {
        #expect {
            _ = try RedisClipStore(url: "redis://host:notaport")
        } throws: { error in
            let text = "\(error)"
            return text.contains("redis://host:notaport") && text.contains("port 'notaport'")
        }
    }
}
