import Synchronization
import SwitchboardCore

/// A stage's input that counts the frames the stage has taken from it: a test can tell that a
/// stage has dealt with a frame (it asked for the next one), or that it stopped reading
/// (back-pressure), without timing it.
struct CountingFeed: AsyncSequence, Sendable {
    typealias Element = Frame
    typealias Failure = Never

    private let feed = FrameFeed()
    private let counter = Counter()

    /// Frames the stage has taken so far.
    var taken: Int { counter.value }

    func send(_ frames: Frame...) { for frame in frames { feed.send(frame) } }
    func send(_ frames: [Frame]) { for frame in frames { feed.send(frame) } }
    func finish() { feed.finish() }

    /// Waits in real time until the stage has taken `count` frames.
    func waitUntilTaken(_ count: Int, timeout: Duration = .seconds(60)) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while taken < count {
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(1))
        }
        return true
    }

    func makeAsyncIterator() -> Iterator { Iterator(base: feed.makeAsyncIterator(), counter: counter) }

    struct Iterator: AsyncIteratorProtocol {
        var base: AsyncStream<Frame>.Iterator
        let counter: Counter

        mutating func next(isolation actor: isolated (any Actor)?) async -> Frame? {
            guard let frame = await base.next(isolation: actor) else { return nil }
            counter.increment()
            return frame
        }

        mutating func next() async -> Frame? { await next(isolation: nil) }
    }

    final class Counter: Sendable {
        private let count = Mutex(0)
        var value: Int { count.withLock { $0 } }
        func increment() { count.withLock { $0 += 1 } }
    }
}
