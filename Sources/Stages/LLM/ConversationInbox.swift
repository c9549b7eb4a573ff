import Channels
import Resilience
import SwitchboardCore

/// What the conversation loop reacts to, one at a time: input frames, engine output, timers.
enum LoopInput: Sendable {
    case frame(Frame)
    case inputEnded
    case chunk(generation: Int, Served<ResponseChunk>)
    case generationEnded(generation: Int, error: (any Error)?)
    /// The barge-in timer's deadline may have passed.
    case bargeInTimerDue

    /// Engine output and timers overtake input frames: a token must not wait behind the
    /// caller's audio, nor a barge-in decision behind the frames that follow it.
    var isUrgent: Bool {
        switch self {
        case .frame, .inputEnded: false
        case .chunk, .generationEnded, .bargeInTimerDue: true
        }
    }
}

/// The conversation loop's one queue, bounded both ways.
///
/// Input frames are read into it by a task of its own only as fast as the loop takes them,
/// so a slow downstream (the loop waits on `output.send`) holds the upstream back instead of
/// the caller's audio piling up here. Engine output and timers come in through the urgent lane
/// and are handed out first; that lane is bounded too, so an engine streaming faster than the
/// loop can send holds back its failover stream and, behind it, the HTTP transfer.
struct ConversationInbox: Sendable {
    /// Frames read ahead (and, separately, urgent inputs waiting): a fraction of a second of
    /// 20 ms audio, enough to keep the loop busy while the reader fetches the next frame.
    static let defaultCapacity = 8

    private let channel: BoundedChannel<LoopInput>

    init(capacity: Int = defaultCapacity) {
        channel = BoundedChannel(limits: .init(count: capacity), isUrgent: { $0.isUrgent })
    }

    /// Reads `input` into the inbox, then `inputEnded`, in a task that stops when the loop
    /// closes the inbox (or the task is cancelled).
    func read(_ input: some AsyncSequence<Frame, Never> & Sendable) -> Task<Void, Never> {
        let channel = channel
        return Task {
            do {
                for await frame in input { try await channel.send(.frame(frame)) }
                try await channel.send(.inputEnded)
            } catch {
                // The loop is gone (ChannelClosed) or the run was cancelled: nothing to read for.
            }
        }
    }

    /// Engine output or a timer, from its task. Suspends while the urgent lane is full;
    /// throws once the loop has closed the inbox.
    func post(_ input: LoopInput) async throws { try await channel.send(input) }

    /// The next input, urgent ones first; nil once the inbox is closed or the waiting task is
    /// cancelled. One at a time, so that what turns urgent meanwhile goes before the next frame.
    func next() async -> LoopInput? { await channel.nextBatch(max: 1).first }

    /// The loop is done: drops what is queued and releases every task waiting to post.
    func close() { channel.close() }
}
