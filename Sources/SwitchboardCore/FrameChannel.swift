// FrameChannel is a BoundedChannel: whoever uses one needs its methods.
@_exported import Channels

/// The in-process edge between two nodes of a call graph: a `BoundedChannel` of frames,
/// weighed by payload bytes, whose urgent lane carries `interrupt` so that a barge-in
/// overtakes the agent audio queued before it.
public typealias FrameChannel = BoundedChannel<Frame>

extension BoundedChannel where Element == Frame {
    /// 50 frames is one second of 20 ms audio; 64 KiB is four seconds of 8 kHz pcm16.
    public static var defaultFrameLimits: Limits { Limits(count: 64, weight: 64 * 1024) }

    public convenience init(frameLimits: Limits = defaultFrameLimits) {
        self.init(limits: frameLimits, weight: { $0.weight }, isUrgent: { $0.isUrgent })
    }
}

/// A channel is where the node before it sends: `finish` ends the next node's input.
extension BoundedChannel: FrameSink where Element == Frame {}

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
