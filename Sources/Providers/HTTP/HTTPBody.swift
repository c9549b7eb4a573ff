import Foundation

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
        public mutating func next() async throws -> [UInt8]? { try await reader.buffer.next() }
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

/// The chunks of one body between the curl thread (producer) and a reading task (consumer).
final class BodyBuffer: @unchecked Sendable {
    static let highWater = 1024 * 1024

    enum Offer { case taken, refused }

    private let lock = NSLock()
    // Guarded by `lock`:
    private var chunks: [[UInt8]] = []
    private var head = 0
    private var bufferedBytes = 0
    private var ending: Result<Void, any Error>?
    private var waiter: CheckedContinuation<[UInt8]?, any Error>?
    private var producerPaused = false

    /// Set once, before the transfer starts: asks the curl thread to resume a paused transfer.
    var onRoom: @Sendable () -> Void = {}
    /// Set once, before the transfer starts: asks the curl thread to abort the transfer.
    var onAbandon: @Sendable (any Error) -> Void = { _ in }

    // MARK: Producer (curl thread)

    /// Takes a chunk, or refuses it when the reader is too far behind; the transfer is then
    /// paused, and curl delivers the same bytes again once resumed.
    func offer(_ chunk: [UInt8]) -> Offer {
        enum Step { case handOver(CheckedContinuation<[UInt8]?, any Error>), buffered, refused, dropped }
        let step: Step = lock.withLock {
            if ending != nil { return .dropped }  // the reader is gone; curl is being stopped
            if let waiter {
                self.waiter = nil
                return .handOver(waiter)
            }
            if bufferedBytes >= Self.highWater {
                producerPaused = true
                return .refused
            }
            chunks.append(chunk)
            bufferedBytes += chunk.count
            return .buffered
        }
        switch step {
        case .handOver(let waiter):
            waiter.resume(returning: chunk)
            return .taken
        case .buffered, .dropped: return .taken
        case .refused: return .refused
        }
    }

    func finish(_ result: Result<Void, any Error>) {
        let resumed: CheckedContinuation<[UInt8]?, any Error>? = lock.withLock {
            guard ending == nil else { return nil }
            ending = result
            defer { waiter = nil }
            return waiter
        }
        switch result {
        case .success: resumed?.resume(returning: nil)
        case .failure(let error): resumed?.resume(throwing: error)
        }
    }

    // MARK: Consumer

    func next() async throws -> [UInt8]? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let ready: Result<[UInt8]?, any Error>? = lock.withLock {
                    if head < chunks.count {
                        let chunk = chunks[head]
                        head += 1
                        bufferedBytes -= chunk.count
                        if head == chunks.count {
                            chunks.removeAll(keepingCapacity: true)
                            head = 0
                        }
                        return .success(chunk)
                    }
                    switch ending {
                    case .success: return .success(nil)
                    case .failure(let error): return .failure(error)
                    case nil:
                        waiter = continuation
                        return nil
                    }
                }
                if let ready { continuation.resume(with: ready) }
                resumeProducerIfRoom()
            }
        } onCancel: {
            cancel(CancellationError())
        }
    }

    /// The reader gave up: fail the read in progress and abort the transfer (once).
    func cancel(_ error: any Error) {
        let (resumed, abandon): (CheckedContinuation<[UInt8]?, any Error>?, Bool) = lock.withLock {
            guard ending == nil else { return (nil, false) }
            ending = .failure(error)
            defer { waiter = nil }
            return (waiter, true)
        }
        resumed?.resume(throwing: error)
        if abandon { onAbandon(error) }
    }

    private func resumeProducerIfRoom() {
        let resume: Bool = lock.withLock {
            guard producerPaused, bufferedBytes < Self.highWater / 2 else { return false }
            producerPaused = false
            return true
        }
        if resume { onRoom() }
    }
}
