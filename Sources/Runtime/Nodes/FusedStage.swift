import SwitchboardCore

/// Consecutive processing stages of a graph (`mulaw-decode | vad`) run as one node: one task,
/// each frame handed from processor to processor by a call instead of through a channel and a
/// task switch. What comes out, and when each stage ends, is what separate nodes would give.
struct FusedStage: Stage {
    let stages: [any ProcessingStage]
    var name: String { stages.map(\.name).joined(separator: " | ") }

    func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws {
        var chain = Chain(processors: stages.map { $0.makeProcessor() })
        try await chain.run(input, to: output)
    }

    /// The processors in order; a frame's output from one is the next one's input.
    struct Chain: FrameProcessor {
        var processors: [any FrameProcessor]
        /// What the processor at hand takes, and what it sends: reused for every frame, so
        /// the chain allocates nothing per 20 ms frame.
        private var current: [Frame] = []
        private var next: [Frame] = []

        init(processors: [any FrameProcessor]) { self.processors = processors }

        mutating func process(_ frame: Frame, into output: inout [Frame]) -> ProcessorStep {
            pass(frame, finishing: false, into: &output)
        }

        mutating func finish(into output: inout [Frame]) {
            _ = pass(nil, finishing: true, into: &output)
        }

        /// Runs `frame` through every processor. A processor that ends (after `stop`) takes
        /// nothing more, and those after it are told their input has ended, as a finished
        /// channel would tell them; the chain then ends too (what is before it would only be
        /// sending into a closed channel).
        private mutating func pass(_ frame: Frame?, finishing: Bool, into output: inout [Frame]) -> ProcessorStep {
            current.removeAll(keepingCapacity: true)
            if let frame { current.append(frame) }
            var finishing = finishing
            var step = ProcessorStep.more
            for index in processors.indices {
                next.removeAll(keepingCapacity: true)
                var ended = false
                for frame in current {
                    ended = processors[index].process(frame, into: &next) == .end
                    if ended { break }
                }
                if ended {
                    finishing = true
                    step = .end
                } else if finishing {
                    processors[index].finish(into: &next)
                }
                swap(&current, &next)
            }
            output.append(contentsOf: current)
            return step
        }
    }
}

extension FusedStage {
    /// `nodes` with every run of consecutive processing stages made one `FusedStage`.
    static func fusing(_ nodes: [any Stage]) -> [any Stage] {
        var fused: [any Stage] = []
        var run: [any ProcessingStage] = []
        func endRun() {
            if run.count > 1 { fused.append(FusedStage(stages: run)) } else { fused += run as [any Stage] }
            run = []
        }
        for node in nodes {
            if let processing = node as? any ProcessingStage {
                run.append(processing)
            } else {
                endRun()
                fused.append(node)
            }
        }
        endRun()
        return fused
    }
}
