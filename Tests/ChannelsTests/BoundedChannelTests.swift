import Foundation
import Synchronization
import Testing
import Channels
import SwitchboardCore

@Suite struct BoundedChannelTests {
    func audio(_ ts: Int, bytes: Int = 320, turn: Int? = nil) -> Frame {
        .audio(AudioFrame(codec: .pcm16, rate: 8000, ts: ts, turn: turn, payload: [UInt8](repeating: 0, count: bytes)))
    }

    @Test func deliversInOrderThenEnds() async throws {
        let channel = FrameChannel()
        let frames = (0..<200).map { audio($0 * 20) }
        let producer = Task {
            for frame in frames { try await channel.send(frame) }
            channel.finish()
        }
        var received: [Frame] = []
        for await frame in channel { received.append(frame) }
        try await producer.value
        #expect(received == frames)
    }

    /// A producer faster than its consumer is held at the bound: never more than `count`
    /// frames queued, whatever it tries to send.
    @Test func sendSuspendsWhenFullByCount() async throws {
        let channel = BoundedChannel<Int>(limits: .init(count: 4))
        let sent = Counter()
        let producer = Task {
            for i in 0..<10 {
                try await channel.send(i)
                sent.increment()
            }
        }
        try await waitUntil { sent.value == 4 }
        try await Task.sleep(for: .milliseconds(20))
        #expect(sent.value == 4)
        #expect(channel.count == 4)
        #expect(await channel.nextBatch(max: 2) == [0, 1])
        try await waitUntil { sent.value == 6 }
        #expect(channel.count == 4)
        producer.cancel()
    }

    @Test func sendSuspendsWhenFullByWeight() async throws {
        let channel = FrameChannel(frameLimits: .init(count: 100, weight: 1000))
        try await channel.send(audio(0, bytes: 600))
        // Over the weight bound now (664 + 664 > 1000 is allowed once: the check is before).
        try await channel.send(audio(20, bytes: 600))
        #expect(channel.offer(audio(40, bytes: 600)) == .full)
        _ = await channel.nextBatch(max: 1)
        #expect(channel.offer(audio(40, bytes: 600)) == .accepted)
    }

    /// A frame heavier than the whole bound still passes through an empty channel.
    @Test func oversizedElementGoesIntoAnEmptyChannel() async throws {
        let channel = FrameChannel(frameLimits: .init(count: 4, weight: 100))
        #expect(channel.offer(audio(0, bytes: 1000)) == .accepted)
        #expect(channel.offer(audio(20, bytes: 10)) == .full)
    }

    @Test func interruptOvertakesQueuedAudio() async throws {
        let channel = FrameChannel()
        for i in 0..<10 { try await channel.send(audio(i * 20, turn: 1)) }
        let interrupt = Frame.event(Event("interrupt", ["turn": 1, "ts": 0]))
        try await channel.send(interrupt)
        var iterator = channel.makeAsyncIterator()
        #expect(await iterator.next() == interrupt)
        #expect(await iterator.next()?.audio?.ts == 0)
    }

    /// A full channel does not hold an interrupt back.
    @Test func urgentSendDoesNotWaitForRoom() async throws {
        let channel = FrameChannel(frameLimits: .init(count: 2))
        try await channel.send(audio(0))
        try await channel.send(audio(20))
        #expect(channel.offer(audio(40)) == .full)
        #expect(channel.offer(.event(Event("interrupt", ["turn": 1]))) == .accepted)
    }

    @Test func closingTheConsumerReleasesABlockedProducer() async throws {
        let channel = BoundedChannel<Int>(limits: .init(count: 1))
        try await channel.send(1)
        let producer = Task { try await channel.send(2) }
        try await Task.sleep(for: .milliseconds(10))
        channel.close()
        await #expect(throws: ChannelClosed.self) { try await producer.value }
        await #expect(throws: ChannelClosed.self) { try await channel.send(3) }
        #expect(await channel.nextBatch().isEmpty)
    }

    @Test func sendingAfterFinishIsRefused() async throws {
        let channel = BoundedChannel<Int>(limits: .init(count: 4))
        try await channel.send(1)
        channel.finish()
        await #expect(throws: ChannelClosed.self) { try await channel.send(2) }
        #expect(await channel.nextBatch() == [1])
        #expect(await channel.nextBatch().isEmpty)
    }

    @Test func cancellingABlockedSendLeavesNothingQueued() async throws {
        let channel = BoundedChannel<Int>(limits: .init(count: 1))
        try await channel.send(1)
        let producer = Task { try await channel.send(2) }
        try await Task.sleep(for: .milliseconds(10))
        producer.cancel()
        await #expect(throws: CancellationError.self) { try await producer.value }
        channel.finish()
        #expect(await channel.nextBatch() == [1])
        #expect(await channel.nextBatch().isEmpty)
    }

    @Test func cancellingAWaitingConsumerEndsItsIteration() async throws {
        let channel = BoundedChannel<Int>(limits: .init(count: 4))
        let consumer = Task { await channel.nextBatch() }
        try await Task.sleep(for: .milliseconds(10))
        consumer.cancel()
        #expect(await consumer.value.isEmpty)
    }

    @Test func removeAllMakesRoom() async throws {
        let channel = BoundedChannel<Frame>(limits: .init(count: 3))
        for i in 0..<3 { try await channel.send(audio(i * 20, turn: i == 2 ? 2 : 1)) }
        let producer = Task { try await channel.send(audio(60, turn: 2)) }
        channel.removeAll { $0.audio?.turn == 1 }
        try await producer.value
        channel.finish()
        var turns: [Int?] = []
        for await frame in channel { turns.append(frame.audio?.turn) }
        #expect(turns == [2, 2])
    }

    @Test func offerAndWhenRoomForProducersThatCannotWait() async throws {
        let channel = BoundedChannel<Int>(limits: .init(count: 1))
        #expect(channel.offer(1) == .accepted)
        #expect(channel.offer(2) == .full)
        let called = Counter()
        channel.whenRoom { called.increment() }
        #expect(called.value == 0)
        _ = await channel.nextBatch()
        #expect(called.value == 1)
        #expect(channel.offer(2) == .accepted)
    }

    /// Several producers (the ring feeds a call's first node from two sides) all get through.
    @Test func manyProducersOneConsumer() async throws {
        let channel = BoundedChannel<Int>(limits: .init(count: 8))
        let received = Task {
            var all: [Int] = []
            for await value in channel { all.append(value) }
            return all
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for p in 0..<4 {
                group.addTask { for i in 0..<500 { try await channel.send(p * 1000 + i) } }
            }
            try await group.waitForAll()
        }
        channel.finish()
        let all = await received.value
        #expect(all.count == 2000)
        for p in 0..<4 { #expect(all.filter { $0 / 1000 == p } == (0..<500).map { p * 1000 + $0 }) }
    }

    private func waitUntil(_ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while !condition() {
            guard ContinuousClock.now < deadline else { Issue.record("timed out"); return }
            try await Task.sleep(for: .milliseconds(1))
        }
    }
}

/// A count shared with the tasks and callbacks of a test.
final class Counter: Sendable {
    private let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    func increment() { count.withLock { $0 += 1 } }
}
