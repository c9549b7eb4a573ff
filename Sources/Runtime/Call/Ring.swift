import Logging
import SwitchboardCore

/// A call: the graph with its outside end joined to the telephone side (DESIGN §3).
///
/// What the telephone side sends (caller audio, `start`, `stop`, mark echoes, `dtmf`) goes
/// into `inbound`, the first node's input. What the last node sends goes to the telephone
/// side, except caller audio (frames without a `turn`): the caller must not hear
/// themselves. Events upstream stages need to learn of — what was spoken, the conversation,
/// what to listen for, hang-up and transfer — are also fed back into the first node, once:
/// the copy is tagged `"looped":true`, and a tagged event reaching the end again stops there.
public struct Ring: Sendable {
    /// Event types that go round once.
    public static let feedbackTypes: Set<String> = ["spoken", "context", "listen", "hangup", "transfer"]
    /// The key that marks a fed-back copy.
    public static let loopedKey = "looped"

    public let graph: CallGraph
    /// The first node's input: the telephone side sends here (and finishes it when the call ends).
    public let inbound: FrameChannel
    public let logger: Logger

    public init(graph: CallGraph, logger: Logger) {
        self.graph = graph
        self.inbound = FrameChannel(frameLimits: graph.edgeLimits)
        self.logger = logger
    }

    /// Runs the call until every node has ended; `telephone` gets what leaves the graph.
    public func run(telephone: some FrameSink) async throws {
        // Fed-back events queue here, not in `inbound` directly: a last node blocked on a full
        // first node would close the ring into a deadlock. A few events per turn go round;
        // the bound is far above that, and an overflow is reported, not waited for.
        let feedback = BoundedChannel<Frame>(limits: .init(count: 256))
        let end = RingEnd(telephone: telephone, feedback: feedback, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await frame in feedback {
                    do { try await inbound.send(frame) } catch { break }
                }
            }
            defer { feedback.close() }
            try await graph.run(input: inbound, output: end)
            group.cancelAll()
        }
    }
}

/// The outside end of a call's graph: routes each frame leaving the last node.
struct RingEnd<Telephone: FrameSink>: FrameSink {
    let telephone: Telephone
    let feedback: BoundedChannel<Frame>
    let logger: Logger

    func send(_ frame: Frame) async throws {
        switch frame {
        case .audio(let audio):
            guard audio.turn != nil else { return }
            try await telephone.send(frame)
        case .event(var event):
            if event[Ring.loopedKey]?.bool == true { return }
            try await telephone.send(frame)
            guard Ring.feedbackTypes.contains(event.type) else { return }
            event[Ring.loopedKey] = .bool(true)
            if feedback.offer(.event(event)) == .full {
                logger.error("feedback queue full: a \(event.type) event was not fed back", metadata: CallContext.id.map { ["call": "\($0)"] })
            }
        }
    }

    func finish() async throws { try await telephone.finish() }
}
