import NIOPosix
import Synchronization

/// A call's file writes, in order, on the process-wide blocking-I/O pool that every call
/// shares: adding never blocks and never starts a thread.
///
/// At most one drain per call runs on the pool at a time (so the call's files see their writes
/// in order, from one thread at a time); it takes everything queued, writes it, and looks
/// again. The queue holds at most `maxBytes`: when the disk falls that far behind, audio is
/// replaced by the silence of the same length (the recording keeps its timing) and lines are
/// dropped — counted by the caller, never waited for.
final class CallFileQueue: Sendable {
    enum Added: Equatable {
        case queued
        /// Audio queued as silence, or a line dropped.
        case dropped
        /// `finish` has been called.
        case closed
    }

    let maxBytes: Int
    private let pool: NIOThreadPool
    private let files: CallFiles
    private let state = Mutex(State())

    private struct State {
        var items: [CallFileItem] = []
        var bytes = 0
        var draining = false
        var finishing = false
        var closing = false
        var finished = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    init(files: CallFiles, pool: NIOThreadPool, maxBytes: Int = 256 << 10) {
        self.files = files
        self.pool = pool
        self.maxBytes = maxBytes
    }

    /// Bytes waiting to be written.
    var queuedBytes: Int { state.withLock { $0.bytes } }

    func add(_ item: CallFileItem) -> Added {
        let (added, start) = state.withLock { state -> (Added, Bool) in
            guard !state.finishing else { return (.closed, false) }
            var item = item
            var added = Added.queued
            if state.bytes + item.weight > maxBytes {
                guard case .audio(let stereo) = item else { return (.dropped, false) }
                item = .silence(frames: stereo.count / 2)
                added = .dropped
            }
            if case .silence(let frames) = item, case .silence(let before)? = state.items.last {
                state.items[state.items.count - 1] = .silence(frames: before + frames)
            } else {
                state.items.append(item)
                state.bytes += item.weight
            }
            return (added, Self.claimDrain(&state))
        }
        if start { pool.submit { _ in self.drain() } }
        return added
    }

    /// Writes what is queued, closes the files and returns once they are closed. Later adds are
    /// refused; a second call waits for the same close.
    func finish() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let (done, start) = state.withLock { state -> (Bool, Bool) in
                if state.finished { return (true, false) }
                state.finishing = true
                state.waiters.append(continuation)
                // A drain already closing the files resumes every waiter when done.
                return (false, !state.closing && Self.claimDrain(&state))
            }
            if done { continuation.resume() }
            if start { pool.submit { _ in self.drain() } }
        }
    }

    private static func claimDrain(_ state: inout State) -> Bool {
        guard !state.draining else { return false }
        state.draining = true
        return true
    }

    private enum Step {
        case write([CallFileItem])
        case close
        case idle
    }

    /// Runs on a pool thread (or, once the pool has shut down, right where it was submitted —
    /// the files are closed all the same).
    private func drain() {
        while true {
            let step = state.withLock { state -> Step in
                if !state.items.isEmpty {
                    defer { state.items = []; state.bytes = 0 }
                    return .write(state.items)
                }
                state.draining = false
                guard state.finishing, !state.closing else { return .idle }
                state.closing = true
                return .close
            }
            switch step {
            case .write(let items): files.write(items)
            case .close:
                files.close()
                let waiters = state.withLock { state in
                    state.finished = true
                    defer { state.waiters = [] }
                    return state.waiters
                }
                for waiter in waiters { waiter.resume() }
                return
            case .idle: return
            }
        }
    }
}
