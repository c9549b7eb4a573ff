import Foundation
import Logging
import NIOPosix
import Speech
import Synchronization

/// The default store: one file per clip under a directory (`$XDG_CACHE_HOME/switchboard/tts`),
/// shared safely by every call of a process and by several processes at once (atomic renames,
/// a locked counts file), kept under a size cap by evicting the least recently used entries.
///
/// File I/O runs on NIO's process-wide blocking-I/O thread pool, never on Swift's cooperative
/// threads. At most `maxPending` operations wait for that pool: beyond it a lookup answers
/// `.unavailable` (synthesize instead) rather than queue without bound behind a slow disk.
public final class DirectoryClipStore: ClipStore {
    public let kind = "dir"
    public var location: String { directory.root }
    /// The most the directory may hold, in bytes; above it the oldest-used entries go, down to
    /// nine tenths of it.
    public let maxBytes: Int
    public static let maxPending = 256

    private let directory: ClipDirectory
    private let pool: NIOThreadPool
    private let logger: Logger
    private let state = Mutex(State())

    private struct State {
        /// What this process believes the directory holds; nil until the first scan.
        var bytes: Int?
        var pending = 0
        var warnedWriteFailure = false
    }

    /// Creates the directory if needed; throws when it cannot (a configuration error).
    public init(directory: String = DirectoryClipStore.defaultDirectory(), maxBytes: Int = 512 << 20,
                pool: NIOThreadPool = .singleton, logger: Logger = Logger(label: "tts-cache")) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw DirectoryClipStoreError(directory: directory, reason: error.localizedDescription)
        }
        guard access(directory, W_OK) == 0 else { throw DirectoryClipStoreError(directory: directory, reason: "not writable") }
        self.directory = ClipDirectory(root: directory)
        self.maxBytes = maxBytes
        self.pool = pool
        self.logger = logger
    }

    /// `$XDG_CACHE_HOME/switchboard/tts`, else `~/.cache/switchboard/tts`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.cache"
        return base + "/switchboard/tts"
    }

    public func load(_ key: ClipKey) async -> ClipLookup {
        let directory = self.directory
        let found = await offload { directory.read(key) }
        guard let found else { return .unavailable }
        guard let bytes = found else { return .miss }
        do {
            return .hit(try ClipCodec.decode(bytes))
        } catch {
            _ = await offload { directory.remove(key) }
            return .damaged("\(error) in \(directory.path(of: key)); removed")
        }
    }

    public func save(_ clip: SpeechClip, as key: ClipKey) async {
        let bytes = ClipCodec.encode(clip)
        let directory = self.directory
        let written = await offload { () -> Int32? in directory.write(bytes, as: key) ? nil : errno }
        switch written {
        case .some(nil): await account(added: bytes.count)
        case .some(let code?):
            let first = state.withLock { state in
                defer { state.warnedWriteFailure = true }
                return !state.warnedWriteFailure
            }
            if first { logger.warning("cannot write to the speech cache \(directory.root): \(String(cString: strerror(code)))") }
        case nil: break  // too busy: the clip is not kept, which only costs a later synthesis
        }
    }

    public func record(hits: Int, misses: Int) async {
        guard hits > 0 || misses > 0 else { return }
        let directory = self.directory
        _ = await offload { directory.addCounts(hits: hits, misses: misses) }
    }

    public func statistics() async throws -> ClipStoreStatistics {
        let directory = self.directory
        return try await pool.runIfActive {
            let entries = directory.entries()
            let counts = directory.counts()
            return ClipStoreStatistics(entries: entries.count, bytes: entries.reduce(0) { $0 + $1.bytes }, hits: counts.hits, misses: counts.misses)
        }
    }

    /// Keeps the size estimate and evicts when a save takes it over the cap. The first save
    /// scans the directory (other processes may have filled it); an eviction re-scans, which
    /// also takes in what other processes have written meanwhile.
    private func account(added: Int) async {
        let directory = self.directory
        let known = state.withLock { state -> Int? in
            state.bytes = state.bytes.map { $0 + added }
            return state.bytes
        }
        var total = known
        if total == nil {
            total = await offload { directory.entries().reduce(0) { $0 + $1.bytes } }
            state.withLock { $0.bytes = total }
        }
        guard let bytes = total, bytes > maxBytes else { return }
        let target = maxBytes / 10 * 9
        let left = await offload { directory.evict(downTo: target) }
        state.withLock { $0.bytes = left }
    }

    /// Runs `work` on the thread pool; nil when too much already waits (or the pool is gone).
    private func offload<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T? {
        let admitted = state.withLock { state in
            guard state.pending < Self.maxPending else { return false }
            state.pending += 1
            return true
        }
        guard admitted else { return nil }
        defer { state.withLock { $0.pending -= 1 } }
        return try? await pool.runIfActive(work)
    }
}

public struct DirectoryClipStoreError: Error, CustomStringConvertible {
    public let directory: String
    public let reason: String
    public var description: String { "cannot use \(directory) as the speech cache: \(reason)" }
}
