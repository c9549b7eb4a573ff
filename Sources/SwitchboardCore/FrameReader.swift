import Foundation

/// Frames read from a byte source (by default a file descriptor such as stdin).
///
/// Bad frames arrive in the sequence as `error` events, so a stage sees them in order and
/// passes them on like any other event. After the sequence ends, `status` tells whether the
/// input was cut inside a payload.
public struct FrameReader<Chunks: AsyncSequence & Sendable>: AsyncSequence, Sendable
where Chunks.Element == [UInt8], Chunks.Failure == Never {
    public typealias Element = Frame
    public typealias Failure = Never

    public let chunks: Chunks
    public let stage: String
    public let limits: FrameLimits
    public let status = FrameReaderStatus()

    public init(chunks: Chunks, stage: String, limits: FrameLimits = .standard) {
        self.chunks = chunks
        self.stage = stage
        self.limits = limits
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(chunks: chunks.makeAsyncIterator(), decoder: FrameDecoder(stage: stage, limits: limits), status: status)
    }

    public struct Iterator: AsyncIteratorProtocol {
        var chunks: Chunks.AsyncIterator
        var decoder: FrameDecoder
        let status: FrameReaderStatus
        var ended = false

        public mutating func next(isolation actor: isolated (any Actor)?) async -> Frame? {
            while true {
                if ended {
                    let frame = decoder.finish()
                    if frame == nil, decoder.sawDataError { status.markDataError() }
                    return frame
                }
                if let frame = decoder.next() { return frame }
                if let chunk = await chunks.next(isolation: actor) {
                    decoder.append(chunk)
                } else {
                    ended = true
                }
            }
        }

        public mutating func next() async -> Frame? { await next(isolation: nil) }
    }
}

/// What a `FrameReader` learned about its input once it has been read to the end.
public final class FrameReaderStatus: @unchecked Sendable {
    private let lock = NSLock()
    private var truncated = false

    /// True when the input ended inside a payload (exit status 65).
    public var sawDataError: Bool { lock.withLock { truncated } }
    func markDataError() { lock.withLock { truncated = true } }
}
