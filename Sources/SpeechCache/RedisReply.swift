import CHiredis

/// A reply from Redis, copied out of hiredis's `redisReply` tree so that it can be freed at
/// once and the value handed to any thread.
enum RedisReply: Sendable, Equatable {
    case string([UInt8])
    /// A simple status such as `OK` or `PONG`.
    case status(String)
    case integer(Int)
    /// A missing key (`GET` of nothing).
    case null
    case array([RedisReply])
    /// The server refused the command (`WRONGTYPE …`, `NOAUTH …`): the connection is fine.
    case error(String)

    init(_ reply: UnsafePointer<redisReply>) {
        let value = reply.pointee
        func bytes() -> [UInt8] {
            guard let text = value.str, value.len > 0 else { return [] }
            return Array(UnsafeRawBufferPointer(start: text, count: value.len))
        }
        switch value.type {
        case REDIS_REPLY_STRING: self = .string(bytes())
        case REDIS_REPLY_STATUS: self = .status(String(decoding: bytes(), as: UTF8.self))
        case REDIS_REPLY_ERROR: self = .error(String(decoding: bytes(), as: UTF8.self))
        case REDIS_REPLY_INTEGER: self = .integer(Int(value.integer))
        case REDIS_REPLY_ARRAY:
            self = .array((0..<value.elements).map { index in
                value.element[index].map { RedisReply(UnsafePointer($0)) } ?? .null
            })
        default: self = .null
        }
    }

    /// An integer sent either way Redis does: `INCRBY` answers an integer, `GET` of a counter a
    /// string of digits; a missing counter counts as 0.
    var count: Int? {
        switch self {
        case .integer(let value): value
        case .string(let digits): Int(String(decoding: digits, as: UTF8.self))
        case .null: 0
        default: nil
        }
    }
}
