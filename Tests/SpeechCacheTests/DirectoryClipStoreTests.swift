import Foundation
import Speech
import Testing

@testable import SpeechCache

@Suite struct DirectoryClipStoreTests {
    let directory = NSTemporaryDirectory() + "clip-store-tests-\(UUID().uuidString)"

    func clip(_ bytes: Int, _ seed: Int = 1) -> SpeechClip {
        SpeechClip(audio: (0..<bytes).map { UInt8(truncatingIfNeeded: $0 &* seed &+ seed) }, words: [SpokenWord(text: "word\(seed)", ms: seed)],
                   format: .telephone)
    }

    func key(_ text: String) -> ClipKey { ClipKey(text: text, voice: "test", format: .telephone) }

    @Test func storesAndLoadsClipsAndMissesTheRest() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try DirectoryClipStore(directory: directory)
        #expect(await store.load(key("a")) == .miss)
        await store.save(clip(16_000), as: key("a"))
        #expect(await store.load(key("a")) == .hit(clip(16_000)))
        #expect(await store.load(key("b")) == .miss)
        // No temporary file is left behind.
        let names = try FileManager.default.subpathsOfDirectory(atPath: directory)
        #expect(!names.contains { $0.hasSuffix(".tmp") })
    }

    @Test func aTruncatedEntryIsDamagedAndRemoved() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try DirectoryClipStore(directory: directory)
        await store.save(clip(4000), as: key("a"))
        let path = ClipDirectory(root: directory).path(of: key("a"))
        #expect(truncate(path, 2000) == 0)
        guard case .damaged(let reason) = await store.load(key("a")) else {
            Issue.record("a truncated entry was served")
            return
        }
        #expect(reason.contains(path))
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(await store.load(key("a")) == .miss)
    }

    @Test func overTheCapTheLeastRecentlyUsedEntriesGo() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Each clip is 3000 bytes of audio plus ~130 of header and seal: five are over the cap,
        // four are under the nine tenths that eviction brings it down to.
        let store = try DirectoryClipStore(directory: directory, maxBytes: 14_000)
        let files = ClipDirectory(root: directory)
        for (age, name) in ["oldest", "old", "recent", "newer"].enumerated() {
            await store.save(clip(3000, age + 1), as: key(name))
            // Last use an hour apart, "oldest" first, set by hand rather than waited for.
            var times = [timespec(tv_sec: time(nil) - 3600 * (4 - age), tv_nsec: 0), timespec(tv_sec: time(nil) - 3600 * (4 - age), tv_nsec: 0)]
            #expect(utimensat(AT_FDCWD, files.path(of: key(name)), &times, 0) == 0)
        }
        // A hit refreshes "oldest", so "old" is now the least recently used.
        guard case .hit = await store.load(key("oldest")) else { Issue.record("no hit"); return }
        await store.save(clip(3000, 9), as: key("newest"))
        #expect(await store.load(key("old")) == .miss)
        for name in ["oldest", "recent", "newer", "newest"] {
            guard case .hit = await store.load(key(name)) else { Issue.record("\(name) was evicted"); return }
        }
        #expect(try await store.statistics().bytes <= 12_600)
    }

    @Test func twoStoresWritingTheSameKeyAtOnceLeaveOneWholeClip() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Two stores on one directory stand for two processes: each writes its own temporary
        // file and renames it into place.
        let stores = [try DirectoryClipStore(directory: directory), try DirectoryClipStore(directory: directory)]
        await withTaskGroup(of: Void.self) { group in
            for round in 0..<50 {
                for (index, store) in stores.enumerated() {
                    group.addTask { await store.save(clip(8000, round * 2 + index + 1), as: key("same")) }
                }
            }
        }
        guard case .hit(let found) = await stores[0].load(key("same")) else { Issue.record("no whole clip"); return }
        #expect(found.audio.count == 8000)
        let names = try FileManager.default.subpathsOfDirectory(atPath: directory)
        #expect(names.filter { $0.hasSuffix(".clip") }.count == 1 && !names.contains { $0.hasSuffix(".tmp") })
    }

    @Test func hitAndMissTotalsAddUpAcrossStores() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try DirectoryClipStore(directory: directory)
        let second = try DirectoryClipStore(directory: directory)
        await first.save(clip(100), as: key("a"))
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask { await first.record(hits: 2, misses: 1) }
                group.addTask { await second.record(hits: 1, misses: 0) }
            }
        }
        let statistics = try await second.statistics()
        #expect(statistics == ClipStoreStatistics(entries: 1, bytes: ClipCodec.encode(clip(100)).count, hits: 60, misses: 20))
        #expect(statistics.hitRatio == 0.75)
    }

    @Test func anUnwritableDirectoryIsRefusedAtStart() {
        #expect(throws: DirectoryClipStoreError.self) { try DirectoryClipStore(directory: "/proc/switchboard-cannot-be-here") }
    }

    @Test func theDefaultDirectoryFollowsXDG() {
        #expect(DirectoryClipStore.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/x/switchboard/tts")
        #expect(DirectoryClipStore.defaultDirectory(environment: ["HOME": "/h"]) == "/h/.cache/switchboard/tts")
    }
}
