import Foundation
import Providers
import Resilience
import ResilienceTesting
@testable import Stages
import Synchronization
import SwitchboardCore
import Testing

/// `llm-stream` reads its input only as fast as its output is taken: a slow downstream slows
/// the upstream instead of the caller's audio queueing in the stage.
@Suite struct LLMBackPressureTests {
    @Test func aStalledOutputStopsTheInput() async throws {
        let frames = (0..<500).map { pcm16Frame(tone(160, rate: 8000), rate: 8000, ts: $0 * 20) }
        let input = CountingInput(frames)
        let gate = Gate()
        let sink = GatedSink(gate: gate)
        var configuration = LLMStream.Configuration(engines: [RecordingEngine().failoverEngine()])
        configuration.inboxCapacity = 4
        let stage = LLMStream(configuration: configuration)
        let run = Task { try await stage.run(input, to: sink) }
        #expect(try await eventually(timeout: .seconds(30)) { gate.arrived == 1 }, "the first frame is held in the sink")
        // Reading on regardless, the stage would have taken all 500 frames within milliseconds.
        let readOn = try await eventually(timeout: .milliseconds(300)) { input.handedOut > 6 }
        #expect(!readOn, "read \(input.handedOut) frames: one in the sink, four queued, one waiting for room")
        gate.open()
        try await run.value
        #expect(input.handedOut == 500)
        #expect(sink.sent == 500)
    }

    /// Engine output and timers go before input frames queued ahead of them.
    @Test func engineOutputOvertakesQueuedFrames() async throws {
        let inbox = ConversationInbox(capacity: 4)
        for ts in [0, 20, 40] { try await inbox.post(.frame(pcm16Frame([0], rate: 8000, ts: ts))) }
        try await inbox.post(.generationEnded(generation: 1, error: nil))
        try await inbox.post(.bargeInTimerDue)
        var order: [String] = []
        for _ in 0..<5 {
            switch await inbox.next() {
            case .frame(let frame): order.append("frame \(frame.audio?.ts ?? -1)")
            case .generationEnded: order.append("ended")
            case .bargeInTimerDue: order.append("timer")
            default: order.append("other")
            }
        }
        #expect(order == ["ended", "timer", "frame 0", "frame 20", "frame 40"])
    }
}

/// A stage input that counts how many frames it has handed out.
struct CountingInput: AsyncSequence, Sendable {
    typealias Element = Frame
    typealias Failure = Never
    let frames: [Frame]
    private let count = Counter()

    init(_ frames: [Frame]) { self.frames = frames }

    var handedOut: Int { count.value }

    func makeAsyncIterator() -> Iterator { Iterator(frames: frames, count: count) }

    struct Iterator: AsyncIteratorProtocol {
        let frames: [Frame]
        let count: Counter
        var index = 0

        mutating func next() async -> Frame? {
            guard index < frames.count else { return nil }
            count.add()
            defer { index += 1 }
            return frames[index]
        }
    }
}

final class Counter: Sendable {
    private let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    func add() { count.withLock { $0 += 1 } }
}

/// A sink whose `send` does not return until the test opens its gate.
final class GatedSink: FrameSink {
    let gate: Gate
    private let count = Counter()

    init(gate: Gate) { self.gate = gate }

    var sent: Int { count.value }

    func send(_ frame: Frame) async throws {
        await gate.pass()
        count.add()
    }

    func finish() async throws {}
}
