/// Where the caller's playback stands against the audio sent, on the pacer's clock.
///
/// Playback starts with the first audio sent and runs at real time; audio may be sent up to
/// `lead` ahead of it. After a pause (no audio queued), playback has caught up with what was
/// sent and restarts from the present, so the next turn is not rushed out to make up for it.
struct PlayoutTimeline {
    let lead: Duration
    /// When the first audio was sent, on the clock.
    private var origin: Duration?
    /// How much audio has been sent, measured from `origin`.
    private var sentUntil = Duration.zero

    init(lead: Duration) { self.lead = lead }

    /// How long to hold the next audio frame at `now` before it may be sent.
    mutating func waitBeforeSending(at now: Duration) -> Duration {
        let start = origin ?? now
        origin = start
        let played = now - start
        sentUntil = max(sentUntil, played)
        return max(.zero, sentUntil - lead - played)
    }

    /// Audio of `duration` has just been sent.
    mutating func sent(_ duration: Duration) { sentUntil += duration }
}
