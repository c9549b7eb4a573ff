/// A call's two sides on one 8 kHz sample clock, the recording's: the caller where their media
/// time puts them, the agent where Twilio would play it. Hands out the stereo samples (µ-law,
/// interleaved, caller left) once nothing can change them any more, so the recording is written
/// as the call goes and only the near past and the agent's queued answer are held.
///
/// Twilio plays agent audio as it arrives, after what it already has queued, and drops the
/// queue on `clear` (our answer to an `interrupt`). So an agent frame starts at the later of
/// "now" and the end of the queue; an interrupt cuts the queue at "now". The caller's packets
/// may come a little out of order, so samples are written `reorderSamples` behind "now", and
/// not past the caller's latest audio while it lags (a congested network, a busy machine)
/// by up to `maxLagSamples`; a packet later than that has missed its place and is dropped
/// (and counted by the caller).
struct StereoTimeline {
    static let rate = 8000

    /// How far behind "now" the recording is written: room for late caller packets.
    let reorderSamples: Int
    /// How far the caller's audio may lag "now" and still be recorded in its place.
    let maxLagSamples: Int
    /// Writes go out in pieces at least this long (fewer, larger writes).
    let chunkSamples: Int
    /// The most agent audio queued ahead of "now"; beyond it agent frames are dropped.
    let maxQueuedAgentSamples: Int
    /// The most caller audio one packet may carry (Twilio sends 20 ms).
    let maxPacketSamples: Int

    /// Samples (per channel) already handed out.
    private(set) var written = 0
    /// Where the agent's queued audio ends: the next agent frame starts here or at "now".
    private(set) var agentEnd = 0
    /// Where the caller's latest audio ends.
    private(set) var callerEnd = 0
    private var caller = SampleWindow()
    private var agent = SampleWindow()

    init(reorderMs: Int = 400, maxLagMs: Int = 10_000, chunkMs: Int = 250, maxQueuedAgentSeconds: Int = 60, maxPacketMs: Int = 1000) {
        reorderSamples = reorderMs * Self.rate / 1000
        maxLagSamples = max(maxLagMs, reorderMs) * Self.rate / 1000
        chunkSamples = chunkMs * Self.rate / 1000
        maxQueuedAgentSamples = maxQueuedAgentSeconds * Self.rate
        maxPacketSamples = maxPacketMs * Self.rate / 1000
    }

    enum CallerPlacement: Equatable {
        case placed
        /// Part or all of the packet came after its place was written (`samples` lost).
        case late(samples: Int)
        /// Longer than a packet may be; the excess was dropped.
        case oversized(samples: Int)
    }

    /// Places caller µ-law audio at sample `start` (its media time).
    mutating func placeCaller(_ payload: [UInt8], at start: Int) -> CallerPlacement {
        var samples = payload[...]
        var outcome = CallerPlacement.placed
        if samples.count > maxPacketSamples {
            outcome = .oversized(samples: samples.count - maxPacketSamples)
            samples = samples.prefix(maxPacketSamples)
        }
        var from = start
        if from < written {
            let lost = min(written - from, samples.count)
            samples = samples.dropFirst(lost)
            from = written
            outcome = .late(samples: lost)
        }
        guard !samples.isEmpty else { return outcome }
        caller.place(samples, at: from - written)
        callerEnd = max(callerEnd, from + samples.count)
        return outcome
    }

    /// Queues agent µ-law audio sent at sample `now`; false (and nothing queued) when the queue
    /// already holds `maxQueuedAgentSamples` ahead of now.
    mutating func queueAgent(_ payload: [UInt8], now: Int) -> Bool {
        let start = max(agentEnd, now, written)
        guard start + payload.count - now <= maxQueuedAgentSamples else { return false }
        agent.place(payload[...], at: start - written)
        agentEnd = start + payload.count
        return true
    }

    /// Agent audio that cannot be recorded (another rate or codec) still takes its time.
    mutating func queueAgentSilence(samples: Int, now: Int) {
        agentEnd = max(agentEnd, now, written) + max(samples, 0)
    }

    /// Twilio's `clear`: what had not been played by `now` is gone. Returns the samples dropped.
    @discardableResult
    mutating func interrupt(now: Int) -> Int {
        let cut = max(now, written)
        guard agentEnd > cut else { return 0 }
        let dropped = agentEnd - cut
        agent.truncate(to: cut - written)
        agentEnd = cut
        return dropped
    }

    /// Where the sentence being queued would start playing if sent at `now`.
    func agentStart(now: Int) -> Int { max(agentEnd, now, written) }

    /// The stereo samples that can no longer change at `now`, if a chunk's worth has gathered.
    mutating func settled(now: Int) -> [UInt8]? {
        let target = max(min(now - reorderSamples, callerEnd), now - maxLagSamples)
        guard target - written >= chunkSamples else { return nil }
        return take(target - written)
    }

    /// The end of the call at `now`: every caller sample, and the agent's audio played by now
    /// (what was still queued was never heard).
    mutating func finish(now: Int) -> [UInt8] {
        interrupt(now: now)
        let end = max(callerEnd, agentEnd, written)
        return take(end - written)
    }

    /// Bytes held for samples not yet written (both channels).
    var heldBytes: Int { caller.heldBytes + agent.heldBytes }

    private mutating func take(_ n: Int) -> [UInt8] {
        guard n > 0 else { return [] }
        let left = caller.take(n)
        let right = agent.take(n)
        let stereo = [UInt8](unsafeUninitializedCapacity: n * 2) { out, count in
            left.withUnsafeBufferPointer { left in
                right.withUnsafeBufferPointer { right in
                    for i in 0..<n {
                        out[2 * i] = left[i]
                        out[2 * i + 1] = right[i]
                    }
                }
            }
            count = n * 2
        }
        written += n
        return stereo
    }
}
