import Foundation
import Logging
import Testing
@testable import Runtime
import SwitchboardCore

@Suite struct RingTests {
    let logger = Logger(label: "test")

    /// On each `text`, speaks: caller-side audio (no turn), agent audio of turn 1 (`ms` long), a
    /// `spoken` event and the sentence's mark.
    struct Agent: Stage {
        let name = "agent"
        var ms = 100

        func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws {
            for await frame in input {
                try await output.send(frame)
                guard frame.event?.type == "text" else { continue }
                try await output.send(.audio(AudioFrame(codec: .mulaw, rate: 8000, ts: 0, payload: [1, 2])))
                try await output.send(.audio(AudioFrame(codec: .mulaw, rate: 8000, ts: 0, turn: 1, payload: [UInt8](repeating: 0xFF, count: ms * 8))))
                try await output.send(.event(Event("spoken", ["turn": 1, "index": 0, "text": "Hello."])))
                try await output.send(.event(Event("mark", ["name": "t1.s0", "turn": 1])))
            }
        }
    }

    /// Passes everything on and remembers what it saw, with when.
    final class Recorder: Stage, @unchecked Sendable {
        let name = "first"
        private let lock = NSLock()
        private var seen: [(Event, ContinuousClock.Instant)] = []

        var events: [Event] { lock.withLock { seen.map(\.0) } }
        func arrival(of type: String) -> ContinuousClock.Instant? { lock.withLock { seen.first { $0.0.type == type }?.1 } }

        func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws {
            for await frame in input {
                if let event = frame.event { lock.withLock { seen.append((event, .now)) } }
                try await output.send(frame)
            }
        }
    }

    func ring(agent: Agent = Agent()) throws -> (Ring, Recorder) {
        let recorder = Recorder()
        let graph = try CallGraph(GraphDescription(parsing: "first | agent"), factory: TestFactory(stages: ["first": recorder, "agent": agent]), stall: .seconds(5), logger: logger)
        return (Ring(graph: graph, logger: logger), recorder)
    }

    @Test func feedbackGoesRoundOnceAndCallerAudioStaysIn() async throws {
        let (ring, first) = try ring()
        let telephone = GatedSink()
        let call = Task { try await ring.run(telephone: telephone) }
        try await ring.inbound.send(.event(.text("hi")))
        #expect(try await telephone.wait { frames in frames.contains { $0.event?.type == "mark" } })
        // The fed-back spoken comes round to the first node, tagged.
        let deadline = ContinuousClock.now + .seconds(60)
        while !first.events.contains(where: { $0.type == "spoken" }), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        ring.inbound.finish()
        try await call.value

        let spokenAtFirst = first.events.filter { $0.type == "spoken" }
        #expect(spokenAtFirst.count == 1)
        #expect(spokenAtFirst.first?[Ring.loopedKey]?.bool == true)
        // The telephone side heard the agent's audio only, and each event once.
        let audio = telephone.frames.compactMap(\.audio)
        #expect(audio.count == 1)
        #expect(audio.allSatisfy { $0.turn == 1 })
        #expect(telephone.events.filter { $0.type == "spoken" }.count == 1)
        #expect(telephone.events.filter { $0.type == "mark" }.count == 1)
        #expect(telephone.finished)
    }

    /// The looped telephone echoes a mark once the audio before it has played.
    @Test func loopedTelephoneEchoesMarksAfterTheAudioPlayed() async throws {
        let (ring, first) = try ring(agent: Agent(ms: 300))
        let stdout = GatedSink()
        let telephone = LoopedTelephone(output: stdout, inbound: ring.inbound)
        let sent = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await telephone.play() }
            group.addTask { try await ring.run(telephone: telephone) }
            try await ring.inbound.send(.event(.text("hi")))
            let deadline = ContinuousClock.now + .seconds(60)
            while first.arrival(of: "mark") == nil, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(5))
            }
            ring.inbound.finish()
            try await group.waitForAll()
        }
        let echoed = try #require(first.arrival(of: "mark"))
        #expect(echoed - sent >= .milliseconds(290), "the mark came back after \(echoed - sent)")
        #expect(first.events.first { $0.type == "mark" }?["name"]?.string == "t1.s0")
        #expect(stdout.frames.contains { $0.audio?.turn == 1 })
    }

    /// `clear` (an interrupt) empties the buffer: pending marks come back at once.
    @Test func interruptEchoesPendingMarksAtOnce() async throws {
        let inbound = FrameChannel()
        let telephone = LoopedTelephone(output: GatedSink(), inbound: inbound)
        let player = Task { await telephone.play() }
        let start = ContinuousClock.now
        try await telephone.send(.audio(AudioFrame(codec: .mulaw, rate: 8000, ts: 0, turn: 1, payload: [UInt8](repeating: 0, count: 8000 * 120))))
        try await telephone.send(.event(Event("mark", ["name": "t1.s0"])))
        try await telephone.send(.event(Event("interrupt", ["turn": 1])))
        let echo = await inbound.nextBatch()
        #expect(echo.first?.event?["name"]?.string == "t1.s0")
        #expect(ContinuousClock.now - start < .seconds(60), "the two minutes of audio were not waited for")
        try await telephone.finish()
        await player.value
    }
}
