import CHiredis
import Foundation

/// One blocking connection to a Redis server: a thin wrapper over a hiredis `redisContext`.
///
/// Blocking, because it only ever runs on a thread of its own (`RedisThread`), never on
/// Swift's cooperative pool; bounded, because every read and write has the command timeout
/// (`redisSetTimeout` sets the socket's `SO_RCVTIMEO`/`SO_SNDTIMEO`), so a server that stops
/// answering costs that long, not forever. Once hiredis reports an I/O error (a timeout
/// included) the context is unusable — replies may still be on their way — and the owner
/// drops it and connects afresh. Not thread-safe: one thread at a time.
final class RedisConnection {
    private let context: UnsafeMutablePointer<redisContext>
    private let commandTimeout: Duration

    /// Connects, authenticates, selects the database and checks with a `PING` that the server
    /// answers within `commandTimeout` (a server busy in a long command accepts connections
    /// but does not answer them).
    init(url: RedisURL, connectTimeout: Duration, commandTimeout: Duration) throws(RedisError) {
        guard let context = redisConnectWithTimeout(url.host, Int32(url.port), connectTimeout.hiredisTimeout) else {
            throw .io("cannot allocate a hiredis context")
        }
        self.context = context
        self.commandTimeout = commandTimeout
        guard context.pointee.err == 0 else { throw .io(errorText) }  // deinit frees the context
        guard redisSetTimeout(context, commandTimeout.hiredisTimeout) == REDIS_OK else { throw .io(errorText) }

        var handshake: [RedisCommand] = []
        if let password = url.password {
            handshake.append(RedisCommand(arguments: [Array("AUTH".utf8)] + (url.username.map { [Array($0.utf8)] } ?? []) + [Array(password.utf8)]))
        }
        if url.database != 0 { handshake.append(RedisCommand("SELECT", String(url.database))) }
        handshake.append(RedisCommand("PING"))
        for (command, reply) in zip(handshake, try pipeline(handshake)) {
            if case .error(let message) = reply { throw .refused("\(command): \(message)") }
        }
    }

    deinit { redisFree(context) }

    /// True once hiredis has given up on the connection (I/O error, timeout, protocol error).
    var isBroken: Bool { context.pointee.err != 0 }

    /// Sends `command` and waits for its reply. A reply of type error is returned, not thrown:
    /// only a connection that failed throws.
    func send(_ command: RedisCommand) throws(RedisError) -> RedisReply {
        try append(command)
        return try nextReply()
    }

    /// Sends all `commands` in one write and reads their replies in order: one round trip.
    func pipeline(_ commands: [RedisCommand]) throws(RedisError) -> [RedisReply] {
        for command in commands { try append(command) }
        var replies: [RedisReply] = []
        replies.reserveCapacity(commands.count)
        for _ in commands { replies.append(try nextReply()) }
        return replies
    }

    /// Queues `command` in hiredis's output buffer; nothing is written until `nextReply`.
    func append(_ command: RedisCommand) throws(RedisError) {
        let arguments = command.arguments
        let lengths = arguments.map(\.count)
        // One buffer holding every argument, so that all their addresses are valid at once.
        var flat: [UInt8] = []
        flat.reserveCapacity(lengths.reduce(0, +) + 1)
        for argument in arguments { flat += argument }
        flat.append(0)  // never empty: its base address is never nil
        let status = flat.withUnsafeBufferPointer { buffer -> Int32 in
            let base = UnsafeRawPointer(buffer.baseAddress!)
            var offset = 0
            var pointers: [UnsafePointer<CChar>?] = lengths.map { length in
                defer { offset += length }
                return (base + offset).assumingMemoryBound(to: CChar.self)
            }
            return redisAppendCommandArgv(context, Int32(arguments.count), &pointers, lengths)
        }
        guard status == REDIS_OK else { throw .io(errorText) }
    }

    /// The next reply, writing queued commands first.
    func nextReply() throws(RedisError) -> RedisReply {
        var raw: UnsafeMutableRawPointer?
        guard redisGetReply(context, &raw) == REDIS_OK, let raw else {
            // A socket timeout surfaces as EAGAIN ("Resource temporarily unavailable").
            let timedOut = context.pointee.err == REDIS_ERR_IO && errno == EAGAIN
            throw .io(timedOut ? "no reply within \(commandTimeout)" : errorText)
        }
        defer { freeReplyObject(raw) }
        return RedisReply(raw.assumingMemoryBound(to: redisReply.self))
    }

    private var errorText: String {
        let text = withUnsafeBytes(of: context.pointee.errstr) { bytes in
            String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        return text.isEmpty ? "error \(context.pointee.err)" : text
    }
}

/// Why Redis could not be asked. The messages come from hiredis or the server and never hold
/// a password or a value.
enum RedisError: Error, Equatable, CustomStringConvertible {
    /// The connection failed: refused, reset, timed out, or a reply that could not be read.
    case io(String)
    /// The server refused the handshake (a wrong password, a database out of range).
    case refused(String)
    /// A reply that was not what the command answers.
    case unexpectedReply(String)
    /// The store is disconnected, shut down, or its queue is full.
    case unavailable

    var description: String {
        switch self {
        case .io(let reason): reason
        case .refused(let reason): "refused: \(reason)"
        case .unexpectedReply(let command): "unexpected reply to \(command)"
        case .unavailable: "unavailable"
        }
    }
}

extension Duration {
    /// For hiredis's timeouts. At least a millisecond: a zero socket timeout means none.
    fileprivate var hiredisTimeout: timeval {
        let microseconds = max(1000, components.seconds * 1_000_000 + components.attoseconds / 1_000_000_000_000)
        return timeval(tv_sec: Int(microseconds / 1_000_000), tv_usec: Int(microseconds % 1_000_000))
    }
}
