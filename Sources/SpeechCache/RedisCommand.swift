/// One Redis command as its arguments, each a byte string of its own: sent with
/// `redisAppendCommandArgv`, which takes a length for every argument, so clip bytes holding
/// NUL or anything else go through untouched (hiredis's format-string `redisCommand` would
/// stop at a NUL, and does not import into Swift anyway).
struct RedisCommand: Sendable, CustomStringConvertible {
    private(set) var arguments: [[UInt8]]

    init(arguments: [[UInt8]]) {
        self.arguments = arguments
    }

    /// A command of text arguments: `RedisCommand("GET", key)`.
    init(_ words: String...) {
        arguments = words.map { Array($0.utf8) }
    }

    /// The command's name only: values (clips, a password) stay out of log lines.
    var description: String { arguments.first.map { String(decoding: $0, as: UTF8.self) } ?? "" }
}
