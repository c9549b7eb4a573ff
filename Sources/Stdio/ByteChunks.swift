import Foundation

/// The bytes of a file descriptor as an async sequence of chunks.
///
/// A dedicated thread does the blocking `read(2)` calls, so a stage waiting for input never
/// blocks a thread of Swift's cooperative pool, and reads ahead at most `depth` chunks:
/// back-pressure reaches the writer upstream through the pipe.
public struct ByteChunks: AsyncSequence, Sendable {
    public typealias Element = [UInt8]
    public typealias Failure = Never

    public let fileDescriptor: Int32
    public let chunkSize: Int
    public let depth: Int
    /// Bytes already read from the descriptor (say, to sniff its format), delivered first.
    public let prefix: [UInt8]

    public init(fileDescriptor: Int32, prefix: [UInt8] = [], chunkSize: Int = 64 * 1024, depth: Int = 4) {
        self.fileDescriptor = fileDescriptor
        self.prefix = prefix
        self.chunkSize = chunkSize
        self.depth = depth
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(reader: ReadAheadThread(fileDescriptor: fileDescriptor, chunkSize: chunkSize, depth: depth), prefix: prefix)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let reader: ReadAheadThread
        var chunks: AsyncStream<[UInt8]>.Iterator
        var prefix: [UInt8]?

        init(reader: ReadAheadThread, prefix: [UInt8]) {
            self.reader = reader
            self.chunks = reader.stream.makeAsyncIterator()
            self.prefix = prefix.isEmpty ? nil : prefix
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async -> [UInt8]? {
            if let prefix {
                self.prefix = nil
                return prefix
            }
            let chunk = await chunks.next(isolation: actor)
            reader.permits.signal()
            return chunk
        }

        public mutating func next() async -> [UInt8]? { await next(isolation: nil) }
    }
}

/// Reads one file descriptor on its own thread into an `AsyncStream`, holding at most `depth`
/// unread chunks. Read errors end the stream; they are logged by whoever owns the descriptor.
final class ReadAheadThread: @unchecked Sendable {
    let stream: AsyncStream<[UInt8]>
    let permits: DispatchSemaphore
    private let continuation: AsyncStream<[UInt8]>.Continuation
    private let stopped = StopFlag()

    init(fileDescriptor: Int32, chunkSize: Int, depth: Int) {
        (stream, continuation) = AsyncStream.makeStream(of: [UInt8].self, bufferingPolicy: .unbounded)
        // Starts at zero and is raised to `depth`: libdispatch traps when a semaphore is freed
        // with a value below the one it was created with.
        permits = DispatchSemaphore(value: 0)
        for _ in 0..<depth { permits.signal() }
        let continuation = self.continuation
        let permits = self.permits
        let stopped = self.stopped
        continuation.onTermination = { _ in
            stopped.set()
            permits.signal()
        }
        let thread = Thread {
            var chunk = [UInt8](repeating: 0, count: chunkSize)
            while true {
                permits.wait()
                if stopped.isSet { return }
                let count = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, chunkSize) }
                if count > 0 {
                    continuation.yield(Array(chunk[0..<count]))
                } else if count < 0, errno == EINTR || errno == EAGAIN {
                    permits.signal()
                    if errno == EAGAIN { usleep(1000) }
                } else {
                    continuation.finish()
                    return
                }
            }
        }
        thread.name = "switchboard.read-\(fileDescriptor)"
        thread.start()
    }
}

/// A flag one thread sets and another polls.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
