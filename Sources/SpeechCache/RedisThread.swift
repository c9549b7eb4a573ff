import Foundation
import Logging
import Synchronization

/// The one thread that talks to a Redis server for a store, its one connection, and the
/// bounded queue of work waiting for it.
///
/// hiredis's blocking calls must never occupy one of Swift's cooperative threads (two, on a
/// two-core machine serving hundreds of calls), so they all happen here. One connection is
/// enough: the thread takes everything that queued while it was busy and sends it as one
/// pipeline (one write, replies read in order), so a burst of 500 lookups costs a few round
/// trips rather than 500, and Redis itself serves one command at a time anyway.
///
/// While the connection is down, `submit` refuses work at once (callers answer
/// `.unavailable` without waiting) and the thread alone tries to reconnect, at most once per
/// `reconnectInterval`. It logs one warning when Redis is lost and one info line when it is back.
final class RedisThread: @unchecked Sendable {
    struct Settings: Sendable {
        var url: RedisURL
        var connectTimeout: Duration
        var commandTimeout: Duration
        var reconnectInterval: Duration
        var queueLimit: Int
        /// Commands sent in one pipeline at most (bounds the memory of one round trip).
        var pipelineLimit = 256
    }

    enum Work {
        /// Sent in a pipeline with other work; `done` gets the replies, or nil if Redis could
        /// not be asked (down, timed out, shut down).
        case commands([RedisCommand], done: @Sendable ([RedisReply]?) -> Void)
        /// The connection to itself (nil while down) for multi-step work such as a `SCAN`.
        case session(@Sendable (RedisConnection?) -> Void)

        func fail() {
            switch self {
            case .commands(_, let done): done(nil)
            case .session(let body): body(nil)
            }
        }
    }

    private enum State: UInt8 { case starting, connected, down }

    let settings: Settings
    private let logger: Logger
    /// Read by callers without the lock, to refuse work at once while down.
    private let state = Atomic<UInt8>(State.starting.rawValue)

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [Work] = []
    private var stopping = false
    private var exited = false
    private var stopWaiters: [CheckedContinuation<Void, Never>] = []

    // Used by the thread only.
    private var connection: RedisConnection?
    private var lastAttempt: ContinuousClock.Instant?

    init(settings: Settings, logger: Logger) {
        self.settings = settings
        self.logger = logger
        let thread = Thread { [self] in run() }
        thread.name = "switchboard.redis"
        thread.start()
    }

    /// Queues `work`; false (and `work` untouched) while down, after `stop`, or when
    /// `queueLimit` items already wait.
    func submit(_ work: Work) -> Bool {
        guard state.load(ordering: .relaxed) != State.down.rawValue else { return false }
        condition.lock()
        defer { condition.unlock() }
        guard !stopping, queue.count < settings.queueLimit else { return false }
        queue.append(work)
        condition.signal()
        return true
    }

    /// Sends `commands` in the next pipeline and waits for their replies; nil if Redis could
    /// not be asked.
    func perform(_ commands: [RedisCommand]) async -> [RedisReply]? {
        await withCheckedContinuation { continuation in
            let work = Work.commands(commands, done: { continuation.resume(returning: $0) })
            if !submit(work) { continuation.resume(returning: nil) }
        }
    }

    /// Runs `body` on the thread with the connection to itself; nil if the work was refused.
    func session<T: Sendable>(_ body: @escaping @Sendable (RedisConnection?) -> T) async -> T? {
        await withCheckedContinuation { continuation in
            if !submit(.session({ continuation.resume(returning: body($0)) })) { continuation.resume(returning: nil) }
        }
    }

