import ArgumentParser
import Foundation
import Speech
import SpeechCache
import Stages
import SwitchboardCore

/// `bench tts`: what a cache hit costs (directory and Redis, against `redis-cli GET` of the
/// same bytes from the same server), hits per second per core, espeak-ng's real-time factor,
/// and the time to first audio on a miss. `make bench` starts a redis-server for it.
struct TTSBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tts", abstract: "Speech cache hits, espeak-ng speed, first audio on a miss.")

    @Option(help: "A Redis server to measure (none: the directory store only).") var redisURL: String?
    @Option(help: "Its port, for redis-cli (the peer).") var redisPort: Int?
    @Option(help: "Sequential loads per store.") var loads = 5000
    @Option(help: "Seconds of concurrent loads for hits per core.") var seconds = 2.0

    static let clipText = "Thanks for calling, how can I help?"

    func run() async throws {
        let directory = NSTemporaryDirectory() + "bench-tts-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let clip = try await EspeakSynthesizer.shared.synthesize(SpeechRequest(text: Self.clipText))
        let key = ClipKey(text: Self.clipText, voice: EspeakTTSEngine().voiceIdentity, format: .telephone)
        print(String(format: "== speech cache: one %.2f s clip (µ-law 8 kHz, %d bytes, %d words)", Double(clip.ms) / 1000, clip.audio.count, clip.words.count))

        var stores: [any ClipStore] = [try DirectoryClipStore(directory: directory)]
        var redis: RedisClipStore?
        if let redisURL {
            redis = try RedisClipStore(url: redisURL)
            stores.append(redis!)
        }
        var means: [String: Double] = [:]
        for store in stores {
            await store.save(clip, as: key)
            let sample = try await sequentialLoads(store, key: key)
            means[store.kind] = sample.mean
            print(String(format: "hit, %-5@ store, load + verify   %@   mean %.3f ms", store.kind, sample.summary, sample.mean))
        }
        if let redisPort, let ours = means["redis"] {
            let perGET = try redisCLIGet(port: redisPort, key: "switchboard:tts:\(key.hex)", repeats: loads)
            print(String(format: "peer: redis-cli GET, same key, same server: mean %.3f ms per GET (-r %d, one connection); the store's mean is %.1fx that",
                perGET, loads, ours / perGET))
        }
        for store in stores {
            let (hits, cpu) = try await concurrentLoads(store, key: key)
            print(String(format: "hits per second per core, %-5@  %9.0f   (%d in %.1f s, %.2f s CPU, 64 at once)",
                store.kind, Double(hits) / cpu, hits, seconds, cpu))
        }
        try await StageLatency(store: stores[0]).report(loads: min(loads, 2000))
        try await espeakSpeed()
        await redis?.shutdown()
    }

    private func sequentialLoads(_ store: any ClipStore, key: ClipKey) async throws -> LatencySample {
        var sample = LatencySample()
        for _ in 0..<200 { _ = await store.load(key) }  // warm-up
        for _ in 0..<loads {
            let start = ContinuousClock.now
            guard case .hit = await store.load(key) else { throw ValidationError("\(store.kind): no hit") }
            sample.add(ContinuousClock.now - start)
        }
        return sample
    }

    private func concurrentLoads(_ store: any ClipStore, key: ClipKey) async throws -> (Int, Double) {
        let before = ProcessStatus.read()
        let deadline = ContinuousClock.now + .seconds(seconds)
        let hits = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<64 {
                group.addTask {
                    var count = 0
                    while ContinuousClock.now < deadline {
                        if case .hit = await store.load(key) { count += 1 }
                    }
                    return count
                }
            }
            return await group.reduce(0, +)
        }
        return (hits, ProcessStatus.read().cpuSeconds - before.cpuSeconds)
    }

    /// Mean milliseconds per GET when redis-cli repeats it over one connection.
    private func redisCLIGet(port: Int, key: String, repeats: Int) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/redis-cli")
        process.arguments = ["-p", "\(port)", "-r", "\(repeats)", "GET", key]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        let start = ContinuousClock.now
        try process.run()
        process.waitUntilExit()
        return (ContinuousClock.now - start).milliseconds / Double(repeats)
    }

    private func espeakSpeed() async throws {
        let paragraph = String(repeating: "Our clinic is open from nine in the morning to six in the evening, Monday to Saturday. ", count: 8)
        _ = try await EspeakSynthesizer.shared.synthesize(SpeechRequest(text: "warm up"))
        let before = ProcessStatus.read()
        let start = ContinuousClock.now
        let clip = try await EspeakSynthesizer.shared.synthesize(SpeechRequest(text: paragraph))
        let wall = ContinuousClock.now - start
        let cpu = ProcessStatus.read().cpuSeconds - before.cpuSeconds
        let wallSeconds = wall.milliseconds / 1000
        let audio = Double(clip.ms) / 1000
        print(String(format: "espeak-ng, %.1f s of speech to µ-law 8 kHz: %.0fx real time (wall %.3f s), %.0fx per CPU-second",
            audio, audio / wallSeconds, wallSeconds, audio / cpu))
    }
}
