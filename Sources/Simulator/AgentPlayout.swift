/// The agent's side of the line as Twilio plays it: `media` queued in the order received and
/// played at real time, each `mark` held behind the audio sent before it and echoed once that
/// audio has played (at once when nothing is queued), `clear` dropping the unplayed audio and
/// echoing every pending mark at once. It owns no clock: the line calls `play` every 20 ms,
/// so tests can drive it step by step.
public struct AgentPlayout: Sendable {
    /// Twilio discards audio beyond about ten minutes of buffer (warning 31931); so does this.
    public static let defaultMaxBufferedBytes = 10 * 60 * 8000
    /// Marks are small, but a server that never sends audio could still send endless marks.
    public static let maxPendingMarks = 10_000

    public let maxBufferedBytes: Int
    /// Unplayed agent audio, µ-law; `bufferStart` indexes its first unplayed byte (a ring
    /// would be tighter; compacting when half is played keeps this simple and linear).
    private var buffer: [UInt8] = []
    private var bufferStart = 0
    /// Bytes received and kept since the call began; a mark is due once `playedBytes` reaches
    /// the count at its arrival.
    private var receivedBytes = 0
    private var playedBytes = 0
    private var pendingMarks: [(name: String, dueAt: Int)] = []
    /// Bytes dropped because the buffer was full.
    public private(set) var discardedBytes = 0

    public init(maxBufferedBytes: Int = defaultMaxBufferedBytes) {
        self.maxBufferedBytes = maxBufferedBytes
    }

    /// Unplayed audio, in bytes (8 per millisecond).
    public var bufferedBytes: Int { buffer.count - bufferStart }
    public var pendingMarkNames: [String] { pendingMarks.map(\.name) }

    /// Queues agent audio behind what is already buffered.
    public mutating func receive(audio: [UInt8]) {
        let room = max(0, maxBufferedBytes - bufferedBytes)
        let kept = min(room, audio.count)
        discardedBytes += audio.count - kept
        buffer.append(contentsOf: audio.prefix(kept))
        receivedBytes += kept
    }

    /// Queues a mark behind the audio received so far. Returns the names to echo now: the
    /// mark itself when nothing is left to play (Twilio echoes it immediately).
    public mutating func receive(mark name: String) -> [String] {
        if bufferedBytes == 0 && pendingMarks.isEmpty { return [name] }
        guard pendingMarks.count < Self.maxPendingMarks else { return [name] }
        pendingMarks.append((name, receivedBytes))
        return []
    }

    /// Drops the unplayed audio; returns every pending mark, to echo at once.
    public mutating func clear() -> [String] {
        let names = pendingMarks.map(\.name)
        pendingMarks.removeAll()
        playedBytes += bufferedBytes
        buffer.removeAll(keepingCapacity: true)
        bufferStart = 0
        return names
    }

    /// What one step of real time played.
    public struct Step: Sendable, Equatable {
        /// Exactly the requested count: agent audio, then line silence (0xFF) if it ran out.
        public var played: [UInt8]
        /// How many of `played` were agent audio.
        public var agentBytes: Int
        /// Marks whose audio has now played, in order.
        public var echoedMarks: [String]
    }

    /// Plays `count` bytes (160 = 20 ms) and reports the marks that became due.
    public mutating func play(_ count: Int) -> Step {
        let take = min(count, bufferedBytes)
        var played = Array(buffer[bufferStart..<bufferStart + take])
        bufferStart += take
        playedBytes += take
        if bufferStart == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            bufferStart = 0
        } else if bufferStart > 64_000 && bufferStart * 2 > buffer.count {
            buffer.removeFirst(bufferStart)
            bufferStart = 0
        }
        played += repeatElement(0xFF, count: count - take)
        var echoed: [String] = []
        while let first = pendingMarks.first, first.dueAt <= playedBytes {
            echoed.append(first.name)
            pendingMarks.removeFirst()
        }
        return Step(played: played, agentBytes: take, echoedMarks: echoed)
    }
}
