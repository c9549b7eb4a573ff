/// How punctually the agent's audio reached the caller.
///
/// A frame is due when the caller's buffer needs it: the turn's first frame at once, each
/// later one when the audio before it has played (first arrival + the duration received
/// before it). A server that sends ahead of real time is never late; one that falls behind is
/// late by as long as the caller hears a gap. A late frame restarts the schedule from its own
/// arrival, so one stall is counted once, not again for every frame after it.
///
/// Worked example, 20 ms frames: arrivals at 0, 0, 0 (a burst) are due at 0, 20, 40 — none
/// late. Arrivals at 0, 20, 75 are due at 0, 20, 40: the third is 35 ms late (an underrun,
/// the buffer ran dry), and the fourth is due at 95.
struct AgentAudioArrivals: Sendable {
    private(set) var lateness = LatenessHistogram()
    private(set) var frames = 0
    /// Frames that came after the caller's buffer ran dry, in the middle of a turn.
    private(set) var underruns = 0
    /// When the next frame is due; nil between turns.
    private var dueMs: Double?

    /// Lateness of more than a tick is heard; less is the 20 ms grid's own rounding.
    static let underrunMs = 20.0

    mutating func arrived(atMs ms: Double, durationMs: Double) {
        frames += 1
        guard let due = dueMs else {
            dueMs = ms + durationMs
            return
        }
        let late = max(0, ms - due)
        lateness.add(late)
        if late > Self.underrunMs { underruns += 1 }
        dueMs = max(due, ms) + durationMs
    }

    /// The turn is over (its end mark arrived, a `clear` came, or the caller took a turn):
    /// the next frame starts a new schedule.
    mutating func turnEnded() { dueMs = nil }

    var report: JitterReport {
        JitterReport(frames: frames, p50Ms: lateness.percentile(0.5), p99Ms: lateness.percentile(0.99),
                     maxMs: lateness.maxMs, underruns: underruns)
    }
}
