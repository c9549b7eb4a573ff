import DequeModule
import Synchronization
import SwitchboardCore

/// A node's input, read by one alternative after another (`a || b`).
///
/// Frames handed to an alternative since it last sent a `context` are kept (up to a bound);
/// if it fails, they are read again by the next one, after that context: the frame it failed
/// on, and those queued behind it, get their answer from the stand-in. Frames from before the
/// context are in the conversation the context carries. (A node that never sends `context`
/// has its last `replayLimit` frames replayed.)
///
/// Only one forwarder reads at a time (the next starts after the last has ended); the
/// alternative's output marks checkpoints from its own task, hence the lock on `replay`.
final class InputCursor: @unchecked Sendable {
    static let replayLimit = 256

    private let nextFrame: () async -> Frame?
    /// Last out first: the next frame to read is at the end.
    private var putBackFrames: [Frame] = []
    private let replay = Mutex(Deque<Frame>())
    private let stopSeen = Atomic<Bool>(false)

    init<Iterator: AsyncIteratorProtocol>(_ iterator: Iterator) where Iterator.Element == Frame, Iterator.Failure == Never {
        var iterator = iterator
        nextFrame = { await iterator.next(isolation: nil) }
    }

    func next() async -> Frame? {
        let frame = putBackFrames.isEmpty ? await nextFrame() : putBackFrames.removeLast()
        if frame?.event?.type == "stop" { stopSeen.store(true, ordering: .relaxed) }
        return frame
    }

    /// Puts back a frame read but not handed over; it is read again next.
    func putBack(_ frame: Frame) { putBackFrames.append(frame) }

    /// `frame` went to the alternative in service.
    func handedOver(_ frame: Frame) {
        replay.withLock { replay in
            replay.append(frame)
            if replay.count > Self.replayLimit { replay.removeFirst() }
        }
    }

    /// The alternative sent a `context`: what it was handed so far is in the conversation.
    func checkpoint() { replay.withLock { $0.removeAll() } }

    /// The alternative failed: what it was handed since its last checkpoint is read again,
    /// before anything put back (which was read after it).
    func replayHandedOver() {
        let frames = replay.withLock { replay in
            defer { replay.removeAll() }
            return Array(replay)
        }
        putBackFrames += frames.reversed()
    }

    /// A `stop` has been read: the call is over, and a node may end before its input does.
    var sawStop: Bool { stopSeen.load(ordering: .relaxed) }
}
