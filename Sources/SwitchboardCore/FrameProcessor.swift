/// The frame-by-frame core of a stage that never waits: whatever a frame causes, it causes at
/// once (decoding, detecting speech, splitting sentences). Such a stage is written as a
/// processor, and its `run` comes for free (`ProcessingStage`).
///
/// Why: in a call graph every stage is a task, and handing a 20 ms frame from one task to the
/// next costs more than most stages' work on it. Consecutive processing stages can run in one
/// task instead, each frame passed from processor to processor by a plain call (the runtime's
/// `FusedStage`); the frames they exchange, and their order, are exactly what separate tasks
/// would have exchanged.
public protocol FrameProcessor {
    /// Handles one frame, appending what it sends to `output` (in order). `.end` after the
    /// frame that ends the stage (`stop`): nothing more is given to it.
    mutating func process(_ frame: Frame, into output: inout [Frame]) -> ProcessorStep
    /// The input has ended without `stop`: append anything held back.
    mutating func finish(into output: inout [Frame])
}

public enum ProcessorStep: Sendable {
    case more
    case end
}

/// A stage made of one processor per run (per call): its state lives in the processor.
public protocol ProcessingStage: Stage {
    func makeProcessor() -> any FrameProcessor
}

extension ProcessingStage {
    public func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws {
        var processor = makeProcessor()
        try await processor.run(input, to: output)
    }
}

extension FrameProcessor {
    /// Feeds `input` through the processor, sending what comes out of each frame before taking
    /// the next (so back-pressure reaches the input).
    public mutating func run(_ input: some AsyncSequence<Frame, Never>, to output: some FrameSink) async throws {
        var produced: [Frame] = []
        for await frame in input {
            let step = process(frame, into: &produced)
            for frame in produced { try await output.send(frame) }
            produced.removeAll(keepingCapacity: true)
            if step == .end { return }
        }
        finish(into: &produced)
        for frame in produced { try await output.send(frame) }
    }
}
