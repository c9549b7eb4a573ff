/// Frames already in hand as a stage's input: a benchmark measuring only the stage, an
/// evaluation sending a prepared call.
public struct FrameList: AsyncSequence, Sendable {
    public typealias Element = Frame
    public let frames: [Frame]

    public init(_ frames: [Frame]) { self.frames = frames }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: IndexingIterator<[Frame]>
        public mutating func next() async -> Frame? { base.next() }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(base: frames.makeIterator()) }
}
