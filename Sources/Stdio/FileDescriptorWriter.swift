import Foundation
import Synchronization

/// Writes bytes to a file descriptor from a dedicated thread ("group commit").
///
/// `write` only appends to a buffer; the thread writes whatever has accumulated each time it
/// wakes. A frame therefore waits at most for the write in progress — never for a buffer to
/// fill — while a fast producer still gets large `write(2)` calls. When the reader downstream
/// is slower than the producer, `write` suspends above `highWater` buffered bytes
/// (back-pressure) instead of growing without bound.
///
/// Producer and thread meet at a `Mutex`, which spins briefly before sleeping: the critical
/// sections are a memcpy, and sleeping on every collision cost more than the work (a third of
/// a decode run went to the kernel with a plain pthread mutex). The thread parks as soon as
/// the queue is empty: lingering awake made batch runs ~20 % faster but kept a core busy,
/// which a process per stage per live call cannot afford.
public final class FileDescriptorWriter: Sendable {
    public struct Closed: Error, CustomStringConvertible {
        public let errno: Int32
        public var description: String { "output closed: \(String(cString: strerror(errno)))" }
    }

    private struct State: ~Copyable {
        var pending: [UInt8] = []
        var writing = false
        var parked = false
        var finishing = false
        var failure: Closed?
        /// Producers waiting for the queue to fall below half of `highWater`.
        var roomWaiters: [CheckedContinuation<Void, Never>] = []
        /// `finish` callers waiting for everything to be written.
        var drainWaiters: [CheckedContinuation<Void, Never>] = []
    }

    public let fileDescriptor: Int32
    private let highWater: Int
    private let state = Mutex(State())
    /// Wakes the parked thread.
    private let wake = DispatchSemaphore(value: 0)

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
    public func write(_ bytes: [UInt8]) async throws {
        try await write { $0.append(contentsOf: bytes) }
    }

    /// Lets `append` add bytes straight to the queue (no intermediate buffer per frame);
    /// suspends while too much is already queued.
    public func write(_ append: (inout [UInt8]) -> Void) async throws {
        let (mustWait, mustWake): (Bool, Bool) = try state.withLock { state in
            if let failure = state.failure { throw failure }
            append(&state.pending)
            let mustWake = state.parked
            state.parked = false
            return (state.pending.count > highWater, mustWake)
        }
        if mustWake { wake.signal() }
        guard mustWait else { return }
        await withCheckedContinuation { continuation in
            state.withLock { state in
                if state.pending.count <= highWater / 2 || state.failure != nil {
                    continuation.resume()
                } else {
                    state.roomWaiters.append(continuation)
                }
            }
        }
    }

    /// Writes everything queued and stops the thread. Throws if the output was closed.
    public func finish() async throws {
        await withCheckedContinuation { continuation in
            let mustWake: Bool = state.withLock { state in
                state.finishing = true
                if (state.pending.isEmpty && !state.writing) || state.failure != nil {
                    continuation.resume()
                } else {
                    state.drainWaiters.append(continuation)
                }
                let mustWake = state.parked
                state.parked = false
                return mustWake
            }
            if mustWake { wake.signal() }
        }
        if let failure = state.withLock({ $0.failure }) { throw failure }
    }

    private func run() {
        var batch: [UInt8] = []
        while true {
            enum Next { case write, park, stop([CheckedContinuation<Void, Never>]) }
            let next: Next = state.withLock { state in
                if !state.pending.isEmpty {
                    swap(&batch, &state.pending)
                    state.writing = true
                    return .write
                }
                if state.finishing {
                    // Finishing and nothing left: release everyone and end the thread.
                    defer { state.drainWaiters = []; state.roomWaiters = [] }
                    return .stop(state.drainWaiters + state.roomWaiters)
                }
                state.parked = true
                return .park
            }
            switch next {
            case .park:
                wake.wait()
                continue
            case .stop(let waiters):
                waiters.forEach { $0.resume() }
                return
            case .write:
                break
            }

            let error = writeAll(batch)
            batch.removeAll(keepingCapacity: true)

            let ready: [CheckedContinuation<Void, Never>] = state.withLock { state in
                state.writing = false
                if let error {
                    state.failure = Closed(errno: error)
                    state.pending.removeAll()
                    state.finishing = true
                }
                var ready: [CheckedContinuation<Void, Never>] = []
                if state.pending.count <= highWater / 2 || state.failure != nil {
                    ready = state.roomWaiters
                    state.roomWaiters = []
                }
                if state.pending.isEmpty {
                    ready += state.drainWaiters
                    state.drainWaiters = []
                }
                return ready
            }
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
