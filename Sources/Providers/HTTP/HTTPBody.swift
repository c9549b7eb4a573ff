import Channels
import Foundation
import Synchronization

/// A response body as it arrives, chunk by chunk.
///
/// Iterating it is how a caller applies back-pressure: when more than `BodyBuffer.highWater`
/// bytes wait unread, the transfer is paused until the reader catches up. Cancelling the
/// reading task, or dropping the body unread, aborts the transfer at once.
public struct HTTPBody: AsyncSequence, Sendable {
    public typealias Element = [UInt8]
    public typealias Failure = any Error

    let reader: BodyReader

    public func makeAsyncIterator() -> Iterator { Iterator(reader: reader) }

    public struct Iterator: AsyncIteratorProtocol {
        let reader: BodyReader
        /// Chunks taken from the buffer in one go, handed out one at a time.
        var taken: [[UInt8]] = []
        var position = 0

        public mutating func next() async throws -> [UInt8]? {
            if position == taken.count {
                taken = try await reader.buffer.nextChunks()
                position = 0
                if taken.isEmpty { return nil }
            }
            defer { position += 1 }
            return taken[position]
        }
    }

    /// The whole body, refusing more than `limit` bytes.
    public func collect(upTo limit: Int = 16 * 1024 * 1024) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in self {
            bytes += chunk
            guard bytes.count <= limit else {
                let error = HTTPClientError.transport(code: 0, message: "body larger than \(limit) bytes")
                reader.buffer.cancel(error)
                throw error
            }
        }
        return bytes
    }
}

/// The reading side's hold on a body: when the last copy of an `HTTPBody` (and its iterators)
/// goes away unread, the transfer is aborted instead of running on unseen.
final class BodyReader: Sendable {
    let buffer: BodyBuffer
    init(buffer: BodyBuffer) { self.buffer = buffer }
    deinit { buffer.cancel(CancellationError()) }
}

/// The chunks of one body between the curl thread (producer) and a reading task (consumer):
/// a `BoundedChannel` weighed in bytes, plus how the transfer ended.
///
/// The curl thread cannot wait, so it offers each chunk: when more than `highWater` bytes are
/// unread the offer is refused, curl pauses the transfer (and delivers the same bytes again
/// once resumed), and the channel calls `onRoom` when the reader has taken what was queued.
final class BodyBuffer: @unchecked Sendable {
    static let highWater = 1024 * 1024

    enum Offer { case taken, refused }

    private let chunks = BoundedChannel<[UInt8]>(limits: .init(count: .max, weight: highWater), weight: { $0.count })
    /// Set once, by the transfer's end or by the reader giving up, whichever comes first.
    private let ending = Mutex<Result<Void, any Error>?>(nil)

    // Both set once, before the transfer starts (hence `@unchecked Sendable`).
    /// Asks the curl thread to resume a paused transfer.
    var onRoom: @Sendable () -> Void = {}
    /// Asks the curl thread to abort the transfer.
    var onAbandon: @Sendable (any Error) -> Void = { _ in }

    // MARK: Producer (curl thread)

    /// Takes a chunk, or refuses it when the reader is too far behind.
    func offer(_ chunk: [UInt8]) -> Offer {
        switch chunks.offer(chunk) {
        case .accepted: return .taken
        case .closed: return .taken  // the reader is gone; curl is being stopped
        case .full:
            chunks.whenRoom { [onRoom] in onRoom() }
            return .refused
        }
    }

    /// The transfer ended: the reader gets what is queued, then the end or the error.
    func finish(_ result: Result<Void, any Error>) {
        guard setEnding(result) else { return }
        chunks.finish()
    }

    // MARK: Consumer

    /// The chunks that have arrived, in order, waiting while none has; empty at the end of a
    /// complete body. Throws the transfer's error once the chunks before it are read, and
    /// `CancellationError` (aborting the transfer) when the reading task is cancelled.
    func nextChunks() async throws -> [[UInt8]] {
        if Task.isCancelled { throw abandon(CancellationError()) }
        let batch = await chunks.nextBatch()
        if !batch.isEmpty { return batch }
        if Task.isCancelled { throw abandon(CancellationError()) }
        if case .failure(let error) = ending.withLock({ $0 }) { throw error }
        return []
    }

    /// The reader gave up: fail the read in progress and abort the transfer (once).
    func cancel(_ error: any Error) {
        guard setEnding(.failure(error)) else { return }
        chunks.close()
        onAbandon(error)
    }

    private func abandon(_ error: any Error) -> any Error {
        cancel(error)
        return error
    }

    /// True for the first ending only.
    private func setEnding(_ result: Result<Void, any Error>) -> Bool {
        ending.withLock { ending in
            guard ending == nil else { return false }
            ending = result
            return true
        }
    }
}
