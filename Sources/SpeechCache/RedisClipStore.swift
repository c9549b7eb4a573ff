import Logging
import Speech
import Synchronization

/// Clips in Redis, shared by every process that points at the same server: one string per
/// clip, `<prefix><key hex>` → the sealed bytes of `ClipCodec`, with a time to live.
///
/// ```swift
/// let store = try RedisClipStore(url: "redis://:secret@cache.internal:6379/2")
/// switch await store.load(key) { case .hit(let clip): play(clip) default: synthesize() }
/// ```
///
/// Build one per URL and share it (it is `Sendable`): each store has a thread and a connection
/// of its own (`RedisThread`), and callers only ever wait on a continuation. Redis being down
/// or slow never fails a call nor holds it up for much longer than the command timeout: lookups
/// answer `.unavailable`, saves are dropped (`droppedSaves`), and the store reconnects in the
/// background. A store lives as long as the process; `shutdown()` is for tests and tools.
public final class RedisClipStore: ClipStore {
    public struct Configuration: Sendable {
        /// Put before every key; the running totals live under `<prefix>stats:`.
        public var keyPrefix = "switchboard:tts:"
        /// Each clip's time to live (`SET … PX`), so that unused clips leave on their own.
        public var timeToLive: Duration = .seconds(24 * 3600)
        /// The longest any one read or write on the connection may take. A lookup that has to
        /// wait longer answers `.unavailable`: synthesizing costs less than waiting.
        public var commandTimeout: Duration = .milliseconds(100)
        public var connectTimeout: Duration = .milliseconds(250)
        /// How often the store's thread tries again while Redis is down.
        public var reconnectInterval: Duration = .seconds(1)
        /// Requests allowed to wait for the thread; beyond that, lookups answer `.unavailable`
        /// and saves are dropped, at once.
        public var queueLimit = 1024

        public init() {}
    }

    public let kind = "redis"
    /// The URL without its password.
    public let location: String
    public let configuration: Configuration
    let thread: RedisThread
    private let logger: Logger
    private let dropped = Atomic<Int>(0)
    private let failedSave = Atomic<Bool>(false)

    /// Parses `url` (throwing a `RedisURLError` that names it) and starts the store's thread,
    /// which connects in the background: lookups made before the first connection attempt
    /// has finished wait for it; once it has failed they answer `.unavailable` at once.
    public init(url: String, configuration: Configuration = Configuration(),
        logger: Logger = Logger(label: "switchboard.tts-cache.redis")) throws(RedisURLError) {
        let parsed = try RedisURL(url)
        location = parsed.description
        self.configuration = configuration
        self.logger = logger
        let link = RedisLink(settings: RedisLink.Settings(url: parsed, connectTimeout: configuration.connectTimeout,
            commandTimeout: configuration.commandTimeout, reconnectInterval: configuration.reconnectInterval), logger: logger)
        thread = RedisThread(link: link, queueLimit: configuration.queueLimit)
    }

    /// A store dropped without `shutdown()` still ends its thread.
    deinit { thread.requestStop() }

    /// Ends the thread and frees the connection, after the command in progress. Later lookups
    /// answer `.unavailable`.
    public func shutdown() async { await thread.stop() }

    /// Saves dropped because Redis was down, slow or its queue full, or refused the write.
    public var droppedSaves: Int { dropped.load(ordering: .relaxed) }

    /// The Redis key of a clip.
    func redisKey(_ key: ClipKey) -> String { configuration.keyPrefix + key.hex }

    var hitsKey: String { configuration.keyPrefix + "stats:hits" }
    var missesKey: String { configuration.keyPrefix + "stats:misses" }

    public func load(_ key: ClipKey) async -> ClipLookup {
        let name = redisKey(key)
        guard let reply = await thread.perform([RedisCommand("GET", name)])?.first else { return .unavailable }
        let reason: String
        switch reply {
        case .null:
            return .miss
        case .string(let bytes):
            do throws(ClipCodecError) { return .hit(try ClipCodec.decode(bytes)) } catch { reason = error.description }
        case .error(let message) where message.hasPrefix("WRONGTYPE"):
            reason = "stored value is not a string"
        default:
            // LOADING, a replica's MASTERDOWN …: the server cannot answer now.
            logger.debug("GET answered \(reply)", metadata: ["redis": "\(location)"])
            return .unavailable
        }
        // Removed before answering, so the next request finds no entry and synthesizes afresh.
        _ = await thread.perform([RedisCommand("DEL", name)])
        return .damaged(reason)
    }

    public func save(_ clip: SpeechClip, as key: ClipKey) async {
        let milliseconds = max(1, configuration.timeToLive / .milliseconds(1))
        let set = RedisCommand(arguments: [Array("SET".utf8), Array(redisKey(key).utf8), ClipCodec.encode(clip),
            Array("PX".utf8), Array(String(Int(milliseconds)).utf8)])
        guard let reply = await thread.perform([set])?.first else {
            dropped.add(1, ordering: .relaxed)
            return
        }
        if case .error(let message) = reply {
            dropped.add(1, ordering: .relaxed)
            // Once per run of failures (an OOM refusal would otherwise log on every save).
            if !failedSave.exchange(true, ordering: .relaxed) {
                logger.warning("Redis refused to store a clip: \(message)", metadata: ["redis": "\(location)"])
            }
        } else {
            failedSave.store(false, ordering: .relaxed)
        }
    }

    /// `INCRBY` on `<prefix>stats:hits` and `<prefix>stats:misses`, which every process adds
    /// to. Dropped while Redis is down, like a save.
    public func record(hits: Int, misses: Int) async {
        var commands: [RedisCommand] = []
        if hits != 0 { commands.append(RedisCommand("INCRBY", hitsKey, String(hits))) }
        if misses != 0 { commands.append(RedisCommand("INCRBY", missesKey, String(misses))) }
        guard !commands.isEmpty else { return }
        _ = await thread.perform(commands)
    }
}
