/// The events of a `text/event-stream` body, as they complete.
public struct SSEStream<Body: AsyncSequence & Sendable>: AsyncSequence, Sendable where Body.Element == [UInt8] {
    public typealias Element = SSEEvent
    public typealias Failure = any Error

    public let body: Body
    public init(_ body: Body) { self.body = body }

    public func makeAsyncIterator() -> Iterator { Iterator(body: body.makeAsyncIterator()) }

    public struct Iterator: AsyncIteratorProtocol {
        var body: Body.AsyncIterator
        var parser = SSEParser()
        var pending: [SSEEvent] = []
        var index = 0

        public mutating func next() async throws -> SSEEvent? {
            while index >= pending.count {
                guard let chunk = try await body.next() else { return nil }
                pending = parser.feed(chunk)
                index = 0
            }
            defer { index += 1 }
            return pending[index]
        }
    }
}
