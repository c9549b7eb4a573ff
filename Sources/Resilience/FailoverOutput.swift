import Channels
import Synchronization

/// Where a failover request's answer goes, from whichever attempt won to the one consumer.
///
/// It is a bounded channel, so an engine that streams faster than its consumer reads is held
/// back — and with it whatever feeds it, down to the HTTP transfer — instead of queueing
/// without limit. An error after the first element waits in its own slot until the consumer
/// has read what came before it. When the consumer stops reading (the end, cancellation, or
/// dropping the stream) the producing task is cancelled and any attempt still sending is
/// released.
final class FailoverOutput<Element: Sendable>: Sendable {
    /// Elements in flight between the winning attempt and the consumer: enough to keep a token
    /// stream moving while the consumer is busy for a moment, small enough to push back soon.
    static var capacity: Int { 16 }

    fileprivate let channel = BoundedChannel<Served<Element>>(limits: .init(count: capacity))
    fileprivate let failure = Mutex<(any Error)?>(nil)

    /// Hands `served` to the consumer, suspending while it is `capacity` elements behind.
    /// Throws `ChannelClosed` once the consumer has stopped reading, or `CancellationError`.
    func send(_ served: Served<Element>) async throws { try await channel.send(served) }

    /// The answer is complete: the consumer reads what is queued, then the end.
    func finish() { channel.finish() }

    /// The answer ends with `error`, after what was sent before it.
    func finish(throwing error: any Error) {
        failure.withLock { if $0 == nil { $0 = error } }
        channel.finish()
    }

    /// The consumer's side. It reads in the consumer's own task (no relay in between), and
    /// cancels `producer` as soon as it stops reading.
    func stream(cancelling producer: Task<Void, Never>) -> AsyncThrowingStream<Served<Element>, any Error> {
        let reader = FailoverReader(output: self, producer: producer)
        return AsyncThrowingStream { try await reader.next() }
    }
}

/// The consumer's hold on a `FailoverOutput`. `AsyncThrowingStream(unfolding:)` keeps it
/// while the stream is read and lets it go at the end, on cancellation or when the stream is
/// dropped, so its `deinit` is where an abandoned answer stops its producer.
private final class FailoverReader<Element: Sendable>: Sendable {
    let output: FailoverOutput<Element>
    let producer: Task<Void, Never>

    init(output: FailoverOutput<Element>, producer: Task<Void, Never>) {
        self.output = output
        self.producer = producer
    }

    deinit { stop() }

    /// One element at a time, so that no more than `capacity` are ever in flight.
    func next() async throws -> Served<Element>? {
        let output = output, producer = producer
        let next = await withTaskCancellationHandler {
            await output.channel.nextBatch(max: 1).first
        } onCancel: {
            output.channel.close()
            producer.cancel()
        }
        if let next { return next }
        stop()
        if Task.isCancelled { return nil }
        if let error = output.failure.withLock({ $0 }) { throw error }
        return nil
    }

    /// Nothing more will be read: release any sender and call the attempts off.
    private func stop() {
        output.channel.close()
        producer.cancel()
    }
}
