import Foundation
import Runtime
import Synchronization
import SwitchboardCore

/// Stages and sinks that tests put into graphs.

/// Passes every frame on; counts them.
struct PassThrough: Stage {
    let name: String
    let counter = FrameCounter()
    init(_ name: String = "pass") { self.name = name }

    func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws {
        for await frame in input {
            counter.add()
            try await output.send(frame)
        }
    }
}

/// Sends `count` audio frames of one turn as fast as it may, then passes its input on.
struct AudioSource: Stage {
    let name = "source"
    let count: Int
    let turn: Int?
    let sent = FrameCounter()

    func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws {
        for i in 0..<count {
            try await output.send(.audio(AudioFrame(codec: .pcm16, rate: 8000, ts: i * 20, turn: turn, payload: [UInt8](repeating: 1, count: 320))))
            sent.add()
        }
        for await frame in input { try await output.send(frame) }
    }
}

/// Echoes each `text` event as a `response` naming the call's `start.call`, to show that calls
/// do not hear each other.
struct CallEcho: Stage {
    let name = "echo"

    func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws {
        var call = "?"
        for await frame in input {
            if let event = frame.event, event.type == "start" { call = event["call"]?.string ?? "?" }
            if let event = frame.event, event.type == "text" {
                try await output.send(.event(Event("response", ["call": .string(call), "text": event["text"] ?? .null])))
            } else {
                try await output.send(frame)
            }
        }
    }
}

/// Builds only the test stages named in the graph; anything else is a subprocess.
struct TestFactory: StageFactory {
    let stages: [String: any Stage]
    func makeStage(_ argv: [String]) throws -> (any Stage)? { stages[argv[0]] }
}

final class FrameCounter: Sendable {
    private let count = Atomic<Int>(0)
    func add() { count.add(1, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
}

/// Collects frames; can hold every `send` until opened, to play a consumer that has stalled.
final class GatedSink: FrameSink, @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [Frame] = []
    private var gate: BoundedChannel<Void>?
    private(set) var finished = false

    init(closed: Bool = false) {
        if closed { gate = BoundedChannel<Void>(limits: .init(count: 1)) }
    }

    var frames: [Frame] { lock.withLock { collected } }
    var events: [Event] { frames.compactMap(\.event) }

    func open() { lock.withLock { gate }?.finish() }

    func send(_ frame: Frame) async throws {
        if let gate = lock.withLock({ gate }) { _ = await gate.nextBatch() }
        lock.withLock { collected.append(frame) }
    }

    func finish() async throws { lock.withLock { finished = true } }

    func wait(timeout: Duration = .seconds(20), until condition: ([Frame]) -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !condition(frames) {
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(2))
        }
        return true
    }
}

extension FrameChannel {
    /// Sends the frames and finishes: a call whose caller said exactly this.
    func feed(_ frames: [Frame]) async throws {
        for frame in frames { try await send(frame) }
        finish()
    }
}

/// The repository's root, for Examples/ and the built tools.
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
