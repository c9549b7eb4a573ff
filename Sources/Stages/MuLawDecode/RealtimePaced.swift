import SwitchboardCore

/// Delays audio frames so they come out as fast as they would on a live call: frame `ts` is
/// reached on the wall clock, counted from the first audio frame. Events are not delayed.
public struct RealtimePaced<Base: AsyncSequence & Sendable>: AsyncSequence, Sendable
where Base.Element == Frame, Base.Failure == Never {
    public typealias Element = Frame
    public typealias Failure = Never

    public let base: Base
    public init(_ base: Base) { self.base = base }

    public func makeAsyncIterator() -> Iterator { Iterator(base: base.makeAsyncIterator()) }

    public struct Iterator: AsyncIteratorProtocol {
        var base: Base.AsyncIterator
        var origin: (instant: ContinuousClock.Instant, ts: Int)?

        public mutating func next(isolation actor: isolated (any Actor)?) async -> Frame? {
            guard let frame = await base.next(isolation: actor) else { return nil }
            if case .audio(let audio) = frame {
                if let origin {
                    let due = origin.instant + .milliseconds(audio.ts - origin.ts)
                    try? await Task.sleep(until: due, clock: .continuous)
                } else {
                    origin = (.now, audio.ts)
                }
            }
            return frame
        }

        public mutating func next() async -> Frame? { await next(isolation: nil) }
    }
}
