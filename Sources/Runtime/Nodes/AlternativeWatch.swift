import Synchronization
import SwitchboardCore

/// Stands between an alternative of an `a || b` node and the node's output: passes every
/// frame on, remembers the last `context` (the conversation so far, for the next
/// alternative), and turns a fatal `error` into a failure of the alternative.
final class AlternativeWatch<Output: FrameSink>: FrameSink {
    private let output: Output
    private let context = Mutex<Event?>(nil)
    private let onContext: @Sendable () -> Void

    init(output: Output, onContext: @escaping @Sendable () -> Void) {
        self.output = output
        self.onContext = onContext
    }

    var lastContext: Event? { context.withLock { $0 } }

    func send(_ frame: Frame) async throws {
        try await output.send(frame)
        guard let event = frame.event else { return }
        switch event.type {
        // In a call, a's own snapshots come round the ring and pass through it again, tagged
        // as looped: only a snapshot a made itself is one to restore b from.
        case "context" where event[Ring.loopedKey]?.bool != true:
            context.withLock { $0 = event }
            onContext()
        case "error" where event["fatal"]?.bool == true:
            throw AlternativeFailure.sentFatalError(event["message"]?.string ?? "no message")
        default:
            break
        }
    }

    /// The node's output ends with the node, not with one of its alternatives.
    func finish() async throws {}
}
