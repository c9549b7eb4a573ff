import Logging
import Synchronization

/// The store's connection over time: connecting, losing it, reconnecting at a measured pace,
/// and saying so in the log once per outage.
///
/// Used only on the store's thread (`RedisThread`), except `isDown`, which callers read
/// without a lock to refuse work at once while Redis is away. Reconnecting is the thread's
/// business alone, at most once per `reconnectInterval`: hundreds of calls asking at once
/// must not each try to connect to a server that is down.
final class RedisLink: @unchecked Sendable {
    struct Settings: Sendable {
        var url: RedisURL
        var connectTimeout: Duration
        var commandTimeout: Duration
        var reconnectInterval: Duration
    }

    private enum State: UInt8 { case starting, connected, down }

    let settings: Settings
    private let logger: Logger
    private let state = Atomic<UInt8>(State.starting.rawValue)
    private(set) var connection: RedisConnection?
    private var lastAttempt: ContinuousClock.Instant?
    /// A warning has been logged for the present outage (and an info line is owed at its end).
    private var outage = false

    init(settings: Settings, logger: Logger) {
        self.settings = settings
        self.logger = logger
    }

    /// True from a failed connection until the next successful one. Before the first attempt
    /// has finished it is false: work then waits for that attempt rather than failing.
    var isDown: Bool { state.load(ordering: .relaxed) == State.down.rawValue }

    /// How long until another attempt may be made: nil while connected, zero when due.
    var timeUntilReconnect: Duration? {
        guard connection == nil else { return nil }
        guard let lastAttempt else { return .zero }
        return max(.zero, lastAttempt + settings.reconnectInterval - ContinuousClock.now)
    }

    /// Connects if there is no connection and an attempt is due.
    func connectIfDue() {
        if timeUntilReconnect == .zero { connect() }
    }

    /// Drops a failed connection. Work is refused from now on; one attempt to reconnect
    /// follows at once if the last was long enough ago (a server that closed an idle
    /// connection costs one batch, not a logged outage); otherwise, or if that fails too, the
    /// store is down and says so once.
    func lost(_ error: RedisError) {
        connection = nil
        state.store(State.down.rawValue, ordering: .relaxed)
        logger.debug("Redis connection failed: \(error)", metadata: ["redis": "\(settings.url)"])
        if timeUntilReconnect == .zero {
            connect()
        } else {
            markDown(because: error)
        }
    }

    /// Frees the connection (the thread is ending).
    func close() { connection = nil }

    private func connect() {
        lastAttempt = .now
        do throws(RedisError) {
            connection = try RedisConnection(url: settings.url, connectTimeout: settings.connectTimeout,
                commandTimeout: settings.commandTimeout)
            state.store(State.connected.rawValue, ordering: .relaxed)
            if outage {
                outage = false
                logger.info("Redis is back: the TTS cache is on again", metadata: ["redis": "\(settings.url)"])
            }
        } catch {
            connection = nil
            markDown(because: error)
        }
    }

    /// The URL in log lines is `RedisURL.description`: its password masked.
    private func markDown(because error: RedisError) {
        state.store(State.down.rawValue, ordering: .relaxed)
        guard !outage else { return }
        outage = true
        let retry = settings.reconnectInterval
        logger.warning("Redis unreachable (\(error)): the TTS cache is off, reconnecting every \(retry)",
            metadata: ["redis": "\(settings.url)"])
    }
}
