import Foundation
import SwitchboardCore

/// Collects what a stage sends, for in-process tests.
final class CollectingSink: FrameSink, @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [Frame] = []
    private(set) var finished = false

    var frames: [Frame] { lock.withLock { collected } }
    var events: [Event] { frames.compactMap(\.event) }
    var audio: [AudioFrame] { frames.compactMap(\.audio) }

    func send(_ frame: Frame) async throws { lock.withLock { collected.append(frame) } }
    func finish() async throws { lock.withLock { finished = true } }

    /// Waits until what was sent satisfies `condition`, or `timeout` passes: tests of paced or
    /// concurrent stages wait for a state rather than sleep for a guess of how long it takes.
    @discardableResult
    func wait(timeout: Duration = .seconds(60), until condition: ([Frame]) -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !condition(frames) {
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(2))
        }
        return true
    }
}

/// A stage's input fed from a test, one frame at a time, with pauses where the test wants them.
struct FrameFeed: AsyncSequence, Sendable {
    typealias Element = Frame
    typealias Failure = Never
    let stream: AsyncStream<Frame>
    let continuation: AsyncStream<Frame>.Continuation

    init() { (stream, continuation) = AsyncStream.makeStream(of: Frame.self) }

    func send(_ frames: Frame...) { for frame in frames { continuation.yield(frame) } }
    func finish() { continuation.finish() }
    func makeAsyncIterator() -> AsyncStream<Frame>.Iterator { stream.makeAsyncIterator() }
}

extension Stage {
    /// Runs the stage over fixed frames and returns what it sent.
    func output(for frames: [Frame]) async throws -> [Frame] {
        let feed = FrameFeed()
        for frame in frames { feed.send(frame) }
        feed.finish()
        let sink = CollectingSink()
        try await run(feed, to: sink)
        return sink.frames
    }
}

func pcm16Frame(_ samples: [Int16], rate: Int, ts: Int, turn: Int? = nil) -> Frame {
    var bytes: [UInt8] = []
    for s in samples { bytes += [UInt8(truncatingIfNeeded: s), UInt8(truncatingIfNeeded: UInt16(bitPattern: s) >> 8)] }
    return .audio(AudioFrame(codec: .pcm16, rate: rate, ts: ts, turn: turn, payload: bytes))
}

func tone(_ count: Int, rate: Int, hz: Double = 440) -> [Int16] {
    (0..<count).map { Int16(8000 * sin(2 * .pi * hz * Double($0) / Double(rate))) }
}
