import Synchronization
import SwitchboardCore

/// The frames `mulaw-encode` has made and its pacer has not sent yet.
///
/// Bounded: once it holds `limits` worth, `put` suspends, so a producer that runs ahead of
/// real time (a TTS engine answering a whole sentence at once) is held back upstream instead
/// of filling memory here. Urgent frames go in a lane of their own that the pacer serves
/// first, so an `interrupt` is not stuck behind seconds of audio. An interrupt takes the
/// audio and marks of the turns it cancels out of the queue; the frame the pacer may be
/// holding back is checked against it before it leaves (`isInterrupted`).
final class PlayoutQueue: Outbox {
    /// A frame and the lane it travels in.
    struct Entry: Sendable {
        let frame: Frame
        let isUrgent: Bool
    }

    /// About ten seconds of 20 ms µ-law (224 bytes a frame with its header allowance). A
    /// synthesized answer normally fits whole, so the encoder keeps reading its input and an
    /// `interrupt` behind the answer is seen at once even through a pipe; a longer answer holds
    /// its producer back, and in a call graph the interrupt then overtakes it in the edge's
    /// urgent lane.
    static var defaultLimits: BoundedChannel<Entry>.Limits { .init(count: 512, weight: 128 * 1024) }

    let entries: BoundedChannel<Entry>
    /// Nothing of these may leave any more.
    private let interrupted = Mutex(InterruptedTurns())

    init(limits: BoundedChannel<Entry>.Limits = defaultLimits) {
        entries = BoundedChannel(limits: limits, weight: { $0.frame.weight }, isUrgent: { $0.isUrgent })
    }

    func put(_ frame: Frame) async throws { try await entries.send(Entry(frame: frame, isUrgent: false)) }
    func putUrgent(_ frame: Frame) async throws { try await entries.send(Entry(frame: frame, isUrgent: true)) }

    func interrupt(through turn: Int) {
        let cancelled = interrupted.withLock { interrupted in
            interrupted.interrupt(through: turn)
            return interrupted
        }
        entries.removeAll { cancelled.contains($0.frame.turn) }
    }

    /// True when `turn` is one an interrupt has cancelled (never for frames without a turn).
    func isInterrupted(_ turn: Int?) -> Bool { interrupted.withLock { $0.contains(turn) } }

    /// No more frames: the pacer sends what is queued, then ends.
    func finish() { entries.finish() }
}
