import Foundation
import Logging
import Testing
@testable import Runtime
import SwitchboardCore

@Suite struct CallGraphTests {
    let logger = Logger(label: "test")

    func graph(_ text: String, _ stages: [String: any Stage], edges: FrameChannel.Limits? = nil) throws -> CallGraph {
        var graph = try CallGraph(GraphDescription(parsing: text), factory: TestFactory(stages: stages), stall: .seconds(5), logger: logger)
        if let edges { graph.edgeLimits = edges }
        return graph
    }

    @Test func framesFlowThroughEveryNodeInOrder() async throws {
        let graph = try graph("a | b | c", ["a": PassThrough("a"), "b": PassThrough("b"), "c": PassThrough("c")])
        let input = FrameChannel()
        let sink = GatedSink()
        let frames = (0..<300).map { Frame.event(Event("n", ["i": .int($0)])) }
        async let fed: Void = input.feed(frames)
        try await graph.run(input: input, output: sink)
        try await fed
        #expect(sink.frames == frames)
        #expect(sink.finished)
    }

    /// A consumer that stops reading stops the producer: frames pile up only to the channels'
    /// bounds, and nothing is lost once it reads again.
    @Test func backPressureReachesTheProducer() async throws {
        let source = AudioSource(count: 5000, turn: 1)
        let edges = FrameChannel.Limits(count: 32, weight: 1 << 20)
        let graph = try graph("source | b | c", ["source": source, "b": PassThrough("b"), "c": PassThrough("c")], edges: edges)
        let input = FrameChannel()
        input.finish()
        let sink = GatedSink(closed: true)
        let call = Task { try await graph.run(input: input, output: sink) }
        // Each of the two edges holds 32; each consumer holds one batch of up to 16 and one
        // frame in hand; the sink holds one.
        let bound = 2 * 32 + 2 * 16 + 3
        var last = -1
        while source.sent.value != last {
            last = source.sent.value
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(source.sent.value <= bound, "the source got \(source.sent.value) frames out past a stalled consumer")
        sink.open()
        try await call.value
        #expect(sink.frames.count == 5000)
        #expect(sink.frames.compactMap(\.audio).map(\.ts) == (0..<5000).map { $0 * 20 })
    }

    @Test func interruptOvertakesQueuedAudio() async throws {
        let graph = try graph("a | b", ["a": PassThrough("a"), "b": PassThrough("b")], edges: .init(count: 64))
        let input = FrameChannel(frameLimits: .init(count: 64))
        let sink = GatedSink(closed: true)
        let call = Task { try await graph.run(input: input, output: sink) }
        for i in 0..<60 {
            try await input.send(.audio(AudioFrame(codec: .mulaw, rate: 8000, ts: i * 20, turn: 1, payload: [1])))
        }
        try await input.send(.event(Event("interrupt", ["turn": 1, "ts": 0])))
        input.finish()
        try await Task.sleep(for: .milliseconds(50))
        sink.open()
        try await call.value
        let position = sink.frames.firstIndex { $0.event?.type == "interrupt" }
        #expect(position != nil)
        #expect((position ?? 60) < 59, "the interrupt came out at \(position ?? -1), behind the audio queued before it")
        #expect(sink.frames.count == 61)
    }

    /// A node that fails tells those after it (a fatal error) and ends those before it.
    @Test func aFailingNodeWindsTheCallDown() async throws {
        struct Failing: Stage {
            let name = "boom"
            func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws {
                for await _ in input { throw StageFailure(.software, "broke on its first frame") }
            }
        }
        let source = AudioSource(count: 100_000, turn: nil)
        let graph = try graph("source | boom | c", ["source": source, "boom": Failing(), "c": PassThrough("c")])
        let input = FrameChannel()
        input.finish()
        let sink = GatedSink()
        await #expect(throws: StageFailure.self) { try await graph.run(input: input, output: sink) }
        #expect(sink.events.contains { $0.type == "error" && $0["fatal"]?.bool == true && $0["stage"]?.string == "boom" })
        #expect(source.sent.value < 100_000)
        #expect(sink.finished)
    }

    /// One graph, built once, serves many calls at the same time, each hearing only itself.
    @Test func twoHundredCallsWithoutCrossTalk() async throws {
        let graph = try graph("a | echo | b", ["a": PassThrough("a"), "echo": CallEcho(), "b": PassThrough("b")])
        let results = try await withThrowingTaskGroup(of: (Int, [Event]).self) { group in
            for call in 0..<200 {
                group.addTask {
                    let input = FrameChannel()
                    let sink = GatedSink()
                    var frames: [Frame] = [.event(Event("start", ["call": .string("CA\(call)")]))]
                    for line in 0..<20 { frames.append(.event(.text("call \(call) line \(line)"))) }
                    async let fed: Void = input.feed(frames)
                    try await graph.run(input: input, output: sink)
                    try await fed
                    return (call, sink.events)
                }
            }
            var all: [Int: [Event]] = [:]
            for try await (call, events) in group { all[call] = events }
            return all
        }
        #expect(results.count == 200)
        for (call, events) in results {
            let responses = events.filter { $0.type == "response" }
            #expect(responses.count == 20)
            #expect(responses.allSatisfy { $0["call"]?.string == "CA\(call)" })
            #expect(responses.map { $0["text"]?.string } == (0..<20).map { "call \(call) line \($0)" })
        }
    }

    @Test func cancellingACallEndsEveryNode() async throws {
        let graph = try graph("a | b", ["a": PassThrough("a"), "b": PassThrough("b")])
        let input = FrameChannel()
        let sink = GatedSink()
        let call = Task { try await graph.run(input: input, output: sink) }
        try await input.send(.event(.text("hello")))
        #expect(try await sink.wait { $0.count == 1 })
        call.cancel()
        // Returns although the input never ended.
        try await call.value
        #expect(sink.finished)
    }
}
