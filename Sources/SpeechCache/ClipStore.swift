import Speech

/// Where synthesized clips are kept between requests, calls and processes: a directory
/// (`DirectoryClipStore`) or Redis (`RedisClipStore`).
///
/// A store never throws at the stage and never holds it up: a store that cannot be reached
/// answers `.unavailable` at once (logging that once, and reconnecting in the background), and
/// the stage synthesizes as if the cache were off. Blocking I/O happens on the store's own
/// threads, never on Swift's cooperative pool.
public protocol ClipStore: Sendable {
    /// `dir` or `redis`: in `tts-cache stats` and in log lines.
    var kind: String { get }
    /// Where it is: a path or a `redis://` URL.
    var location: String { get }

    /// The clip stored under `key`, verified (`ClipCodec`). A damaged entry is reported as
    /// `.damaged` and removed, so the next request synthesizes it afresh.
    func load(_ key: ClipKey) async -> ClipLookup
    /// Stores a complete clip (only ever a complete one: the stage calls this after the engine
    /// has finished without error). Failures are logged, not thrown: the audio has already
    /// been heard, and a missing entry only costs a future synthesis.
    func save(_ clip: SpeechClip, as key: ClipKey) async
    /// Adds a process's hits and misses to the store's running totals (for `tts-cache stats`).
    func record(hits: Int, misses: Int) async
    /// Entries, bytes, and the hit and miss totals recorded so far.
    func statistics() async throws -> ClipStoreStatistics
}

/// What a lookup found.
public enum ClipLookup: Sendable, Equatable {
    case hit(SpeechClip)
    case miss
    /// Something was stored but is not a whole clip (cut short by a crash, garbled): the
    /// reason, for an `error` event. The entry has been removed.
    case damaged(String)
    /// The store could not be asked (Redis down or slow): treat as a miss, quietly.
    case unavailable
}

public struct ClipStoreStatistics: Sendable, Equatable {
    public var entries: Int
    public var bytes: Int
    public var hits: Int
    public var misses: Int

    public init(entries: Int, bytes: Int, hits: Int, misses: Int) {
        self.entries = entries
        self.bytes = bytes
        self.hits = hits
        self.misses = misses
    }

    /// Hits over lookups; nil before the first lookup.
    public var hitRatio: Double? { hits + misses == 0 ? nil : Double(hits) / Double(hits + misses) }
}
