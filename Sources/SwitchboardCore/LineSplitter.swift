/// Splits a byte stream into `\n`-terminated lines, incrementally.
///
/// It remembers how far it has already looked for the newline, so a long line arriving in
/// many small reads is scanned once (as swift-nio-extras' `LineBasedFrameDecoder` does). A line
/// longer than `maxLineBytes` is reported once, then skipped up to its newline without being
/// kept in memory.
public struct LineSplitter {
    public enum Item: Equatable {
        /// A line without its `\n` (a trailing `\r` is kept; callers decide), and the stream
        /// offset of its first byte.
        case line([UInt8], offset: Int)
        /// A line longer than the limit began at `offset`; it is being skipped.
        case tooLong(offset: Int)
    }

    public let maxLineBytes: Int
    var buffer = InputBuffer()
    private var scanned = 0
    private var discarding = false

    public init(maxLineBytes: Int) { self.maxLineBytes = maxLineBytes }

    public var bufferedCount: Int { buffer.readableCount }
    /// Stream offset of the next unread byte.
    public var offset: Int { buffer.streamOffset }

    public mutating func append(_ bytes: some Sequence<UInt8>) { buffer.append(bytes) }

    /// The next complete line, or nil when more input is needed.
    public mutating func next() -> Item? {
        while true {
            guard let newline = buffer.firstIndex(of: 0x0A, from: scanned) else {
                if discarding {
                    buffer.skip(buffer.readableCount)
                    scanned = 0
                    return nil
                }
                if buffer.readableCount > maxLineBytes {
                    let offset = buffer.streamOffset
                    buffer.skip(buffer.readableCount)
                    scanned = 0
                    discarding = true
                    return .tooLong(offset: offset)
                }
                scanned = buffer.readableCount
                return nil
            }
            scanned = 0
            let offset = buffer.streamOffset
            if discarding {
                buffer.skip(newline + 1)
                discarding = false
                continue
            }
            if newline > maxLineBytes {
                buffer.skip(newline + 1)
                return .tooLong(offset: offset)
            }
            let line = buffer.read(newline)
            buffer.skip(1)
            return .line(line, offset: offset)
        }
    }

    /// At end of input: the last line if it had no `\n`.
    public mutating func finish() -> Item? {
        if let item = next() { return item }
        guard !discarding, buffer.readableCount > 0 else { return nil }
        let offset = buffer.streamOffset
        scanned = 0
        return .line(buffer.read(buffer.readableCount), offset: offset)
    }

    /// Takes `count` raw bytes that follow the last line (a frame's payload), if all are here.
    mutating func takeBytes(_ count: Int) -> [UInt8]? {
        guard buffer.readableCount >= count else { return nil }
        scanned = 0
        return buffer.read(count)
    }

    /// The first `count` unread bytes, without taking them; nil until that many are here.
    func peek(_ count: Int) -> [UInt8]? {
        guard buffer.readableCount >= count else { return nil }
        return buffer.withReadable(count) { Array($0) }
    }

    /// Drops whatever is buffered; returns how many bytes that was.
    mutating func dropBuffered() -> Int {
        let count = buffer.readableCount
        buffer.skip(count)
        scanned = 0
        return count
    }
}
