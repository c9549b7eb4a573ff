import Foundation

/// The one thread that talks to a Redis server for a store, and the bounded queue of work
/// waiting for it; the connection itself, and reconnecting, are `RedisLink`'s.
///
/// hiredis's blocking calls must never occupy one of Swift's cooperative threads (two, on a
/// two-core machine serving hundreds of calls), so they all happen here. One connection is
/// enough: the thread takes everything that queued while it was busy and sends it as one
/// pipeline (one write, replies read in order), so a burst of 500 lookups costs a few round
/// trips rather than 500, and Redis itself serves one command at a time anyway.
///
/// While the connection is down, `submit` refuses work at once (callers answer `.unavailable`
/// without waiting) and the thread wakes only to try to reconnect, once per
/// `reconnectInterval`. A full queue is refused the same way: when Redis is slower than the
/// calls, they do without it rather than wait.
final class RedisThread: @unchecked Sendable {
    /// Commands sent in one pipeline at most (bounds the memory of one round trip).
    static let pipelineLimit = 256

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

    private let link: RedisLink
    private let queueLimit: Int

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [Work] = []
    private var stopping = false
    private var exited = false
    private var stopWaiters: [CheckedContinuation<Void, Never>] = []

    init(link: RedisLink, queueLimit: Int) {
        self.link = link
        self.queueLimit = queueLimit
        let thread = Thread { [self] in run() }
        thread.name = "switchboard.redis"
        thread.start()
    }

    /// Queues `work`; false (and `work` untouched) while down, after `stop`, or when
    /// `queueLimit` items already wait.
    func submit(_ work: Work) -> Bool {
        guard !link.isDown else { return false }
        condition.lock()
        defer { condition.unlock() }
        guard !stopping, queue.count < queueLimit else { return false }
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

        link.connectIfDue()
        while let work = next() {
            serve(work)
        }
        link.close()
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
            guard let wait = link.timeUntilReconnect else {
                condition.wait()
                continue
            }
            if wait == .zero { return [] }
            let (seconds, attoseconds) = wait.components
            _ = condition.wait(until: Date(timeIntervalSinceNow: Double(seconds) + Double(attoseconds) * 1e-18))
        }
        if stopping { return nil }
        defer { queue.removeAll(keepingCapacity: true) }
        return queue
    }

    private func serve(_ batch: [Work]) {
        link.connectIfDue()
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
                if pendingCount + commands.count > Self.pipelineLimit { flush() }
                pending.append((commands, done))
                pendingCount += commands.count
            case .session(let body):
                flush()
                body(link.connection)
                if let connection = link.connection, connection.isBroken { link.lost(.io("connection failed during a session")) }
            }
        }
        flush()
    }

    /// One round trip for all `items`. If the connection fails part-way, the items answered
    /// so far keep their replies and the rest get nil.
    private func pipeline(_ items: [(commands: [RedisCommand], done: @Sendable ([RedisReply]?) -> Void)]) {
        guard let connection = link.connection else { return items.forEach { $0.done(nil) } }
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
            link.lost(error)
        }
    }
}
