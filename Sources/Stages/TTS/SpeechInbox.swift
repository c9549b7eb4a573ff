import Synchronization
import SwitchboardCore

/// What `tts-cache` has read and not yet spoken or passed on, in order, between the task that
/// reads the input and the task that speaks.
///
/// Reading goes on while a sentence is being spoken, so an `interrupt` is seen at once: it
/// cancels the sentence being synthesized if that sentence's turn is cancelled, drops the
/// queued sentences of cancelled turns, and overtakes everything queued (the urgent lane) so
/// the next stage hears of the barge-in before any further audio.
final class SpeechInbox: Sendable {
    /// A frame and when it was read: a sentence's `tts.first_byte` counts from here.
    struct Item: Sendable {
        let frame: Frame
        let arrived: ContinuousClock.Instant
    }

    /// The sentence being spoken: its turn, and how to stop it.
    private struct Speaking {
        let turn: Int
        let cancel: @Sendable () -> Void
    }

    private struct State {
        var interrupted = InterruptedTurns()
        var speaking: Speaking?
    }

    private let queue: BoundedChannel<Item>
    private let state = Mutex(State())

    /// A small queue: sentences are few and short, audio is not held here, and a full queue
    /// holds back the stage before (back-pressure).
    init(limit: Int = 32) {
        queue = BoundedChannel(limits: .init(count: limit), isUrgent: { $0.frame.isUrgent })
    }

    // MARK: Reading side

    /// Queues `frame`; an `interrupt` first cancels what it takes back.
    func put(_ frame: Frame) async throws {
        if let event = frame.event, event.type == "interrupt", let turn = event["turn"]?.int {
            let (interrupted, stop) = state.withLock { state -> (InterruptedTurns, (@Sendable () -> Void)?) in
                state.interrupted.interrupt(through: turn)
                guard let speaking = state.speaking, state.interrupted.contains(speaking.turn) else { return (state.interrupted, nil) }
                return (state.interrupted, speaking.cancel)
            }
            stop?()
            queue.removeAll { interrupted.contains($0.frame.speechTurn) }
        }
        try await queue.send(Item(frame: frame, arrived: .now))
    }

    func finish() { queue.finish() }
    /// The speaking side is gone: a reader waiting for room stops.
    func close() { queue.close() }

    // MARK: Speaking side

    func next() async -> Item? { await queue.nextBatch(max: 1).first }

    /// True once `turn` has been interrupted: its sentences are not spoken.
    func isCancelled(_ turn: Int) -> Bool { state.withLock { $0.interrupted.contains(turn) } }

    /// Runs `speak` as the current sentence of `turn`, where an interrupt can cancel it (at
    /// once, if the turn was interrupted meanwhile). Cancelling the caller cancels it too.
    /// A sentence stopped by an interrupt ends quietly (nil); any other error is rethrown.
    func speaking<T: Sendable>(turn: Int, _ speak: @escaping @Sendable () async throws -> T) async throws -> T? {
        let task = Task { try await speak() }
        let cancelNow = state.withLock { state in
            state.speaking = Speaking(turn: turn, cancel: { task.cancel() })
            return state.interrupted.contains(turn)
        }
        if cancelNow { task.cancel() }
        defer { state.withLock { $0.speaking = nil } }
        do {
            return try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
        } catch is CancellationError where isCancelled(turn) && !Task.isCancelled {
            return nil
        }
    }
}

extension Frame {
    /// The turn of a `sentence` or `text` event still waiting to be spoken (nil for others,
    /// which an interrupt never removes).
    var speechTurn: Int? {
        guard let event, event.type == "sentence" || event.type == "text" else { return nil }
        return event["turn"]?.int
    }
}
