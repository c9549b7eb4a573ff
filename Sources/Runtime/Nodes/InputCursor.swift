import Synchronization
import SwitchboardCore

/// A node's input, read by one alternative after another (`a || b`): a frame the failed
/// alternative did not take is put back and read first by the next one.
///
/// Only one task reads at a time (the forwarder of the alternative in service; the next one
/// starts after it has ended), which is what makes holding a plain iterator here sound.
final class InputCursor: @unchecked Sendable {
    private let nextFrame: () async -> Frame?
    private var putBackFrames: [Frame] = []
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

    func putBack(_ frame: Frame) { putBackFrames.append(frame) }

    /// A `stop` has been read: the call is over, and a node may end before its input does.
    var sawStop: Bool { stopSeen.load(ordering: .relaxed) }
}
