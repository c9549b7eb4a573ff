import Foundation

/// Writes bytes to a file descriptor from a dedicated thread ("group commit").
///
/// `write` only appends to a buffer; the thread writes whatever has accumulated each time it
/// wakes. A frame therefore waits at most for the write in progress — never for a buffer to
/// fill — while a fast producer still gets large `write(2)` calls. When the reader downstream
/// is slower than the producer, `write` suspends above `highWater` buffered bytes
/// (back-pressure) instead of growing without bound.
public final class FileDescriptorWriter: @unchecked Sendable {
    public struct Closed: Error, CustomStringConvertible {
        public let errno: Int32
        public var description: String { "output closed: \(String(cString: strerror(errno)))" }
    }

    public let fileDescriptor: Int32
    private let highWater: Int
    private let condition = NSCondition()
    // Everything below is guarded by `condition`.
    private var pending: [UInt8] = []
    private var writing = false
    private var finishing = false
    private var failure: Closed?
    /// Producers waiting for the buffer to fall below half of `highWater`.
    private var roomWaiters: [CheckedContinuation<Void, Never>] = []
    /// `finish` callers waiting for everything to be written.
    private var drainWaiters: [CheckedContinuation<Void, Never>] = []

    public init(fileDescriptor: Int32, highWater: Int = 256 * 1024) {
        self.fileDescriptor = fileDescriptor
        self.highWater = highWater
        // A closed pipe must surface as an error we can report, not kill the process.
        signal(SIGPIPE, SIG_IGN)
        let thread = Thread { [self] in run() }
        thread.name = "switchboard.write-\(fileDescriptor)"
        thread.start()
    }

    /// Queues bytes for writing; suspends while too much is already queued.
    public func write(_ bytes: some Collection<UInt8>) async throws {
        let mustWait: Bool = try condition.withLock {
            if let failure { throw failure }
            pending.append(contentsOf: bytes)
            if !writing { condition.signal() }
            return pending.count > highWater
        }
        guard mustWait else { return }
        await withCheckedContinuation { continuation in
            condition.withLock {
                if pending.count <= highWater / 2 || failure != nil {
                    continuation.resume()
                } else {
                    roomWaiters.append(continuation)
                }
            }
        }
    }

    /// Writes everything queued and stops the thread. Throws if the output was closed.
    public func finish() async throws {
        await withCheckedContinuation { continuation in
            condition.withLock {
                finishing = true
                if (pending.isEmpty && !writing) || failure != nil {
                    continuation.resume()
                } else {
                    drainWaiters.append(continuation)
                }
                condition.signal()
            }
        }
        if let failure = condition.withLock({ failure }) { throw failure }
    }

    private func run() {
        var batch: [UInt8] = []
        while true {
            condition.lock()
            while pending.isEmpty && !finishing { condition.wait() }
            if pending.isEmpty {
                // Finishing and nothing left: release everyone and end the thread.
                let waiters = drainWaiters + roomWaiters
                drainWaiters = []
                roomWaiters = []
                condition.unlock()
                waiters.forEach { $0.resume() }
                return
            }
            swap(&batch, &pending)
            writing = true
            condition.unlock()

            let error = writeAll(batch)
            batch.removeAll(keepingCapacity: true)

            condition.lock()
            writing = false
            if let error {
                failure = Closed(errno: error)
                pending.removeAll()
                finishing = true
            }
            var ready: [CheckedContinuation<Void, Never>] = []
            if pending.count <= highWater / 2 || failure != nil {
                ready = roomWaiters
                roomWaiters = []
            }
            if pending.isEmpty {
                ready += drainWaiters
                drainWaiters = []
            }
            condition.unlock()
            ready.forEach { $0.resume() }
        }
    }

    private func writeAll(_ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fileDescriptor, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN { usleep(1000); continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
    }
}
