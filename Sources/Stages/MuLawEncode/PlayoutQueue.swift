import Foundation
import SwitchboardCore

/// Where `mulaw-encode` puts what it produces. Exactly one task sends to the output: the
/// encoding task itself (`DirectOutbox`), or the pacer (`PlayoutQueue`).
protocol Outbox: Sendable {
    /// Audio, marks and whatever must stay in order with the audio.
    func put(_ frame: Frame) async throws
    /// Events that must not wait behind audio (an interrupt, pass-through events, errors).
    func putUrgent(_ frame: Frame) async throws
    /// Drops what is still held of turns ≤ `turn`.
    func interrupt(through turn: Int)
    /// No more frames; returns once everything has been sent.
    func close() async throws
}

/// Sends at once: nothing is held, so an interrupt has nothing to take back.
struct DirectOutbox<Sink: FrameSink>: Outbox {
    let output: Sink
    func put(_ frame: Frame) async throws { try await output.send(frame) }
    func putUrgent(_ frame: Frame) async throws { try await output.send(frame) }
    func interrupt(through turn: Int) {}
    func close() async throws {}
}

/// Frames waiting to be sent at real time by a pacer task, with the turn each belongs to, so
/// an `interrupt` can take out everything of the turns it cancels.
final class PlayoutQueue: Outbox, @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`:
    private var urgent: [Frame] = []
    private var timeline: [Frame] = []
    private var closed = false
    private var waiter: CheckedContinuation<Frame?, Never>?
    private var interruptedThrough: Int?
    private var pacer: Task<Void, any Error>?

    /// Starts the pacer that sends queued frames to `output`, audio at most `leadMs` ahead of
    /// real time.
    init(output: some FrameSink, leadMs: Int) {
        pacer = Task { [self] in try await Pacer(leadMs: leadMs).drain(self, to: output) }
    }

    func put(_ frame: Frame) async throws { enqueue(frame, urgent: false) }
    func putUrgent(_ frame: Frame) async throws { enqueue(frame, urgent: true) }

    func interrupt(through turn: Int) {
        lock.withLock {
            interruptedThrough = max(interruptedThrough ?? turn, turn)
            timeline.removeAll { isInterrupted($0.turn) }
        }
    }

    func close() async throws {
        let resumed: CheckedContinuation<Frame?, Never>? = lock.withLock {
            closed = true
            defer { waiter = nil }
            return waiter
        }
        resumed?.resume(returning: nil)
        try await pacer?.value
    }

    /// True when `turn` was interrupted after the pacer took out one of its frames.
    func wasInterrupted(_ turn: Int?) -> Bool { lock.withLock { isInterrupted(turn) } }

    /// The next frame to send, urgent ones first; nil once closed and empty.
    func next() async -> Frame? {
        await withCheckedContinuation { continuation in
            let ready: Frame?? = lock.withLock {
                if !urgent.isEmpty { return .some(urgent.removeFirst()) }
                if !timeline.isEmpty { return .some(timeline.removeFirst()) }
                if closed { return .some(nil) }
                waiter = continuation
                return .none
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    private func enqueue(_ frame: Frame, urgent isUrgent: Bool) {
        let resumed: CheckedContinuation<Frame?, Never>? = lock.withLock {
            if !isUrgent, isInterrupted(frame.turn) { return nil }
            if let waiter {
                self.waiter = nil
                return waiter
            }
            if isUrgent { urgent.append(frame) } else { timeline.append(frame) }
            return nil
        }
        resumed?.resume(returning: frame)
    }

    /// Call with `lock` held.
    private func isInterrupted(_ turn: Int?) -> Bool {
        guard let turn, let interruptedThrough else { return false }
        return turn <= interruptedThrough
    }
}

/// Sends queued frames, holding audio to real time plus a lead.
struct Pacer: Sendable {
    let leadMs: Int

    func drain(_ queue: PlayoutQueue, to output: some FrameSink) async throws {
        let clock = ContinuousClock()
        var origin: ContinuousClock.Instant?
        // Milliseconds of audio sent, on the playout clock that starts at `origin`.
        var sentMs = 0.0
        while let frame = await queue.next() {
            guard case .audio(let audio) = frame else {
                try await output.send(frame)
                continue
            }
            let now = clock.now
            let start = origin ?? now
            origin = start
            let playedMs = Double((now - start) / .microseconds(1)) / 1000
            // After a pause in the agent's audio, playback restarts from now.
            sentMs = max(sentMs, playedMs)
            let waitMs = sentMs - Double(leadMs) - playedMs
            if waitMs > 0 {
                try? await Task.sleep(for: .microseconds(Int(waitMs * 1000)))
                if queue.wasInterrupted(audio.turn) { continue }
            }
            try await output.send(frame)
            sentMs += audio.durationMs
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
