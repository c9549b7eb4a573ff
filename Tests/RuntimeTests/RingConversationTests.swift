import Foundation
import Logging
import Testing
@testable import Runtime
import SwitchboardCore

/// The ring with the real stages: `llm-stream` learns from the telephone side (through mark
/// echoes and fed-back `spoken` events) when its answer has been heard.
@Suite struct RingConversationTests {
    let logger = Logger(label: "test")

    /// Speaks each `sentence` as 40 ms of µ-law per character; with `announce`, also sends
    /// the `spoken` event tts-cache would.
    struct Speaker: Stage {
        let name = "speaker"
        let announce: Bool

        func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws {
            for await frame in input {
                guard let event = frame.event, event.type == "sentence", let turn = event["turn"]?.int else {
                    try await output.send(frame)
                    continue
                }
                let text = event["text"]?.string ?? ""
                try await output.send(.audio(AudioFrame(codec: .mulaw, rate: 8000, ts: 0, turn: turn, payload: [UInt8](repeating: 0xFF, count: text.count * 320))))
                if announce {
                    try await output.send(.event(Event("spoken", ["turn": .int(turn), "index": event["index"] ?? 0, "text": .string(text)])))
                }
            }
        }
    }

    struct Factory: StageFactory {
        let builtIn: BuiltInStages
        let speaker: Speaker
        func makeStage(_ argv: [String]) throws -> (any Stage)? { argv[0] == "speaker" ? speaker : try builtIn.makeStage(argv) }
    }

    /// Runs a call: start, one turn, and a second typed while the first answer still plays.
    func converse(announce: Bool) async throws -> (frames: [Frame], firstAudio: ContinuousClock.Instant?, secondStart: ContinuousClock.Instant?) {
        let graph = try CallGraph(
            GraphDescription(parsing: "llm-stream --script \(repository)/Examples/receptionist.yaml --words-per-second 0 --today 2026-12-01 --greeting '' | sentence-split | speaker | mulaw-encode"),
            factory: Factory(builtIn: BuiltInStages(logger: logger), speaker: Speaker(announce: announce)), stall: .seconds(30), logger: logger)
        let ring = Ring(graph: graph, logger: logger)
        let stdout = TimedSink()
        let telephone = LoopedTelephone(output: stdout, inbound: ring.inbound)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await telephone.play() }
            group.addTask { try await ring.run(telephone: telephone) }
            try await ring.inbound.send(.event(Event("start", ["call": "CA1", "stream": "MZ1"])))
            try await ring.inbound.send(.event(.text("I need an appointment tomorrow at ten")))
            try await ring.inbound.send(.event(.text("Asha")))
            #expect(try await stdout.wait { $0.filter { $0.event?.type == "response.end" }.count == 2 })
            ring.inbound.finish()
            try await group.waitForAll()
        }
        let starts = stdout.arrivals.filter { $0.frame.event?.type == "response.start" }
        return (stdout.arrivals.map(\.frame), stdout.arrivals.first { $0.frame.audio != nil }?.at, starts.dropFirst().first?.at)
    }

    /// No `spoken` events, so no sentence marks: only mulaw-encode's `t<N>.end` can tell
    /// llm-stream that its answer has played, and the typed second turn waits for it.
    @Test func theEndMarkClosesPlayback() async throws {
        let (frames, firstAudio, secondStart) = try await converse(announce: false)
        #expect(!frames.contains { $0.event?.type == "spoken" })
        let turn = try #require(frames.compactMap(\.event).first { $0.type == "response.start" }?["turn"]?.int)
        #expect(frames.contains { $0.event?.type == "mark" && $0.event?["name"]?.string == "t\(turn).end" })
        // "May I have your name, please?" is 29 characters: 1160 ms of audio.
        let waited = try #require(secondStart) - (try #require(firstAudio))
        #expect(waited >= .milliseconds(1100), "the second turn began \(waited) after the first answer's audio")
    }

    /// With `spoken` fed back, the history keeps the answer as it was said and heard.
    @Test func spokenReachesLLMStream() async throws {
        let (frames, _, _) = try await converse(announce: true)
        let contexts = frames.compactMap(\.event).filter { $0.type == "context" }
        let history = contexts.last?["messages"]?.array?.compactMap { $0.object?["content"]?.string } ?? []
        #expect(history.contains("May I have your name, please?"), "\(history)")
        #expect(frames.compactMap(\.event).filter { $0.type == "spoken" }.allSatisfy { $0[Ring.loopedKey] == nil },
            "looped copies stay inside the ring")
        // One mark per sentence: the looped copy of `spoken` makes no second one.
        let marks = frames.compactMap(\.event).filter { $0.type == "mark" }.compactMap { $0["name"]?.string }
        #expect(marks.count == Set(marks).count, "\(marks)")
    }
}

/// Collects frames with their arrival times.
final class TimedSink: FrameSink, @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [(frame: Frame, at: ContinuousClock.Instant)] = []

    var arrivals: [(frame: Frame, at: ContinuousClock.Instant)] { lock.withLock { collected } }

    func send(_ frame: Frame) async throws { lock.withLock { collected.append((frame, .now)) } }
    func finish() async throws {}

    func wait(until condition: ([Frame]) -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(30)
        while !condition(arrivals.map(\.frame)) {
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(5))
        }
        return true
    }
}
