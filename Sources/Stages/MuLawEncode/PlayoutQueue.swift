import Foundation
import SwitchboardCore

/// Frames waiting to be sent by `mulaw-encode`, in order, with the turn each belongs to, so an
/// `interrupt` can take out everything of the turns it cancels.
///
/// One task puts frames in; the pacer task takes them out. Access is serialised by a lock;
/// the consumer suspends while the queue is empty.
final class PlayoutQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Frame] = []
    private var closed = false
    private var waiter: CheckedContinuation<Frame?, Never>?
    /// Turns up to this one were interrupted: their frames are refused from now on.
    private(set) var interruptedThrough: Int?

    func append(_ frame: Frame) {
        let resumed: CheckedContinuation<Frame?, Never>? = lock.withLock {
            guard !isInterrupted(frame.turn) else { return nil }
            if let waiter {
                self.waiter = nil
                return waiter
            }
            items.append(frame)
            return nil
        }
        resumed?.resume(returning: frame)
    }

    /// Drops every queued frame of turns ≤ `turn`, and any that arrive later.
    func interrupt(through turn: Int) {
        lock.withLock {
            interruptedThrough = max(interruptedThrough ?? turn, turn)
            items.removeAll { isInterrupted($0.turn) }
        }
    }

    /// Call with the lock held, or from the task that calls `interrupt`.
    func isInterrupted(_ turn: Int?) -> Bool {
        guard let turn, let interruptedThrough else { return false }
        return turn <= interruptedThrough
    }

    /// `isInterrupted`, for another task.
    func wasInterrupted(_ turn: Int?) -> Bool { lock.withLock { isInterrupted(turn) } }

    /// No more frames will be added; `next` returns nil once the queue is empty.
    func close() {
        let resumed: CheckedContinuation<Frame?, Never>? = lock.withLock {
            closed = true
            defer { waiter = nil }
            return waiter
        }
        resumed?.resume(returning: nil)
    }

    func next() async -> Frame? {
        await withCheckedContinuation { continuation in
            let ready: Frame?? = lock.withLock {
                if !items.isEmpty { return .some(items.removeFirst()) }
                if closed { return .some(nil) }
                waiter = continuation
                return .none
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}

extension Frame {
    /// The response turn a frame belongs to: agent audio, `spoken`, and the marks made from them.
    var turn: Int? {
        switch self {
        case .audio(let audio): audio.turn
        case .event(let event): event["turn"]?.int
        }
    }
}
