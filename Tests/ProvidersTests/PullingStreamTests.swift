import Synchronization
import Testing
@testable import Providers

/// Streams that read their source on demand: nothing is read ahead of the consumer, and a
/// consumer that stops stops the source.
@Suite struct PullingStreamTests {
    @Test func readsOnlyWhatTheConsumerAsksFor() async throws {
        let source = CountingSource(count: 100)
        let stream = AsyncThrowingStream(pulling: source.makeAsyncIterator())
            .compactMapped { $0.isMultiple(of: 2) ? "even \($0)" : nil }
        var iterator = stream.makeAsyncIterator()
        #expect(try await iterator.next() == "even 0")
        #expect(try await iterator.next() == "even 2")
        #expect(source.pulled == 3, "one element per odd one skipped, none ahead")
    }

    @Test func errorsArriveAfterWhatCameBefore() async throws {
        let source = CountingSource(count: 2, failAtEnd: true)
        var received: [Int] = []
        await #expect(throws: SourceFailed.self) {
            for try await number in AsyncThrowingStream(pulling: source.makeAsyncIterator()) { received.append(number) }
        }
        #expect(received == [0, 1])
    }

    /// The source's reads run in the consumer's task: cancelling it cancels the read in progress.
    @Test func cancellingTheConsumerCancelsTheRead() async throws {
        let source = WaitingSource()
        let stream = AsyncThrowingStream<Int, any Error>(pulling: source)
        let consumer = Task { for try await _ in stream {} }
        let deadline = ContinuousClock.now + .seconds(5)
        while source.started.value == 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(2)) }
        consumer.cancel()
        _ = try? await consumer.value
        #expect(source.cancelled.value == 1)
    }
}

struct SourceFailed: Error {}

/// 0, 1, 2, … up to `count`, counting how many were read.
struct CountingSource: AsyncSequence, Sendable {
    let count: Int
    var failAtEnd = false
    let counter = PullCounter()

    init(count: Int, failAtEnd: Bool = false) {
        self.count = count
        self.failAtEnd = failAtEnd
    }

    var pulled: Int { counter.value }

    func makeAsyncIterator() -> Iterator { Iterator(count: count, failAtEnd: failAtEnd, counter: counter) }

    struct Iterator: AsyncIteratorProtocol {
        let count: Int
        let failAtEnd: Bool
        let counter: PullCounter
        var next = 0

        mutating func next() async throws -> Int? {
            guard next < count else {
                if failAtEnd { throw SourceFailed() }
                return nil
            }
            counter.add()
            defer { next += 1 }
            return next
        }
    }
}

final class PullCounter: Sendable {
    private let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    func add() { count.withLock { $0 += 1 } }
}

/// A source whose reads wait until their task is cancelled, counting both.
struct WaitingSource: AsyncIteratorProtocol {
    let started = PullCounter()
    let cancelled = PullCounter()

    mutating func next() async throws -> Int? {
        started.add()
        do {
            try await Task.sleep(for: .seconds(3600))
        } catch {
            cancelled.add()
            throw error
        }
        return nil
    }
}
