extension AsyncThrowingStream where Failure == any Error {
    /// A stream that reads `source` only when its consumer asks for the next element, in the
    /// consumer's own task: no buffer and no task in between. So a slow consumer slows the
    /// source down (for a provider response, curl pauses the transfer once the body's buffer is
    /// full), cancelling the consumer cancels the read in progress, and dropping the stream
    /// drops `source` (which aborts an HTTP transfer still running).
    public init<Source: AsyncIteratorProtocol>(pulling source: Source) where Source.Element == Element {
        let pulled = PulledSource(source)
        self.init(unfolding: { try await pulled.next() })
    }

    /// The non-nil results of `transform`, read from this stream on demand (see
    /// `init(pulling:)`): ending or cancelling the new stream's consumer stops this one's
    /// producer.
    public func compactMapped<T: Sendable>(_ transform: @escaping @Sendable (Element) -> T?) -> AsyncThrowingStream<T, any Error> {
        AsyncThrowingStream<T, any Error>(pulling: compactMap(transform).makeAsyncIterator())
    }
}

/// The iterator a pulling stream reads, behind a closure so that the stream's own closure
/// captures nothing of the iterator's type. Unchecked: `AsyncThrowingStream(unfolding:)`
/// calls for one consumer, one element at a time, so the iterator is never used by two tasks
/// at once.
private final class PulledSource<Element>: @unchecked Sendable {
    private let pull: () async throws -> Element?

    init<Source: AsyncIteratorProtocol>(_ source: Source) where Source.Element == Element {
        var source = source
        pull = { try await source.next() }
    }

    func next() async throws -> Element? { try await pull() }
}
