import Audio
import Foundation
import Logging
import Testing
@testable import Runtime
import Stages
import SwitchboardCore

/// Consecutive processing stages run as one task and give what separate nodes would.
@Suite struct FusedStageTests {
    let logger = Logger(label: "test")

    func graph(_ text: String, _ stages: [String: any Stage]) throws -> CallGraph {
        try CallGraph(GraphDescription(parsing: text), factory: TestFactory(stages: stages), stall: .seconds(5), logger: logger)
    }

    func run(_ graph: CallGraph, _ frames: [Frame], finishInput: Bool = true) async throws -> [Frame] {
        let input = FrameChannel(frameLimits: .init(count: 1000))
        for frame in frames { try await input.send(frame) }
        if finishInput { input.finish() }
        let sink = GatedSink()
        try await graph.run(input: input, output: sink)
        return sink.frames
    }

    @Test func consecutiveProcessingStagesBecomeOneTask() throws {
        let graph = try graph("a | b | pass | c | d | e", [
            "a": Tagger("a"), "b": Tagger("b"), "pass": PassThrough(), "c": Tagger("c"), "d": Tagger("d"), "e": Tagger("e"),
        ])
        #expect(graph.nodes.count == 6)
        #expect(graph.tasks.map(\.name) == ["a | b", "pass", "c | d | e"])
    }

    @Test func framesGoThroughEveryProcessorInOrder() async throws {
        let graph = try graph("a | b | c", ["a": Tagger("a"), "b": Tagger("b"), "c": Tagger("c")])
        let out = try await run(graph, (0..<3).map { .event(Event("n", ["i": .int($0)])) })
        let seen = out.compactMap { frame in frame.event.map { "\($0.type):\($0["path"]?.string ?? "-")" } }
        // One input event, as three separate nodes would pass it on: every frame a processor
        // sends goes through the processors after it, in order.
        let perEvent = ["n:abc", "echo-c:", "echo-b:c", "echo-c:", "echo-a:bc", "echo-c:", "echo-b:c", "echo-c:"]
        // The end of input: a's held frame goes through b and c, then b's through c, then c's.
        let atEnd = ["held-a:bc", "echo-c:", "echo-b:c", "echo-c:", "held-b:c", "echo-c:", "held-c:"]
        #expect(seen == perEvent + perEvent + perEvent + atEnd)
        // What a frame causes comes out before the next frame's.
        let order = out.compactMap { $0.event?["i"]?.int }
        #expect(order == order.sorted() && Set(order) == [0, 1, 2])
    }

    /// A stage that ends at `stop` ends the fused node: the stages after it are told their input
    /// ended (their held frames come out), and the call ends though its input never finished.
    @Test func aStageEndingAtStopEndsTheRestAsAChannelWould() async throws {
        let graph = try graph("a | b | c", ["a": Tagger("a"), "b": Tagger("b", endsAtStop: true), "c": Tagger("c")])
        let out = try await run(graph, [.event(Event("n", ["i": 0])), .event(Event("stop")), .event(Event("n", ["i": 1]))], finishInput: false)
        let types = out.compactMap { $0.event?.type }
        #expect(!out.contains { $0.event?["i"]?.int == 1 })
        #expect(types.suffix(2) == ["stop", "held-c"])
        #expect(!types.contains("held-a") && !types.contains("held-b"))
    }

    /// The real stages: `mulaw-decode | vad` fused gives exactly what they give as separate tasks.
    @Test func decodeAndVADFusedMatchSeparateTasks() async throws {
        // The sample call: a person speaking, µ-law 8 kHz.
        let samples = try SoundFileReader(path: repository + "/Examples/call.wav").readAll()
        var frames: [Frame] = [.event(Event("start", ["codec": "mulaw", "rate": 8000]))]
        for (i, start) in stride(from: 0, to: samples.count - 160, by: 160).enumerated() {
            let payload = MuLaw.encodeFromPCM16(PCM16.bytes(Array(samples[start..<start + 160])))
            frames.append(.audio(AudioFrame(codec: .mulaw, rate: 8000, ts: i * 20, payload: payload)))
        }
        frames.append(.event(Event("stop")))
        let stages: [String: any Stage] = ["decode": MuLawDecoder(outputRate: 8000), "vad": VoiceActivityDetector(), "pass": PassThrough()]
        let fused = try await run(try graph("decode | vad", stages), frames)
        let separate = try await run(try graph("decode | pass | vad", stages), frames)
        #expect(try graph("decode | vad", stages).tasks.count == 1)
        #expect(fused == separate)
        let vad = fused.compactMap(\.event).filter { $0.type == "vad" }.compactMap { $0["event"]?.string }
        #expect(vad.count >= 2 && vad.first == "start" && vad.last == "end")
    }
}

/// A processing stage that adds its name to each event's `path`, sends one event of its own
/// after each input event, and holds one back for the end of its input.
struct Tagger: ProcessingStage {
    let name: String
    var endsAtStop = false
    init(_ name: String, endsAtStop: Bool = false) {
        self.name = name
        self.endsAtStop = endsAtStop
    }

    func makeProcessor() -> any FrameProcessor { Processor(name: name, endsAtStop: endsAtStop) }

    struct Processor: FrameProcessor {
        let name: String
        let endsAtStop: Bool

        func process(_ frame: Frame, into output: inout [Frame]) -> ProcessorStep {
            guard var event = frame.event else {
                output.append(frame)
                return .more
            }
            event["path"] = .string((event["path"]?.string ?? "") + name)
            output.append(.event(event))
            if event.type == "stop" { return endsAtStop ? .end : .more }
            output.append(.event(Event("echo-\(name)", ["i": event["i"] ?? .null, "path": ""])))
            return .more
        }

        func finish(into output: inout [Frame]) {
            output.append(.event(Event("held-\(name)", ["path": ""])))
        }
    }
}
