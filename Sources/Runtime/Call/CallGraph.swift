import Logging
import SwitchboardCore

/// The stages of a graph, built once per process; `run` runs one call through them.
///
/// A stage value holds only configuration and process-wide resources; everything a call
/// changes lives inside its `run`. So hundreds of calls share one `CallGraph`.
public struct CallGraph: Sendable {
    public let description: GraphDescription
    /// One stage per node: built in, a subprocess, or a `FailoverStage` for `a || b`.
    public let nodes: [any Stage]
    /// What runs, one task each: `nodes`, with consecutive processing stages fused into one.
    let tasks: [any Stage]
    /// The bounds of every channel between two nodes.
    public var edgeLimits: FrameChannel.Limits = FrameChannel.defaultFrameLimits

    public init(_ description: GraphDescription, factory: some StageFactory, stall: Duration, logger: Logger) throws {
        self.description = description
        nodes = try description.nodes.map { node in
            let stages = try node.alternatives.map { argv -> any Stage in
                try factory.makeStage(argv) ?? SubprocessStage(argv: argv, logger: logger)
            }
            return stages.count == 1 ? stages[0] : FailoverStage(alternatives: stages, stall: stall, logger: logger)
        }
        tasks = FusedStage.fusing(nodes)
    }

    /// Runs one call: `input` is the first node's input (its producers finish it); what the
    /// last node sends goes to `output`, which is finished once every node has ended.
    ///
    /// A node that fails sends a fatal `error` downstream and closes its input, so the nodes
    /// before it end (their sends throw `ChannelClosed`) and those after it see the end: the
    /// call winds down instead of hanging. The first failure is thrown once all have ended.
    /// Cancelling the calling task cancels every node.
    public func run(input: FrameChannel, output: some FrameSink) async throws {
        let inputs = [input] + tasks.dropFirst().map { _ in FrameChannel(frameLimits: edgeLimits) }
        let failures = try await withThrowingTaskGroup(of: (any Error)?.self) { group in
            for (index, node) in tasks.enumerated() {
                let inbox = inputs[index]
                let next: FrameChannel? = index + 1 < inputs.count ? inputs[index + 1] : nil
                group.addTask {
                    let failure = await Self.run(node, from: inbox, to: NodeOutput(next, else: output))
                    inbox.close()
                    next?.finish()
                    return failure
                }
            }
            var failures: [any Error] = []
            for try await failure in group { if let failure { failures.append(failure) } }
            return failures
        }
        try await output.finish()
        if let first = failures.first { throw first }
    }

    /// Runs a node to its end; returns its failure, after telling the nodes downstream.
    private static func run(_ node: any Stage, from inbox: FrameChannel, to output: NodeOutput) async -> (any Error)? {
        do {
            try await node.run(inbox, to: output)
            return nil
        } catch is ChannelClosed {
            return nil  // the nodes after this one have ended: nothing left to do
        } catch is CancellationError {
            return nil
        } catch {
            try? await output.send(.error(stage: node.name, message: "\(error)", fatal: true))
            return error
        }
    }
}

/// Where a node sends: the next node's channel, or, for the last node, the graph's output.
///
/// A final class, not a generic enum: a stage's `run` is called through an existential and
/// copies its sink through value witnesses at every send; a class reference is one retain.
private final class NodeOutput: FrameSink {
    private let channel: FrameChannel?
    private let sink: any FrameSink

    init(_ channel: FrameChannel?, else sink: some FrameSink) {
        self.channel = channel
        self.sink = sink
    }

    func send(_ frame: Frame) async throws {
        if let channel { try await channel.send(frame) } else { try await sink.send(frame) }
    }

    /// The graph finishes each channel (and the output) itself, after the node has ended.
    func finish() async throws {}
}
