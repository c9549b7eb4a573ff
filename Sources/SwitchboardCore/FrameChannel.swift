// FrameChannel's limits are a BoundedChannel's: whoever makes one needs that type too.
@_exported import Channels

/// The in-process edge between two nodes of a call graph: a `BoundedChannel` of frames,
/// weighed by payload bytes, whose urgent lane carries `interrupt` so that a barge-in
/// overtakes the agent audio queued before it.
///
/// A concrete class, not a type alias, for speed: a stage's `run` is generic over its input
/// and is called through an existential, so it runs unspecialised; iterating a generic
/// `BoundedChannel<Frame>` from there looked up generic metadata at every step (a fifth of the
/// runtime's CPU). Here every call is specialised once, for frames.
public final class FrameChannel: Sendable {
    public typealias Limits = BoundedChannel<Frame>.Limits

    /// 50 frames is one second of 20 ms audio; 64 KiB is four seconds of 8 kHz pcm16.
    public static var defaultFrameLimits: Limits { Limits(count: 64, weight: 64 * 1024) }

    private let channel: BoundedChannel<Frame>

    public init(frameLimits: Limits = defaultFrameLimits) {
        channel = BoundedChannel(limits: frameLimits, weight: { $0.weight }, isUrgent: { $0.isUrgent })
    }

    /// See `BoundedChannel.send`: suspends while full, throws `ChannelClosed` once closed.
    public func send(_ frame: Frame) async throws { try await channel.send(frame) }
    /// See `BoundedChannel.offer`.
    public func offer(_ frame: Frame) -> BoundedChannel<Frame>.Offer { channel.offer(frame) }
    /// No more frames: the next node's input ends after what is queued.
    public func finish() { channel.finish() }
    /// The reading node is gone: queued frames are dropped, senders throw.
    public func close() { channel.close() }
    public func nextBatch(max: Int = .max) async -> [Frame] { await channel.nextBatch(max: max) }
    public func nextBatch(into batch: inout [Frame], max: Int = .max) async { await channel.nextBatch(into: &batch, max: max) }
    public var count: Int { channel.count }
    public var handedOut: Int { channel.handedOut }
}

/// A channel is where the node before it sends: `finish` ends the next node's input.
extension FrameChannel: FrameSink {}

extension FrameChannel: AsyncSequence {
    public typealias Element = Frame
    public typealias Failure = Never

    public func makeAsyncIterator() -> Iterator { Iterator(channel: self) }

    /// Hands out the channel's batches one frame at a time, as `BoundedChannel.Iterator` does
    /// (that one would run unspecialised when a stage calls it).
    public struct Iterator: AsyncIteratorProtocol {
        let channel: FrameChannel
        var batch: [Frame] = []
        var position = 0

        public mutating func next(isolation actor: isolated (any Actor)?) async -> Frame? {
            if position == batch.count {
                await channel.nextBatch(into: &batch, max: BoundedChannel<Frame>.Iterator.batchSize)
                position = 0
                if batch.isEmpty { return nil }
            }
            defer { position += 1 }
            return batch[position]
        }

        public mutating func next() async -> Frame? { await next(isolation: nil) }
    }
}

extension Frame {
    /// What a frame costs a channel: its payload plus a little for the header.
    public var weight: Int {
        switch self {
        case .audio(let audio): audio.payload.count + 64
        case .event(let event): (event.payload?.count ?? 0) + 64
        }
    }

    /// Frames that overtake queued audio: the barge-in signal.
    public var isUrgent: Bool {
        if case .event(let event) = self { return event.type == "interrupt" }
        return false
    }
}