    /// Asks the thread to end: queued work fails, the connection is freed. Returns at once.
    func requestStop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    /// `requestStop`, then waits until the thread has ended (after the command in progress).
    func stop() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            condition.lock()
            defer { condition.unlock() }
            if exited { return continuation.resume() }
            stopping = true
            stopWaiters.append(continuation)
            condition.signal()
        }
    }

    private func run() {
        // hiredis writes with write(2): a server that went away would kill the process with
        // SIGPIPE. Blocked on this thread only, the write fails with EPIPE instead.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &signals, nil)

        connect()
        while let work = next() {
            serve(work)
        }
        connection = nil
        condition.lock()
        exited = true
        let waiting = queue
        let waiters = stopWaiters
        queue = []
        stopWaiters = []
        condition.unlock()
        for work in waiting { work.fail() }
        for waiter in waiters { waiter.resume() }
    }

    /// Everything queued, once there is something; an empty batch when a reconnect is due;
    /// nil when stopping.
    private func next() -> [Work]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !stopping {
            guard connection == nil else {
                condition.wait()
                continue
            }
            let wait = reconnectDue - ContinuousClock.now
            if wait <= .zero { return [] }
            let (seconds, attoseconds) = wait.components
            _ = condition.wait(until: Date(timeIntervalSinceNow: Double(seconds) + Double(attoseconds) * 1e-18))
        }
        if stopping { return nil }
        defer { queue.removeAll(keepingCapacity: true) }
        return queue
    }

    private var reconnectDue: ContinuousClock.Instant {
        (lastAttempt ?? .now) + settings.reconnectInterval
    }

    private func serve(_ batch: [Work]) {
        if connection == nil && ContinuousClock.now >= reconnectDue { connect() }
        var pending: [(commands: [RedisCommand], done: @Sendable ([RedisReply]?) -> Void)] = []
        var pendingCount = 0
        func flush() {
            if !pending.isEmpty { pipeline(pending) }
            pending = []
            pendingCount = 0
        }
        for work in batch {
            switch work {
            case .commands(let commands, let done):
                if pendingCount + commands.count > settings.pipelineLimit { flush() }
                pending.append((commands, done))
                pendingCount += commands.count
            case .session(let body):
                flush()
                body(connection)
                if let connection, connection.isBroken { lost(.io("connection failed during a session")) }
            }
        }
        flush()
    }

    /// One round trip for all `items`. If the connection fails part-way, the items answered
    /// so far keep their replies and the rest get nil.
    private func pipeline(_ items: [(commands: [RedisCommand], done: @Sendable ([RedisReply]?) -> Void)]) {
        guard let connection else { return items.forEach { $0.done(nil) } }
        var answered = 0
        do throws(RedisError) {
            for item in items { for command in item.commands { try connection.append(command) } }
            for item in items {
                var replies: [RedisReply] = []
                for _ in item.commands { replies.append(try connection.nextReply()) }
                answered += 1
                item.done(replies)
            }
        } catch {
            for item in items[answered...] { item.done(nil) }
            lost(error)
        }
    }

    /// Drops a failed connection. One attempt to reconnect follows at once if the last was
    /// long enough ago (a server that closed an idle connection is back within a batch); if
    /// that fails too, the store is down and says so once.
    private func lost(_ error: RedisError) {
        connection = nil
        logger.debug("Redis connection failed: \(error)", metadata: ["redis": "\(settings.url)"])
        if ContinuousClock.now >= reconnectDue {
            connect()
        } else {
            markDown(because: error)
        }
    }

    private func connect() {
        lastAttempt = .now
        do throws(RedisError) {
            connection = try RedisConnection(url: settings.url, connectTimeout: settings.connectTimeout,
                commandTimeout: settings.commandTimeout)
            if state.exchange(State.connected.rawValue, ordering: .relaxed) == State.down.rawValue {
                logger.info("Redis is back: the TTS cache is on again", metadata: ["redis": "\(settings.url)"])
            }
        } catch {
            connection = nil
            markDown(because: error)
        }
    }

    private func markDown(because error: RedisError) {
        guard state.exchange(State.down.rawValue, ordering: .relaxed) != State.down.rawValue else { return }
        let retry = settings.reconnectInterval
        logger.warning("Redis unreachable (\(error)): the TTS cache is off, reconnecting every \(retry)",
            metadata: ["redis": "\(settings.url)"])
    }
}
